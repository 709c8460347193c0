// Search quality on the samples, as issues 9 and 15 set the bar: random strings copied from the built
// articles, and the same kind of strings as a reader types them (no spaces, the other quote style and
// width), typed into the real /search/ page, against the articles whose text holds them.
// Also: the index written with tiny segments, blocks and shards gives the same answers as the default layout.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSearch } from '../scripts/index-search.ts';
import { formatReport, listAll, measureSearchQuality, normalize, searchPage, typeAsReader } from '../scripts/search-quality.ts';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { serveStatic } from './support/static-server.ts';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('search quality on the samples', () => {
  for (const typed of [false, true]) {
    it(`${typed ? 'typed' : 'random'} 1–6 character strings: recall ≥ 99%, precision ≥ 99%`, async () => {
      const report = await measureSearchQuality({
        site: builtSite.root, base: '/', content: 'content', queries: 15, seed: 7, lengths: [1, 2, 3, 4, 5, 6], typed,
      });
      console.log(formatReport(report));
      expect(report.total.queries).toBeGreaterThan(60);
      expect(report.total.recall).toBeGreaterThanOrEqual(0.99);
      expect(report.total.precision).toBeGreaterThanOrEqual(0.99);
    }, 180_000);
  }

  it('typed strings differ from the printed ones as a reader’s would', () => {
    expect(typeAsReader('记者 薛蓓蓓')).toBe('记者薛蓓蓓');
    expect(typeAsReader('一季度“开门红”')).toBe('一季度"开门红"');
    expect(typeAsReader('「好」5G，')).toBe('“好”５Ｇ,');
    expect(normalize(typeAsReader('3 月 24 日。'))).toBe(normalize('3月24日.'));
  });
});

describe('index layout', () => {
  it('segments of 4 articles, blocks of 24 bytes, small dictionary shards, nothing inline: the same answers, in the same order', async () => {
    const site = await mkdtemp(join(tmpdir(), 'layout-'));
    temp.push(site);
    await cp(builtSite.root, site, { recursive: true });
    const { manifest } = await indexSearch({ out: site, site, content: 'content', layout: { segmentDocs: 4, blockBytes: 24, dictBytes: 256, inlineBytes: 0 }, log: () => {} });
    expect(manifest.segmentDocs).toBe(4);
    expect(manifest.dictShards).toBeGreaterThan(50);
    const index = JSON.parse(await readFile(join(site, 'pagefind', 'index.json'), 'utf8'));
    expect(index.docs).toBe(manifest.docs);

    const single = await serveStatic(builtSite.root, '/');
    const small = await serveStatic(site, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const query of ['文明城市', '于连兴', '2022年', '的', '记者 工作']) {
        const one = await searchPage(page, single.url, query);
        const split = await searchPage(page, small.url, query);
        expect(split, query).toEqual(one);
      }
      // Newest first across segments.
      await page.goto(`${small.url}search/?q=${encodeURIComponent('的')}&sort=newest`);
      await page.waitForSelector('body[data-search-done]');
      const dates = (await listAll(page, small.url)).map((id) => id.split('/')[1]!);
      expect(new Set(dates).size).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort().reverse());
    } finally {
      await browser.close();
      await single.close();
      await small.close();
    }
  }, 120_000);
});
