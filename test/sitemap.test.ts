// The sitemap: the URL list from the archive's papers and issues, the split into files of at most
// 50,000 URLs under a sitemap index, and the /sitemap.xml of both test builds against their files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArchiveNav } from '../src/lib/archive-nav.ts';
import type { ArchiveIssue } from '../src/lib/archive-schema.ts';
import { buildSitemapIndex, buildUrlset, chunkPaths, editorialPath, SITEMAP_LIMIT, sitePaths } from '../src/lib/sitemap.ts';
import { builds, readBuiltSite } from './support/dist.ts';

const address = { site: new URL('https://intranet.example/'), base: '/archive/' };
const tree = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

const issue = (paperId: string, date: string, pages: [number, number][]): ArchiveIssue => ({
  id: `${paperId}/${date}`, paper: paperId, paperName: paperId, date, dateSource: 'masthead', number: null,
  totalPages: null, lunarDate: null, weekday: null,
  pages: pages.map(([number, count]) => ({
    number, name: null, sources: [], furniture: [],
    articles: Array.from({ length: count }, (_, i) => ({ id: `${paperId}/${date}/${String(number).padStart(2, '0')}/${i + 1}`, order: i + 1, kind: 'news' as const, title: null, chars: 1 })),
  })),
});

describe('sitePaths', () => {
  it('lists home, editorial pages, the HTML site map, and every paper, year, issue, page and article in a stable order', () => {
    const issues = [issue('b-daily', '2022-01-02', [[2, 1], [1, 2]]), issue('a-daily', '2021-05-01', [[1, 1]]), issue('b-daily', '2022-01-01', [[1, 0]])];
    // Through the archive navigation, which orders issues, pages and articles once for every route.
    const { papers } = buildArchiveNav([], issues);
    const paths = sitePaths(papers, ['cite', 'about']);
    expect(paths).toEqual([
      '', 'about/', 'about/cite/', 'sitemap/',
      'a-daily/', 'a-daily/2021/', 'a-daily/2021-05-01/', 'a-daily/2021-05-01/01/', 'a-daily/2021-05-01/01/1/',
      'b-daily/', 'b-daily/2022/', 'b-daily/2022-01-01/', 'b-daily/2022-01-01/01/',
      'b-daily/2022-01-02/', 'b-daily/2022-01-02/01/', 'b-daily/2022-01-02/01/1/', 'b-daily/2022-01-02/01/2/',
      'b-daily/2022-01-02/02/', 'b-daily/2022-01-02/02/1/',
    ]);
  });

  it('maps editorial MDX ids to /about/ pages', () => {
    expect(['about', 'search', 'cite'].map(editorialPath)).toEqual(['about/', 'about/search/', 'about/cite/']);
  });
});

describe('sitemap files', () => {
  it('keeps one file up to the limit and splits above it', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `p${i}/`);
    expect(chunkPaths(paths, 7)).toEqual([paths]);
    expect(chunkPaths(paths, 3)).toEqual([paths.slice(0, 3), paths.slice(3, 6), paths.slice(6)]);
    expect(chunkPaths([], 3)).toEqual([[]]);
  });

  it('splits a 120,001-URL archive into three protocol-sized files under an index', () => {
    const paths = Array.from({ length: 120_001 }, (_, i) => `paper/${i}/`);
    const chunks = chunkPaths(paths);
    expect(SITEMAP_LIMIT).toBe(50_000);
    expect(chunks.map((c) => c.length)).toEqual([50_000, 50_000, 20_001]);
    const index = buildSitemapIndex(chunks.length, address);
    expect(XMLValidator.validate(index)).toBe(true);
    expect(tree.parse(index).sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      'https://intranet.example/archive/sitemap-1.xml',
      'https://intranet.example/archive/sitemap-2.xml',
      'https://intranet.example/archive/sitemap-3.xml',
    ]);
    const last = buildUrlset(chunks[2]!, address);
    expect(XMLValidator.validate(last)).toBe(true);
    // the protocol's other limit: 50 MB uncompressed per file
    expect(Buffer.byteLength(buildUrlset(chunks[0]!, address))).toBeLessThan(50 * 1024 * 1024);
  });

  it('writes absolute URLs under the base path in the sitemaps.org namespace', () => {
    const xml = buildUrlset(['', 'a/2022-01-01/01/1/'], address);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'url' }).parse(xml);
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url.map((u: { loc: string }) => u.loc)).toEqual(['https://intranet.example/archive/', 'https://intranet.example/archive/a/2022-01-01/01/1/']);
  });
});

describe.each(builds)('built site ($name): /sitemap.xml', ({ dir, base }) => {
  it('lists every HTML page of the site, and every URL it lists is a page of the site', () => {
    const site = readBuiltSite(dir, base);
    const read = (file: string) => {
      const xml = readFileSync(join(dir, file), 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      return tree.parse(xml);
    };
    const top = read('sitemap.xml');
    // a large archive gets a sitemap index; follow it to its files
    const urlsets = top.sitemapindex
      ? top.sitemapindex.sitemap.map((s: { loc: string }) => read(site.fileFor(new URL(s.loc).pathname)!).urlset)
      : [top.urlset];
    const locs: string[] = urlsets.flatMap((u: { url: { loc: string }[] }) => u.url.map((x) => x.loc));
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(site.resolvesSiteUrl(loc), loc).toBe(true);
    const listed = new Set(locs.map((loc) => site.fileFor(new URL(loc).pathname)));
    // the search page is a tool, not content; 404.html is no page of its own
    const unlisted = site.files.filter((f) => f.endsWith('.html') && !listed.has(f) && !/^(search\/|404\.html$)/.test(f));
    expect(unlisted).toEqual([]);
  });
});
