// A multi-page issue in a real browser. The samples have one page per issue, so this builds a small
// hand-written fixture (test/fixtures/site/multi-page/seeds: three pages of one made-up issue in the
// path convention, an article continued from 第1版 to 第3版) into folders of its own, under a base
// path, and follows 版面导航, 下一版/上一版, 下一篇 across a page break and 下转 → 上接 and back.
// Expected values are the fixture's own text, written by hand.
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite, type BuildRun } from './support/build-lock.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const SEEDS = 'test/fixtures/site/multi-page/seeds';
const BASE = '/archive/';
const ISSUE = 'river-city-daily/2023-05-08';

let run: BuildRun;
let report: { summary: Record<string, number> };
let browser: Browser;
let site: StaticSite;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  await mkdir('.tmp', { recursive: true });
  // CONTENT_DIR is resolved from the project root by Astro: a folder of this test's own under .tmp/.
  const root = await mkdtemp('.tmp/multi-page-');
  const dist = join(root, 'dist');
  run = await buildSite({ SEEDS_DIR: SEEDS, DIST_DIR: dist, BASE_PATH: BASE, CONTENT_DIR: join(root, 'content') });
  report = JSON.parse(await readFile(join(root, 'content/archive/report.json'), 'utf8'));
  browser = await launchBrowser();
  site = await serveStatic(dist, BASE);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requested.push(r.url()));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pageNav = () => page.getByRole('navigation', { name: '上一版和下一版' });
const articleNav = () => page.getByRole('navigation', { name: '上一篇和下一篇' });
const at = (path: string) => `${site.url}${path}`;

describe('a three-page issue', () => {
  it('builds with one issue of three pages and six articles', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.summary).toMatchObject({ issues: 1, pages: 3, articles: 6 });
  });

  it('lists every page with its name in 版面导航 on the issue page', async () => {
    await page.goto(at(`${ISSUE}/`));
    const nav = page.getByRole('navigation', { name: '版面导航' });
    const links = nav.locator(':scope > ol > li > a');
    expect(await links.allTextContents()).toEqual(['第01版：要闻', '第02版：经济', '第03版：城市']);
    await nav.getByRole('link', { name: '第02版：经济', exact: true }).click();
    expect(page.url()).toBe(at(`${ISSUE}/02/`));
  });

  it('walks 下一版 from the first page to the last and 上一版 back', async () => {
    await page.goto(at(`${ISSUE}/01/`));
    expect(await pageNav().getByText('上一版：无').count()).toBe(1);
    await pageNav().getByRole('link', { name: '下一版：第02版：经济' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/02/`));
    await pageNav().getByRole('link', { name: '下一版：第03版：城市' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/03/`));
    expect(await pageNav().getByText('下一版：无').count()).toBe(1);
    await pageNav().getByRole('link', { name: /^上一版/ }).click();
    expect(page.url()).toBe(at(`${ISSUE}/02/`));
    await pageNav().getByRole('link', { name: /^上一版/ }).click();
    expect(page.url()).toBe(at(`${ISSUE}/01/`));
  });

  it('goes on to the next page with 下一篇 after a page’s last article', async () => {
    await page.goto(at(`${ISSUE}/01/2/`));
    await articleNav().getByRole('link', { name: '下一篇：本地企业订单饱满' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/02/1/`));
    await articleNav().getByRole('link', { name: '上一篇：春耕生产有序推进' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/01/2/`));
  });

  it('follows 下转第3版 to the rest of the article and 上接第1版 back', async () => {
    await page.goto(at(`${ISSUE}/01/1/`));
    expect(await page.locator('article h1').textContent()).toBe('河城新建三座口袋公园');
    await page.getByRole('link', { name: '下转第3版', exact: true }).click();
    expect(page.url()).toBe(at(`${ISSUE}/03/1/`));
    expect(await page.locator('article h1').textContent()).toBe('河城新建三座口袋公园');
    expect(await page.locator('article .body').textContent()).toContain('开园当天');
    await page.getByRole('link', { name: '上接第1版', exact: true }).click();
    expect(page.url()).toBe(at(`${ISSUE}/01/1/`));
  });

  it('fetched nothing from another host', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => new URL(u).host !== new URL(site.url).host)).toEqual([]);
  });
});
