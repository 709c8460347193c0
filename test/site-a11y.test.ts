// Accessibility: axe-core run in Chromium on one page of every kind (home, paper, issue, 版 page,
// article, search, editorial pages), in light and dark colour schemes, zero violations. The same
// visits check that the browser requests nothing from another host.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { PAGE_KINDS, readBuiltSite } from './support/dist.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The page kinds to audit and the file of each kind's first page in the build. */
const KINDS: [string, RegExp][] = [
  ['home', /^index\.html$/],
  ...PAGE_KINDS,
  ['about', /^about\/index\.html$/],
  ['about/search', /^about\/search\/index\.html$/],
  ['about/cite', /^about\/cite\/index\.html$/],
  ['site map', /^sitemap\/index\.html$/],
  ['year', /^[^/]+\/\d{4}\/index\.html$/],
];

const site = readBuiltSite(builtSite.root, '/');
const audited = KINDS.map(([kind, re]) => ({ kind, file: site.files.find((f) => re.test(f)) ?? null }));

/** axe-core's violations on the page as it stands, one line each: rule, impact, help, first targets. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${targets}`;
  });
}

/**
 * Opens a page and returns what went wrong on the way: requests to another host, local requests that
 * failed (a base-path bug shows as a 404), then what `inspect` finds on the loaded page.
 */
async function visit(server: StaticSite, path: string, colorScheme: 'light' | 'dark', inspect: (page: Page) => Promise<string[]>): Promise<string[]> {
  const page = await browser.newPage({ colorScheme });
  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) problems.push(`request to another host: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.status()} for ${res.url().slice(origin.length)}`);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  problems.push(...(await inspect(page)));
  await page.close();
  return problems.map((p) => `${new URL(server.url).pathname}${path} [${colorScheme}] ${p}`);
}

let browser: Browser;
let root: StaticSite;
let archive: StaticSite;
beforeAll(async () => {
  [browser, root, archive] = await Promise.all([launchBrowser(), serveStatic(builtSite.root, '/'), serveStatic(builtSite.archive, '/archive/')]);
});
afterAll(async () => {
  await browser?.close();
  await root?.close();
  await archive?.close();
});

describe('accessibility (axe-core in Chromium)', () => {
  it('reports the violations of a page that has them (the harness can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><img src="data:,"><a href="#"></a></body></html>');
    const found = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    await page.close();
    expect(found).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
    expect(await visit(archive, 'no-such-page/', 'light', async () => [])).toEqual(['/archive/no-such-page/ [light] 404 for /archive/no-such-page/']);
  });

  it('finds a page of every kind in the build', () => {
    const missing = audited.filter((a) => a.file === null).map((a) => a.kind);
    expect(missing).toEqual([]);
  });

  // The highlighted states scripts create: search results with <mark>ed terms, and an article reached
  // from a result (?hl=…). The query is the opening of an article headline, so it has results.
  const article = audited.find((a) => a.kind === 'article')?.file ?? null;
  const query = article ? [...readFileSync(join(builtSite.root, article), 'utf8').match(/<h1[^>]*>([^<]+)</)![1]!].slice(0, 2).join('') : '';
  it.each([
    { state: 'search results', path: `search/?q=${encodeURIComponent(query)}`, mark: '.search-results mark' },
    { state: 'highlighted article', path: `${article?.replace(/index\.html$/, '')}?hl=${encodeURIComponent(query)}`, mark: 'mark.search-hit' },
  ])('$state ($path): no violations in light and dark', async ({ path, mark }) => {
    const highlighted = async (page: Page): Promise<string[]> => {
      await page.waitForSelector(mark, { timeout: 15_000 });
      return axeViolations(page);
    };
    expect([...(await visit(root, path, 'light', highlighted)), ...(await visit(root, path, 'dark', highlighted))]).toEqual([]);
  });

  it.each(audited.filter((a) => a.file !== null))(
    '$kind page ($file): no violations in light and dark, every request local and answered, under / and /archive/',
    async ({ file }) => {
      const path = file!.replace(/index\.html$/, '');
      const problems = [
        ...(await visit(root, path, 'light', axeViolations)),
        ...(await visit(root, path, 'dark', axeViolations)),
        ...(await visit(archive, path, 'light', async () => [])),
      ];
      expect(problems).toEqual([]);
    },
  );
});
