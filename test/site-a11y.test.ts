// Accessibility: axe-core run in Chromium on one page of every kind (home, paper, issue, 版 page,
// article, search, editorial pages), in light and dark colour schemes, zero violations. The same
// visits check that the browser requests nothing from another host.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { readBuiltSite, ROUTE_KINDS } from './support/dist.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The page kinds to audit and the file of each kind's first page in the build. */
const KINDS: [string, RegExp][] = [
  ['home', /^index\.html$/],
  ...ROUTE_KINDS,
  ['article', /^[^/]+\/\d{4}-\d{2}-\d{2}\/\d{2}\/\d+\/index\.html$/],
  ['about', /^about\/index\.html$/],
  ['about/search', /^about\/search\/index\.html$/],
  ['about/cite', /^about\/cite\/index\.html$/],
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

let browser: Browser;
let server: StaticSite;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(builtSite.root, '/')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility (axe-core in Chromium)', () => {
  it('reports the violations of a page that has them (the harness can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><img src="data:,"><a href="#"></a></body></html>');
    const found = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    await page.close();
    expect(found).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
  });

  it('finds a page of every kind in the build', () => {
    const missing = audited.filter((a) => a.file === null && !site.unbuilt.has(a.kind)).map((a) => a.kind);
    expect(missing).toEqual([]);
  });

  it.each(audited.filter((a) => a.file !== null))('$kind page ($file): no violations, nothing from another host', async ({ file }) => {
    const path = file!.replace(/index\.html$/, '');
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      const foreign: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(new URL(server.url).origin)) foreign.push(req.url());
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      problems.push(...(await axeViolations(page)).map((v) => `/${path} [${colorScheme}] ${v}`));
      problems.push(...foreign.map((u) => `/${path}: request to another host: ${u}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
