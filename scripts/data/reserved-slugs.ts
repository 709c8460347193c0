// First path segments the site itself uses (shared/DESIGN.md §3 and the feeds work): a paper slug equal
// to one of these would put the paper's archive page (/<paper>/) on top of a page of the site.

/** Exact reserved slugs: editorial pages, search, the Pagefind index, Astro's asset folder, error page,
 * the HTML site map, the 往年今日 index and the favicon. */
export const reservedSlugs: ReadonlySet<string> = new Set(['about', 'search', 'pagefind', '_astro', '404', '404.html', 'sitemap.xml', 'sitemap', 'on-this-day', 'favicon.svg']);

/** The sitemap files written when the archive needs a sitemap index: sitemap-1.xml, sitemap-2.xml, … */
export const reservedSlugPattern = /^sitemap-\d+\.xml$/;
