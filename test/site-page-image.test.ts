// The page image (issue 18) as a reader's browser sees it: a site built from one PDF seed, its page view
// in Chromium on desktop and phone: the image loads, every article is a region link in reading order
// that Tab reaches and focus outlines, the article list stays beside it, 下载本版PDF serves the PDF,
// axe-core finds nothing, and the image stays under 400 KB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const PDF = join(import.meta.dirname, 'fixtures', 'read-pdf', 'three-columns', 'input.pdf');
const PAGE = 'yunhe-evening/2025-03-18/01/';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TITLES = ['全市八十万亩小麦返青追肥全面铺开', '老街改造迎新客', '社区食堂温暖老人胃'];

let dir: string;
let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'page-image-'));
  mkdirSync(join(dir, 'seeds', 'yunhe-evening', '2025-03-18'), { recursive: true });
  copyFileSync(PDF, join(dir, 'seeds', 'yunhe-evening', '2025-03-18', '01.pdf'));
  const { BASE_URL: _b, SITE: _s, ...env } = process.env;
  const run = spawnSync(process.execPath, ['scripts/build-site.ts'], {
    encoding: 'utf8',
    env: { ...env, SEEDS_DIR: join(dir, 'seeds'), CONTENT_DIR: join(dir, 'content'), DIST_DIR: join(dir, 'dist'), BASE_PATH: '/' },
  });
  if (run.status !== 0) throw new Error(`site build failed:\n${run.stderr}`);
  server = await serveStatic(join(dir, 'dist'), '/');
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('page image', () => {
  it('is a WebP under 400 KB beside the page, with the original PDF', () => {
    expect(statSync(join(dir, 'dist', PAGE, 'page.webp')).size).toBeLessThan(400 * 1024);
    expect(statSync(join(dir, 'dist', PAGE, 'page.pdf')).size).toBe(statSync(PDF).size);
  });

  for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`shows the page with every article a region, in reading order (${device})`, async () => {
      const page = await browser.newPage({ viewport });
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(`${server.url}${PAGE}`, { waitUntil: 'networkidle' });
      expect(failed).toEqual([]);
      const img = page.locator('.page-image img');
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1400);
      const regions = page.locator('.page-image svg a');
      expect(await regions.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')))).toEqual(TITLES);
      // The article list stays beside the image, in the same order.
      expect(await page.locator('#articles-heading + * a').allTextContents()).toEqual(expect.arrayContaining(TITLES));
      // Tab reaches every region in reading order, and focus outlines it.
      await regions.first().focus();
      const labels: string[] = [];
      for (let i = 0; i < TITLES.length; i++) {
        labels.push((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '');
        const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('rect')!).stroke);
        expect(stroke).not.toMatch(/none|transparent|rgba\(0, 0, 0, 0\)/u);
        await page.keyboard.press('Tab');
      }
      expect(labels).toEqual(TITLES);
      // A region's box covers its article on the image: the lead's first box holds its headline.
      const box = await regions.first().locator('rect').first().boundingBox();
      const shown = await img.boundingBox();
      expect(box!.width).toBeGreaterThan(shown!.width * 0.5);
      const pdf = page.getByRole('link', { name: '下载本版PDF' });
      const response = await page.request.get(new URL((await pdf.getAttribute('href'))!, page.url()).href);
      expect(response.headers()['content-type']).toBe('application/pdf');
      await page.screenshot({ path: join(dir, `${device}.png`), fullPage: true });
      await page.addScriptTag({ path: AXE });
      const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      await page.close();
    });
  }
});
