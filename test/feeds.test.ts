// Feeds and issue.json: the pure builders with hostile seed text, then the feeds and issue.json files
// of both test builds, read by an independent XML validator and a real feed reader's parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildArchiveNav, type PaperSummary } from '../src/lib/archive-nav.ts';
import type { ArchiveArticle, ArchiveIssue } from '../src/lib/archive-schema.ts';
import {
  buildAtomFeed,
  buildIssueJson,
  buildRssFeed,
  latestArticles,
  type FeedArticle,
  type IssueJson,
} from '../src/lib/feeds.ts';
import { builds, PAGE_KINDS, readBuiltSite } from './support/dist.ts';

const HOSTILE = '<script>alert("x")</script> & ]]> &amp; <![CDATA[ {x}';
const address = { site: new URL('https://intranet.example/'), base: '/archive/' };
const paper: PaperSummary = { id: 'test-daily', name: '测试日报 & <b>', issues: [], years: [] };

function article(over: Partial<ArchiveArticle>): ArchiveArticle {
  return {
    id: 'test-daily/2022-02-07/01/1', paper: 'test-daily', date: '2022-02-07', page: 1, order: 1, kind: 'news',
    kicker: null, title: '标题', subtitles: [], byline: null, paragraphs: ['正文。'], subheads: [], chars: 3,
    continuedTo: null, continuedFrom: null, continuedToId: null, continuedFromId: null,
    source: { file: 'a.txt', line: 1 }, ...over,
  };
}

const hostileItems: FeedArticle[] = [
  {
    article: article({
      title: HOSTILE,
      kicker: '引题<i>',
      byline: '本报记者 张三',
      paragraphs: ['<img src=x onerror=alert(1)>第一段', `第二段${HOSTILE}控制符\u0001结束`],
    }),
    pageName: '要闻]]>',
  },
  { article: article({ id: 'test-daily/2022-02-07/02/1', page: 2, title: null, paragraphs: ['没有标题的文章正文开头'] }), pageName: null },
];

/** Elements and text of an HTML fragment, as a browser-grade parser reads it. */
function readHtml(html: string): { tags: string[]; paragraphs: string[] } {
  const tags: string[] = [];
  const paragraphs: string[] = [];
  const parser = new Parser({
    onopentag: (name) => {
      tags.push(name);
      if (name === 'p') paragraphs.push('');
    },
    ontext: (text) => {
      if (paragraphs.length) paragraphs[paragraphs.length - 1] += text;
    },
  }, { decodeEntities: true });
  parser.end(html);
  return { tags, paragraphs };
}

const tree = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, isArray: (name) => ['entry', 'item', 'link'].includes(name) });

describe('Atom feed builder', () => {
  const xml = buildAtomFeed(paper, hostileItems, address);

  it('is well-formed XML even with markup, entities, ]]> and control characters in the text', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has the elements RFC 4287 requires, absolute links and zh-CN', () => {
    const { feed } = tree.parse(xml);
    expect(feed['@_xml:lang']).toBe('zh-CN');
    expect(feed.id).toBe('https://intranet.example/archive/test-daily/');
    expect(feed.updated).toBe('2022-02-07T00:00:00+08:00');
    expect(feed.author.name).toBe(paper.name);
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe('https://intranet.example/archive/test-daily/feed.xml');
    for (const entry of feed.entry) {
      for (const field of ['id', 'title', 'updated', 'content']) expect(entry[field], field).toBeTruthy();
      expect(entry.link[0]['@_href']).toBe(entry.id);
    }
  });

  it('carries the article as HTML in which seed markup is text, never an element', () => {
    // The XML-decoded content is the HTML (RFC 4287 type="html"); parse it as a browser would.
    const html = readHtml(tree.parse(xml).feed.entry[0].content['#text']);
    expect(html.tags).toEqual(['p', 'p', 'p', 'p']);
    expect(html.paragraphs).toEqual(['引题<i>', '本报记者 张三', '<img src=x onerror=alert(1)>第一段', `第二段${HOSTILE}控制符\uFFFD结束`]);
  });

  it('is read by a feed reader with titles, links, dates and categories intact', () => {
    const read = parseFeed(xml);
    expect(read.title).toBe(paper.name);
    expect(read.language).toBe('zh-CN');
    const [first, second] = read.items;
    expect(first!.title).toBe(HOSTILE);
    expect(first!.url).toBe('https://intranet.example/archive/test-daily/2022-02-07/01/1/');
    expect(first!.updated?.toISOString()).toBe('2022-02-06T16:00:00.000Z');
    expect(first!.categories.map((c) => c.term)).toEqual(['第01版：要闻]]>']);
    // An untitled piece is named by its first clause, marked as supplied (src/lib/display-title.ts).
    expect(second!.title).toBe('［没有标题的文章正文开头］');
  });
});

