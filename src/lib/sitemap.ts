// The site's URL map for /sitemap.xml: every page a reader can open (home, editorial pages, papers,
// issues, 版 pages, articles), split into files of at most 50,000 URLs with a sitemap index above
// them when the archive is larger (the sitemaps.org limit; a 20-year archive holds ~500k articles).
import { XMLBuilder } from 'fast-xml-parser';
import type { PaperSummary } from './archive-nav.ts';
import type { SiteAddress } from './feeds.ts';
import { absoluteUrl, articlePath, issuePath, pagePath, paperPath, yearPath } from './urls.ts';

/** URLs per sitemap file (sitemaps.org protocol limit). */
export const SITEMAP_LIMIT = 50_000;

/** The editorial page an MDX file in content/pages/ becomes: `about` → `about/`, `cite` → `about/cite/`. */
export function editorialPath(id: string): string {
  return id === 'about' ? 'about/' : `about/${id}/`;
}

/**
 * Every page path of the site (relative to the base path, `''` = home), in a stable order: home,
 * editorial pages, the HTML site map, then each paper (by id) followed by its years (往期回顾 by year) and its issues,
 * oldest first, each issue by its pages and their articles. Papers come from archive-nav, which has
 * already put issues, pages and articles in order; years are the year pages the routes build.
 */
export function sitePaths(papers: readonly PaperSummary[], editorialIds: string[]): string[] {
  const paths = ['', ...[...editorialIds].sort().map(editorialPath), 'sitemap/'];
  for (const paper of [...papers].sort((a, b) => compare(a.id, b.id))) {
    paths.push(paperPath(paper.id));
    for (const year of [...paper.years].reverse()) paths.push(yearPath(paper.id, year.year));
    for (const issue of [...paper.issues].reverse()) {
      paths.push(issuePath(issue.paper, issue.date));
      for (const page of issue.pages) {
        paths.push(pagePath(issue.paper, issue.date, page.number));
        for (const ref of page.articles) paths.push(articlePath(ref.id));
      }
    }
  }
  return paths;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits the paths into sitemap files; one chunk means /sitemap.xml lists the URLs itself. */
export function chunkPaths(paths: string[], limit = SITEMAP_LIMIT): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += limit) chunks.push(paths.slice(i, i + limit));
  return chunks.length ? chunks : [[]];
}

const xml = new XMLBuilder({ format: true, ignoreAttributes: false });
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A `<urlset>` sitemap of the given site paths. */
export function buildUrlset(paths: string[], address: SiteAddress): string {
  const url = paths.map((path) => ({ loc: absoluteUrl(path, address.site, address.base) }));
  return XML_DECLARATION + xml.build({ urlset: { '@_xmlns': NS, url } });
}

/** The name of the n-th sitemap file (from 1) when the URLs do not fit one file. */
function sitemapFile(n: number): string {
  return `sitemap-${n}.xml`;
}

/** A `<sitemapindex>` pointing at sitemap-1.xml … sitemap-N.xml. */
export function buildSitemapIndex(count: number, address: SiteAddress): string {
  const sitemap = Array.from({ length: count }, (_, i) => ({ loc: absoluteUrl(sitemapFile(i + 1), address.site, address.base) }));
  return XML_DECLARATION + xml.build({ sitemapindex: { '@_xmlns': NS, sitemap } });
}
