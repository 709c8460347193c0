// Reading a built site folder the way a static web server serves it: the shared helpers of the
// site-wide checks (links, feeds, sitemap). Both test builds are given SITE_URL = TEST_SITE_URL.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { builtSite, TEST_SITE_URL } from './built-site.ts';

/** The absolute origin that feeds, sitemap and canonical links use. */
export const SITE_URL = new URL(TEST_SITE_URL);

/** The two test builds: folder and base path. */
export const builds = [
  { name: 'root', dir: builtSite.root, base: '/' },
  { name: 'archive', dir: builtSite.archive, base: '/archive/' },
] as const;

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The file a URL path names under the base (`/archive/a/b/` → `a/b/index.html`), or null outside it. */
function targetOf(base: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!path.startsWith(base)) return null;
  const rel = path.slice(base.length);
  if (rel.split('/').includes('..')) return null;
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** A built site as a static server sees it: which URL paths and site URLs it can answer. */
export interface BuiltSite {
  files: string[];
  /** The file served for a URL path (a folder named without its slash counts, as servers redirect). */
  fileFor(urlPath: string): string | null;
  /** True when the URL path is served. */
  resolves(urlPath: string): boolean;
  /** `resolves` for an absolute URL: it must be on the configured site. */
  resolvesSiteUrl(url: string): boolean;
}

export function readBuiltSite(dir: string, base: string): BuiltSite {
  const files = listFiles(dir);
  const set = new Set(files);
  const fileFor = (urlPath: string): string | null => {
    const target = targetOf(base, urlPath);
    if (target === null) return null;
    if (set.has(target)) return target;
    return set.has(`${target}/index.html`) ? `${target}/index.html` : null;
  };
  const resolves = (urlPath: string): boolean => fileFor(urlPath) !== null;
  const resolvesSiteUrl = (url: string): boolean => {
    const u = new URL(url);
    return u.origin === SITE_URL.origin && resolves(u.pathname);
  };
  return { files, fileFor, resolves, resolvesSiteUrl };
}

/** The reading pages below the home page, by kind (shared/DESIGN.md §3), and the search page. */
export const PAGE_KINDS: [string, RegExp][] = [
  ['paper', /^(?!about\/|search\/|pagefind\/|sitemap\/)[^/]+\/index\.html$/],
  ['issue', /^[^/]+\/\d{4}-\d{2}-\d{2}\/index\.html$/],
  ['page', /^[^/]+\/\d{4}-\d{2}-\d{2}\/\d{2}\/index\.html$/],
  ['article', /^[^/]+\/\d{4}-\d{2}-\d{2}\/\d{2}\/\d+\/index\.html$/],
  ['search', /^search\/index\.html$/],
];