describe('RSS 2.0 feed builder', () => {
  const xml = buildRssFeed(paper, hostileItems, address);

  it('is well-formed XML with the channel and item elements RSS 2.0 requires', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = tree.parse(xml);
    expect(rss['@_version']).toBe('2.0');
    for (const field of ['title', 'link', 'description']) expect(rss.channel[field], field).toBeTruthy();
    expect(rss.channel.language).toBe('zh-CN');
    for (const item of rss.channel.item) {
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.guid['#text']).toBe(item.link[0]);
    }
  });

  it('dates items in RFC 822 with the right weekday', () => {
    const { rss } = tree.parse(xml);
    // 2022-02-07 was a Monday (the masthead of that day prints 星期一).
    expect(rss.channel.item[0].pubDate).toBe('Mon, 07 Feb 2022 00:00:00 +0800');
  });

  it('is read by a feed reader with the seed text of titles intact', () => {
    const read = parseFeed(xml);
    expect(read.self).toBe('https://intranet.example/archive/test-daily/rss.xml');
    expect(read.items.map((i) => i.title)).toEqual([HOSTILE, '［没有标题的文章正文开头］']);
  });

  it('carries the article as HTML in which seed markup is text, never an element', () => {
    const html = readHtml(tree.parse(xml).rss.channel.item[0].description);
    expect(html.tags).toEqual(['p', 'p', 'p', 'p']);
    expect(html.paragraphs).toContain('<img src=x onerror=alert(1)>第一段');
  });
});

describe('latestArticles', () => {
  const ref = (id: string, order: number) => ({ id, order, kind: 'news' as const, title: null, chars: 1 });
  const issue = (date: string, pages: [number, string[]][]): ArchiveIssue => ({
    id: `p/${date}`, paper: 'p', paperName: 'P', date, dateSource: 'masthead', number: null, totalPages: null,
    lunarDate: null, weekday: null,
    pages: pages.map(([number, ids]) => ({ number, name: `版${number}`, sources: [], furniture: [], articles: ids.map((id, i) => ref(id, i + 1)) })),
  });

  it('takes the newest issue first, then pages and articles in reading order, up to the limit', () => {
    const issues = [
      issue('2022-01-01', [[1, ['old-1']]]),
      issue('2022-01-03', [[2, ['new-2a', 'new-2b']], [1, ['new-1a']]]),
      issue('2022-01-02', [[1, ['mid-1']]]),
    ];
    // Through the archive navigation, which orders issues, pages and articles once for every route.
    const [paper] = buildArchiveNav([], issues).papers;
    expect(latestArticles(paper!, 4)).toEqual([
      { id: 'new-1a', pageName: '版1' },
      { id: 'new-2a', pageName: '版2' },
      { id: 'new-2b', pageName: '版2' },
      { id: 'mid-1', pageName: '版1' },
    ]);
  });
});

