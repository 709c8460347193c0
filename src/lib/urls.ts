// Permanent URLs of the archive (shared/DESIGN.md §3), as paths relative to the site's base.
// Every link in the site goes through `withBase`, so the archive works under any BASE_PATH.

/** Two-digit page number as it appears in URLs and labels: 1 → "01". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function paperPath(paper: string): string {
  return `${paper}/`;
}

/** One year of a paper's 往期回顾 calendar (an addition to the URLs of shared/DESIGN.md §3). */
export function yearPath(paper: string, year: number): string {
  return `${paper}/${year}/`;
}

export function issuePath(paper: string, date: string): string {
  return `${paper}/${date}/`;
}

export function pagePath(paper: string, date: string, page: number): string {
  return `${paper}/${date}/${pad2(page)}/`;
}

/** A PDF page's image (`webp`) and original PDF (`pdf`), beside the page's HTML. */
export function pageFilePath(paper: string, date: string, page: number, ext: 'webp' | 'pdf'): string {
  return `${pagePath(paper, date, page)}page.${ext}`;
}

/** A paper's Atom feed (the one linked from its pages) and its RSS 2.0 twin. */
export function feedPath(paper: string): string {
  return `${paper}/feed.xml`;
}

export function rssPath(paper: string): string {
  return `${paper}/rss.xml`;
}

/** An article's id (`<paper>/<date>/<NN>/<k>`) is its path. */
export function articlePath(id: string): string {
  return `${id}/`;
}

/** Joins a base path (`/` or `/archive/`, with or without the trailing slash) and a site path. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\//, '')}`;
}

/** Absolute URL for canonical and Open Graph links, from the configured site address. */
export function absoluteUrl(path: string, site: URL | undefined, base: string = import.meta.env.BASE_URL): string {
  const href = withBase(path, base);
  return site ? new URL(href, site).href : href;
}
