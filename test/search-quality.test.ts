// Search quality on the samples, as issue 9 sets the bar: random strings copied from the built
// articles, typed into the real /search/ page, against find-in-page over every article's text.
// Also: the index split per year or month (forced on the samples) gives the same answers as one index.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSearch } from '../scripts/index-search.ts';
import { formatReport, listAll, measureSearchQuality, searchPage } from '../scripts/search-quality.ts';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { serveStatic } from './support/static-server.ts';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('search quality on the samples', () => {
  it('random 1–6 character strings: recall ≥ 99%, precision ≥ 95%', async () => {
    const report = await measureSearchQuality({
      site: builtSite.root, base: '/', content: 'content', queries: 15, seed: 7, lengths: [1, 2, 3, 4, 5, 6],
    });
    console.log(formatReport(report));
    expect(report.total.queries).toBeGreaterThan(60);
    expect(report.total.recall).toBeGreaterThanOrEqual(0.99);
    expect(report.total.precision).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});

describe('index bundles per year or month', () => {
  it('splits the index (per month with shardAbove 1); searched together, the bundles find what one index finds', async () => {
    const site = await mkdtemp(join(tmpdir(), 'shards-'));
    temp.push(site);
    await cp(builtSite.root, site, { recursive: true });
    await rm(join(site, 'pagefind'), { recursive: true });
    const { bundles } = await indexSearch({ site, content: 'content', shardAbove: 1, log: () => {} });
    expect(bundles.length).toBeGreaterThan(1);
    expect(bundles.every((b) => /^pagefind\/\d{4}(-\d{2})?\/$/.test(b))).toBe(true);
    expect(JSON.parse(await readFile(join(site, 'pagefind', 'bundles.json'), 'utf8')).bundles).toEqual(bundles);

    const single = await serveStatic(builtSite.root, '/');
    const sharded = await serveStatic(site, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const query of ['文明城市', '于连兴', '2022年', '的']) {
        const one = [...(await searchPage(page, single.url, query))].sort();
        const merged = [...(await searchPage(page, sharded.url, query))].sort();
        expect(merged, query).toEqual(one);
      }
      // Newest first across bundles.
      await page.goto(`${sharded.url}search/?q=${encodeURIComponent('的')}&sort=newest`);
      await page.waitForSelector('body[data-search-done]');
      const dates = (await listAll(page, sharded.url)).map((id) => id.split('/')[1]!);
      expect(new Set(dates.map((d) => d.slice(0, 4))).size).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort().reverse());
    } finally {
      await browser.close();
      await single.close();
      await sharded.close();
    }
  }, 120_000);
});
