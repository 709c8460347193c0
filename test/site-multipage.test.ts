// A multi-page issue in a real browser. The samples have one page per issue, so this builds a small
// hand-written fixture (test/fixtures/site/multi-page/seeds: three pages of one made-up issue in the
// path convention, an article continued from 第1版 to 第3版, and issues of the years before)
// into folders of its own, under a base path, and follows 版面导航, 下一版/上一版, 下一篇 across a page
// break, 下转 → 上接 and back, and the paper's 往期回顾 across years.
// Expected values are the fixture's own text, written by hand.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite, type BuildRun } from './support/build-lock.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const SEEDS = 'test/fixtures/site/multi-page/seeds';
const BASE = '/archive/';
const PAPER = 'river-city-daily';
const ISSUE = `${PAPER}/2023-05-08`;

let root: string;
let run: BuildRun;
let report: { summary: Record<string, number> };
let browser: Browser;
let site: StaticSite;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  await mkdir('.tmp', { recursive: true });
  // CONTENT_DIR is resolved from the project root by Astro: a folder of this test's own under .tmp/.
  root = await mkdtemp('.tmp/multi-page-');
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
  if (root) await rm(root, { recursive: true, force: true });
});

const pageNav = () => page.getByRole('navigation', { name: '上一版和下一版' });
const articleNav = () => page.getByRole('navigation', { name: '上一篇和下一篇' });
const at = (path: string) => `${site.url}${path}`;

describe('a three-page issue', () => {
  it('builds with four issues, seven pages and sixteen articles', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.summary).toMatchObject({ issues: 4, pages: 7, articles: 16 });
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
    await articleNav().getByRole('link', { name: '下一篇（第02版）：本地企业订单饱满' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/02/1/`));
    await articleNav().getByRole('link', { name: '上一篇（第01版）：春耕生产有序推进' }).click();
    expect(page.url()).toBe(at(`${ISSUE}/01/2/`));
  });

  it('follows 下转第3版 to the rest of the article and 上接第1版 back', async () => {
    await page.goto(at(`${ISSUE}/01/1/`));
    expect(await page.locator('article h1').textContent()).toBe('河城新建三座口袋公园');
    await page.locator('.article-end').waitFor();
    await page.getByRole('link', { name: '下转第3版', exact: true }).click();
    expect(page.url()).toBe(at(`${ISSUE}/03/1/`));
    expect(await page.locator('article h1').textContent()).toBe('河城新建三座口袋公园');
    expect(await page.locator('article .body').textContent()).toContain('开园当天');
    await page.getByRole('link', { name: '上接第1版', exact: true }).click();
    expect(page.url()).toBe(at(`${ISSUE}/01/1/`));
  });

  it('goes 上一期 to the issue before', async () => {
    await page.goto(at(`${ISSUE}/`));
    await page.getByRole('link', { name: '上一期：2022年12月30日' }).click();
    expect(page.url()).toBe(at(`${PAPER}/2022-12-30/`));
  });
});

describe('往期回顾 across years', () => {
  it('lists the years with their issue counts and shows the latest year’s calendar', async () => {
    await page.goto(at(`${PAPER}/`));
    const years = page.getByRole('navigation', { name: '往期回顾：年份' }).getByRole('link');
    expect(await years.allTextContents()).toEqual(['2023年1期', '2022年2期', '2021年1期']);
    expect(await page.locator('.calendar a').allTextContents()).toEqual(['8']);
    await years.getByText('2022年').click();
    expect(page.url()).toBe(at(`${PAPER}/2022/`));
    await page.locator('.calendar').getByRole('link', { name: '2022年12月30日', exact: true }).click();
    expect(page.url()).toBe(at(`${PAPER}/2022-12-30/`));
  });

  it('walks 下一年 and 上一年 between the year pages', async () => {
    await page.goto(at(`${PAPER}/2021/`));
    const pager = page.getByRole('navigation', { name: '上一年和下一年' });
    expect(await pager.getByText('上一年：无').count()).toBe(1);
    await pager.getByRole('link', { name: '下一年：2022年' }).click();
    expect(page.url()).toBe(at(`${PAPER}/2022/`));
    await pager.getByRole('link', { name: '下一年：2023年' }).click();
    expect(page.url()).toBe(at(`${PAPER}/2023/`));
    await pager.getByRole('link', { name: '上一年：2022年' }).click();
    expect(page.url()).toBe(at(`${PAPER}/2022/`));
  });

  it('jumps from the paper archive to a day in another year, through that year’s page', async () => {
    await page.goto(at(`${PAPER}/`));
    await page.getByLabel('按日期查看').fill('2022-12-30');
    await page.getByRole('button', { name: '前往' }).click();
    await page.waitForURL(at(`${PAPER}/2022-12-30/`));
  });

  it('offers the nearest issue for a day without one, in a year with issues and in one without', async () => {
    for (const [day, nearest] of [['2022-10-01', '2022-12-30'], ['2020-01-01', '2021-05-08'], ['2024-01-01', '2023-05-08']]) {
      await page.goto(at(`${PAPER}/?date=${day}`));
      const link = page.locator('form output a');
      await expect.poll(() => link.getAttribute('href')).toBe(`${BASE}${PAPER}/${nearest}/`);
      expect(await link.textContent()).toBe(`最近的一期：${nearest}`);
    }
  });

  it('fetched nothing from another host', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => new URL(u).host !== new URL(site.url).host)).toEqual([]);
  });
});