describe('buildIssueJson', () => {
  it('lists every page with its label and every article with its permalink', () => {
    const issue: ArchiveIssue = {
      id: 'p/2022-02-07', paper: 'p', paperName: 'P 报', date: '2022-02-07', dateSource: 'masthead', number: '第9534期',
      totalPages: 8, lunarDate: '壬寅年正月初七', weekday: '星期一',
      pages: [{ number: 1, name: '要闻', sources: ['a.txt'], furniture: [], articles: [{ id: 'p/2022-02-07/01/1', order: 1, kind: 'news', title: 'T', chars: 5 }] },
        { number: 12, name: null, sources: ['b.txt'], furniture: [], articles: [] }],
    };
    const json = buildIssueJson(issue, address);
    expect(json.url).toBe('https://intranet.example/archive/p/2022-02-07/');
    expect(json.number).toBe('第9534期');
    expect(json.pages.map((p) => [p.label, p.url])).toEqual([
      ['第01版：要闻', 'https://intranet.example/archive/p/2022-02-07/01/'],
      ['第12版', 'https://intranet.example/archive/p/2022-02-07/12/'],
    ]);
    expect(json.pages[0]!.articles).toEqual([{ id: 'p/2022-02-07/01/1', order: 1, kind: 'news', title: 'T', chars: 5, url: 'https://intranet.example/archive/p/2022-02-07/01/1/' }]);
  });
});

describe.each(builds)('built site ($name): feeds and issue.json', ({ dir, base }) => {
  const site = readBuiltSite(dir, base);
  const papers = site.files.filter((f) => /^[^/]+\/feed\.xml$/.test(f)).map((f) => f.split('/')[0]!);

  it('has an Atom and an RSS feed for every paper, each read by a feed reader, every link resolving', () => {
    const paperPages = site.files.filter((f) => PAGE_KINDS.find(([kind]) => kind === 'paper')![1].test(f)).map((f) => f.split('/')[0]!);
    expect(papers.length).toBeGreaterThan(0);
    expect(papers).toEqual(paperPages);
    for (const paperId of papers) {
      for (const name of ['feed.xml', 'rss.xml']) {
        const xml = readFileSync(join(dir, paperId, name), 'utf8');
        expect(XMLValidator.validate(xml), `${paperId}/${name}`).toBe(true);
        const feed = parseFeed(xml);
        expect(feed.language).toBe('zh-CN');
        expect(feed.url).toBe(new URL(`${base}${paperId}/`, feed.url!).href);
        expect(site.resolvesSiteUrl(feed.url!), feed.url!).toBe(true);
        expect(site.fileFor(new URL(feed.self!).pathname)).toBe(`${paperId}/${name}`);
        expect(feed.items.length).toBeGreaterThan(0);
        for (const item of feed.items) {
          expect(item.title, item.url!).toBeTruthy();
          expect(item.url!.startsWith(`${feed.url}`)).toBe(true);
          expect(site.fileFor(new URL(item.url!).pathname), item.url!).toMatch(/\/index\.html$/);
        }
      }
    }
  });

  it('writes issue.json for every issue, with permalinks that resolve', () => {
    const issueFiles = site.files.filter((f) => /^[^/]+\/\d{4}-\d{2}-\d{2}\/issue\.json$/.test(f));
    const articleDirs = new Set(site.files.filter((f) => /^[^/]+\/\d{4}-\d{2}-\d{2}\/\d{2}\/\d+\/index\.html$/.test(f)).map((f) => f.split('/').slice(0, 2).join('/')));
    expect(issueFiles.length).toBeGreaterThan(0);
    // every issue that has article pages has its issue.json
    expect(issueFiles.map((f) => f.slice(0, -'/issue.json'.length))).toEqual([...articleDirs].sort());
    for (const file of issueFiles) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as IssueJson;
      expect(`${json.id}/issue.json`).toBe(file);
      expect(site.resolvesSiteUrl(json.url), json.url).toBe(true);
      for (const page of json.pages) {
        expect(site.resolvesSiteUrl(page.url), page.url).toBe(true);
        for (const a of page.articles) expect(site.fileFor(new URL(a.url).pathname), a.url).toBe(`${a.id}/index.html`);
      }
    }
  });
});
