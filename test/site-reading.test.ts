// Reading the archive (issue 16) in a real browser, on the hand-written multi-year fixture
// (test/fixtures/site/multi-page/seeds: 5月8日 in 2021, 2022 and 2023; on 2022-05-08 a photo, an
// untitled story, a 下转/上接 pair whose second half is untitled, a 今日导读 teaser), built without
// SITE_URL at `/` and under `/archive/`. Every defect 1–10 and feature of the issue is walked through;
// phone (390×844) and desktop screenshots are written to .tmp/shots/reading/ to be looked at.
// Expected values are the fixture's own text, written by hand.
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite, type BuildRun } from './support/build-lock.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const SEEDS = 'test/fixtures/site/multi-page/seeds';
const PAPER = 'river-city-daily';
const DAY = `${PAPER}/2022-05-08`;
const SHOTS = '.tmp/shots/reading';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 60_000);
afterAll(() => browser?.close());

/** Every file under `dir`, relative to it. */
async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

for (const base of ['/', '/archive/']) {
  describe(`reading the archive built without SITE_URL at ${base}`, () => {
    let root: string;
    let dist: string;
    let run: BuildRun;
    let site: StaticSite;
    let context: BrowserContext;
    let page: Page;
    const requested: string[] = [];
    const failed: string[] = [];
    const at = (path: string) => `${site.url}${path}`;

    beforeAll(async () => {
      await mkdir('.tmp', { recursive: true });
      root = await mkdtemp('.tmp/reading-');
      dist = join(root, 'dist');
      // SITE_URL empty is SITE_URL unset (astro.config.mjs), whatever the environment running the tests says.
      run = await buildSite({ SEEDS_DIR: SEEDS, DIST_DIR: dist, BASE_PATH: base, CONTENT_DIR: join(root, 'content'), SITE_URL: '' });
      site = await serveStatic(dist, base);
      context = await browser.newContext({ viewport: DESKTOP });
      page = await context.newPage();
      page.on('request', (r) => requested.push(r.url()));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
    }, 300_000);

    afterAll(async () => {
      await context?.close();
      await site?.close();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('builds, and says once that SITE_URL is unset', () => {
      expect(run.status, run.stderr).toBe(0);
      expect(`${run.stdout}${run.stderr}`.match(/SITE_URL is not set/g)).toHaveLength(1);
    });

    it('4: names no localhost anywhere, and leaves out what needs an absolute URL', async () => {
      const all = await files(dist);
      const text = all.filter((f) => /\.(html|xml|json|jsonl|txt|js|css)$/.test(f));
      expect(text.length).toBeGreaterThan(30);
      for (const f of text) expect(await readFile(join(dist, f), 'utf8'), f).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(all.filter((f) => /(^|\/)(feed|rss|sitemap(-\d+)?)\.xml$/.test(f))).toEqual([]);
      const html = await readFile(join(dist, DAY, '01/2/index.html'), 'utf8');
      expect(html).not.toContain('rel="canonical"');
      expect(html).not.toContain('og:url');
      expect(html).not.toContain('application/atom+xml');
      const json = JSON.parse(await readFile(join(dist, DAY, 'issue.json'), 'utf8'));
      expect(json.url).toBe(`${base}${DAY}/`);
    });

    it('1: gives untitled pieces display titles in the page list, 版面导航, the page map and 上一篇/下一篇', async () => {
      await page.goto(at(`${DAY}/01/`));
      const list = page.locator('.headlines > li > a');
      expect(await list.allTextContents()).toEqual(['图片：5月6日，市民在河城湿地公园观赏归来的白鹭', '河城湿地迎来候鸟', '社区食堂开张', '［记者从市气象台获悉］']);
      expect(await page.locator('.page-map .t').allTextContents()).toEqual(await list.allTextContents());
      await page.goto(at(`${DAY}/`));
      const nav = page.getByRole('navigation', { name: '版面导航' });
      expect(await nav.locator('ul a').allTextContents()).toEqual([
        '图片：5月6日，市民在河城湿地公园观赏归来的白鹭', '河城湿地迎来候鸟', '社区食堂开张', '［记者从市气象台获悉］',
        '（上接第1版）河城湿地迎来候鸟', '老年大学开设智能手机课',
      ]);
      expect(await page.content()).not.toMatch(/（无题）|（图片）/);
      await page.goto(at(`${DAY}/02/1/`));
      expect(await page.locator('article h1').textContent()).toBe('（上接第1版）河城湿地迎来候鸟');
      expect(await page.title()).toMatch(/^（上接第1版）河城湿地迎来候鸟 · /);
    });

    it('10: says when 上一篇/下一篇 cross a page, follows ← and →, and leads back to the page and the issue', async () => {
      await page.goto(at(`${DAY}/01/4/`));
      const pager = page.getByRole('navigation', { name: '上一篇和下一篇' });
      expect(await pager.locator('a[rel=next]').textContent()).toBe('下一篇（第02版）：（上接第1版）河城湿地迎来候鸟');
      expect(await pager.locator('a[rel=prev]').textContent()).toBe('上一篇：社区食堂开张');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(at(`${DAY}/02/1/`));
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL(at(`${DAY}/01/4/`));
      // Not while typing in a field.
      await page.getByRole('searchbox', { name: '搜索全文' }).press('ArrowRight');
      expect(page.url()).toBe(at(`${DAY}/01/4/`));
      const back = page.getByRole('navigation', { name: '返回' });
      await back.getByRole('link', { name: '返回本版（第01版：要闻）' }).click();
      await page.waitForURL(at(`${DAY}/01/`));
      // Back on the article by address, not page.goBack(): Chromium's back-forward cache can detach the
      // page under the driver ("Not attached to an active page": seen once in CI).
      await page.goto(at(`${DAY}/01/4/`));
      await page.getByRole('navigation', { name: '返回' }).getByRole('link', { name: '返回目录' }).click();
      await page.waitForURL(at(`${DAY}/`));
    });

    it('3: draws the lead largest, in reading order, numbered like the list, the full title on focus', async () => {
      await page.goto(at(`${DAY}/01/`));
      const blocks = page.getByRole('list', { name: '版面图' }).locator('li');
      expect(await blocks.locator('.n').allTextContents()).toEqual(['1', '2', '3', '4']);
      const areas = await blocks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width * el.getBoundingClientRect().height));
      expect(Math.max(...areas)).toBe(areas[1]);
      expect(await blocks.nth(1).textContent()).toContain('河城湿地迎来候鸟');
      // A title longer than its block is cut, and shown whole while the block has focus: the photo's
      // block squeezed to one line to make its long display title too long for it.
      await blocks.nth(0).evaluate((li) => ((li as HTMLElement).style.height = '1.2rem'));
      const link = blocks.nth(0).locator('a');
      const cut = () => link.evaluate((a) => a.scrollHeight > a.clientHeight + 1);
      expect(await cut()).toBe(true);
      await link.focus();
      expect(await cut()).toBe(false);
      await page.locator('h1').click();
      expect(await cut()).toBe(true);
      await page.screenshot({ path: `${SHOTS}/${base.length > 1 ? 'archive-' : ''}map-focus.png` });
    });

    it('2: on a phone, lists the page’s articles before the map and puts the reading tools at the top', async () => {
      const phone = await browser.newPage({ viewport: PHONE });
      await phone.goto(at(`${DAY}/01/`));
      const listTop = await phone.locator('.headlines').evaluate((el) => el.getBoundingClientRect().top);
      const mapTop = await phone.locator('.page-map').evaluate((el) => el.getBoundingClientRect().top);
      expect(listTop).toBeLessThan(mapTop);
      expect(listTop).toBeLessThan(PHONE.height);
      await phone.screenshot({ path: `${SHOTS}/page-phone.png`, fullPage: true });
      await phone.goto(at(`${DAY}/01/2/`));
      const tools = await phone.locator('[data-tools]').evaluate((el) => el.getBoundingClientRect().bottom);
      const body = await phone.locator('.body p').first().evaluate((el) => el.getBoundingClientRect().top);
      expect(tools).toBeLessThan(body);
      expect(tools).toBeLessThan(PHONE.height);
      expect(await phone.getByRole('group', { name: '字号' }).isVisible()).toBe(true);
      await phone.screenshot({ path: `${SHOTS}/article-phone.png`, fullPage: true });
      await phone.close();
    });

    it('5: links an HTML site map (papers → years → months) from every footer', async () => {
      await page.goto(at(`${DAY}/01/2/`));
      await page.getByRole('contentinfo').getByRole('link', { name: '网站地图' }).click();
      expect(page.url()).toBe(at('sitemap/'));
      expect(await page.locator('h1').textContent()).toBe('网站地图');
      const map = page.getByRole('navigation', { name: '网站地图' });
      await map.getByRole('link', { name: '河城日报', exact: true }).waitFor();
      expect(await map.locator('.years-map > li > a:first-child').allTextContents()).toEqual(['2023年', '2022年', '2021年']);
      await map.getByRole('link', { name: '12月' }).click();
      expect(page.url()).toBe(at(`${PAPER}/2022/#m2022-12`));
    });

    it('6: shows furniture without Markdown marks, letter-spacing closed, the 导读 teaser linked', async () => {
      await page.goto(at(`${DAY}/01/`));
      const furniture = page.locator('.furniture dd');
      const texts = await furniture.allTextContents();
      expect(texts).toContain('河城日报');
      expect(texts).toContain('第01版：要闻');
      expect(texts).toContain('今日导读');
      expect(texts.filter((t) => /^#|\*\*|<http/.test(t))).toEqual([]);
      await furniture.getByRole('link', { name: '社区食堂开张' }).click();
      expect(page.url()).toBe(at(`${DAY}/01/3/`));
    });

    it('7: has a date jump on issue, page and article pages, and whole years January to December', async () => {
      for (const path of [`${DAY}/`, `${DAY}/01/`, `${DAY}/01/2/`]) {
        await page.goto(at(path));
        await page.getByLabel('按日期查看').fill('2021-05-08');
        await page.getByRole('button', { name: '前往' }).click();
        await page.waitForURL(at(`${PAPER}/2021-05-08/`));
      }
      await page.goto(at(`${PAPER}/2022/`));
      const captions = await page.locator('.calendar caption').allTextContents();
      expect(captions).toHaveLength(12);
      expect(captions[0]).toBe('1月（无）');
      expect(captions[4]).toBe('5月（1期）');
      expect(captions[11]).toBe('12月（1期）');
    });

    it('8: breaks headlines between words only (勇|气 and 功|夫 never), at every phone width', async () => {
      const phone = await browser.newPage({ viewport: PHONE });
      await phone.goto(at(`${PAPER}/2021-05-08/01/3/`));
      for (let width = 300; width <= 440; width += 10) {
        await phone.setViewportSize({ width, height: 844 });
        const split = await phone.locator('article h1').evaluate((h1) => {
          const text = h1.textContent ?? '';
          const top = (i: number) => {
            const r = document.createRange();
            let node: Node | null = null;
            let offset = i;
            const walk = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
            while ((node = walk.nextNode())) {
              if (offset < node.textContent!.length) break;
              offset -= node.textContent!.length;
            }
            r.setStart(node!, offset);
            r.setEnd(node!, offset + 1);
            return r.getBoundingClientRect().top;
          };
          return ['勇气', '功夫', '攻坚'].filter((w) => top(text.indexOf(w)) !== top(text.indexOf(w) + 1));
        });
        expect(split, `width ${width}`).toEqual([]);
      }
      await phone.setViewportSize(PHONE);
      await phone.screenshot({ path: `${SHOTS}/headline-phone.png` });
      await phone.close();
    });

    it('9: serves a favicon, so no page asks for a missing file', async () => {
      await page.goto(at(''));
      const href = await page.locator('link[rel=icon]').getAttribute('href');
      expect(href).toBe(`${base}favicon.svg`);
      expect((await page.request.get(new URL(href!, site.url).href)).status()).toBe(200);
    });

    it('朗读: hidden without a Chinese voice; with one, reads title then paragraphs, marking the one read', async () => {
      await page.goto(at(`${DAY}/01/2/`));
      expect(await page.getByRole('button', { name: '朗读' }).isHidden()).toBe(true);
      // A system with a zh-CN voice: the Web Speech API stood in for, speaking each utterance in 1.5 s.
      const voiced = await browser.newPage();
      await voiced.addInitScript(() => {
        const spoken: string[] = [];
        (window as unknown as { spoken: string[] }).spoken = spoken;
        const synth = {
          paused: false,
          getVoices: () => [{ lang: 'zh-CN', localService: true, name: '中文', voiceURI: 'zh', default: true }],
          addEventListener() {},
          speak(u: SpeechSynthesisUtterance) {
            spoken.push(u.text);
            setTimeout(() => u.onstart?.(new Event('start') as SpeechSynthesisEvent), 0);
            setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 1500);
          },
          cancel() {},
          pause() {},
          resume() {},
        };
        Object.defineProperty(window, 'speechSynthesis', { value: synth });
        (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
          text: string;
          lang = '';
          voice: unknown = null;
          onstart: ((e: Event) => void) | null = null;
          onend: ((e: Event) => void) | null = null;
          constructor(text: string) {
            this.text = text;
          }
        };
      });
      await voiced.goto(at(`${DAY}/01/2/`));
      await voiced.getByRole('button', { name: '朗读' }).click();
      await expect.poll(() => voiced.locator('article h1.reading').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => voiced.locator('.body p.reading').count(), { timeout: 10_000 }).toBe(1);
      expect(await voiced.getByRole('button', { name: '暂停' }).isVisible()).toBe(true);
      const spoken = await voiced.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
      expect(spoken.slice(0, 2)).toEqual(['河城湿地迎来候鸟', '本报讯（记者 林小雨）入春以来，河城湿地公园先后迎来白鹭、苍鹭等二十多种候鸟。湿地管理处在观鸟点设置了科普展板，吸引了不少市民前来观赏。']);
      await voiced.getByRole('button', { name: '停止' }).click();
      expect(await voiced.locator('.reading').count()).toBe(0);
      await voiced.close();
    });

    it('往年今日: an issue lists the same day in earlier years; the home page finds the reader’s today in the browser', async () => {
      await page.goto(at(`${PAPER}/2023-05-08/`));
      const earlier = page.getByRole('region', { name: '往年今日' });
      expect(await earlier.getByRole('link').allTextContents()).toEqual(['河城日报 2022年5月8日', '河城日报 2021年5月8日']);
      const dated = await browser.newPage();
      await dated.clock.setFixedTime(new Date('2024-05-08T09:00:00+08:00'));
      await dated.goto(at(''));
      const home = dated.getByRole('region', { name: '往年今日' });
      await expect.poll(() => home.locator('ul a').allTextContents(), { timeout: 10_000 }).toEqual(['河城日报 2023年5月8日', '河城日报 2022年5月8日', '河城日报 2021年5月8日']);
      expect(await home.locator('ul a').first().getAttribute('href')).toBe(`${base}${PAPER}/2023-05-08/`);
      await dated.clock.setFixedTime(new Date('2024-07-01T09:00:00+08:00'));
      await dated.reload();
      await expect.poll(() => home.textContent(), { timeout: 10_000 }).toContain('往年的7月1日没有收录的报纸');
      await dated.close();
      // Without JS the home page points to the calendars, through the site map.
      const still = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await still.newPage();
      await noJs.goto(at(''));
      const fallback = noJs.getByRole('region', { name: '往年今日' }).getByRole('link', { name: '各报往期回顾' });
      expect(await fallback.getAttribute('href')).toBe(`${base}sitemap/`);
      await still.close();
    });

    it('shows the whole article in one view across 下转/上接, marking the page turn', async () => {
      await page.goto(at(`${DAY}/01/2/`));
      const rest = page.locator('article .body .rest');
      expect(await rest.locator('p:not(.turn)').allTextContents()).toEqual(['（上接第1版）管理处提醒市民，观鸟时请保持安静，不要投喂和追逐鸟类，共同守护湿地生态。']);
      expect(await rest.getAttribute('data-pagefind-ignore')).not.toBeNull();
      await rest.getByRole('link', { name: '下转第2版' }).click();
      expect(page.url()).toBe(at(`${DAY}/02/1/`));
      await page.getByRole('link', { name: '上接第1版', exact: true }).click();
      expect(page.url()).toBe(at(`${DAY}/01/2/`));
    });

    it('引用本文: GB/T 7714 [N], [N/OL] with the permalink and today, Chicago, each copied by its button', async () => {
      const cited = await browser.newContext();
      await cited.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      const p = await cited.newPage();
      await p.clock.setFixedTime(new Date('2026-12-02T10:00:00+08:00'));
      await p.goto(at(`${DAY}/01/2/`));
      const forms = await p.locator('.cite [data-cite]').allTextContents();
      const url = at(`${DAY}/01/2/`);
      expect(forms).toEqual([
        '林小雨. 河城湿地迎来候鸟[N]. 河城日报, 2022-05-08(1).',
        `林小雨. 河城湿地迎来候鸟[N/OL]. 河城日报, 2022-05-08(1)[2026-12-02]. ${url}.`,
        `林小雨. “河城湿地迎来候鸟.” 河城日报, May 8, 2022, 1. ${url}.`,
      ]);
      await p.locator('.cite [data-copy-cite]').nth(1).click();
      await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(forms[1]);
      await cited.close();
    });

    it('shares by a QR code of the permalink, made in the page from a script loaded on first use', async () => {
      await page.goto(at(`${DAY}/01/2/`));
      const before = requested.length;
      const button = page.getByRole('button', { name: '二维码' });
      await button.click();
      const qr = page.getByRole('img', { name: `本文链接的二维码：${at(`${DAY}/01/2/`)}` });
      await qr.waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(requested.slice(before).some((u) => u.endsWith('.js'))).toBe(true);
      await page.screenshot({ path: `${SHOTS}/${base.length > 1 ? 'archive-' : ''}qr.png` });
      await button.click();
      expect(await qr.isHidden()).toBe(true);
    });

    it('exports every article of an issue and of a year as text and JSON Lines, linked from the paper’s pages', async () => {
      await page.goto(at(`${DAY}/`));
      const jsonl = await page.request.get(new URL((await page.getByRole('link', { name: 'JSON Lines' }).getAttribute('href'))!, site.url).href);
      const records = (await jsonl.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(records.map((r) => r.displayTitle)).toEqual([
        '图片：5月6日，市民在河城湿地公园观赏归来的白鹭', '河城湿地迎来候鸟', '社区食堂开张', '［记者从市气象台获悉］',
        '（上接第1版）河城湿地迎来候鸟', '老年大学开设智能手机课',
      ]);
      expect(records[1]).toMatchObject({ paperName: '河城日报', date: '2022-05-08', page: 1, pageName: '要闻', title: '河城湿地迎来候鸟', url: `${base}${DAY}/01/2/` });
      await page.goto(at(`${PAPER}/2022/`));
      const text = await (await page.request.get(new URL((await page.getByRole('link', { name: '纯文本' }).getAttribute('href'))!, site.url).href)).text();
      expect(text.match(/^==== 河城日报 .* ====$/gm)).toEqual(['==== 河城日报 2022年5月8日 ====', '==== 河城日报 2022年12月30日 ====']);
      expect(text).toContain('管理处提醒市民');
      await page.goto(at(`${PAPER}/`));
      expect(await page.getByRole('link', { name: 'JSON Lines' }).getAttribute('href')).toBe(`${base}${PAPER}/2023/articles.jsonl`);
    });

    it('reads without JS: the whole article, the permalink, the citation with its placeholders, no dead buttons', async () => {
      const still = await browser.newContext({ javaScriptEnabled: false });
      const p = await still.newPage();
      await p.goto(at(`${DAY}/01/2/`));
      expect(await p.locator('article .body p:not(.turn)').count()).toBe(3);
      expect(await p.getByRole('link', { name: '本文链接' }).getAttribute('href')).toBe(`${base}${DAY}/01/2/`);
      expect(await p.locator('.cite [data-cite]').nth(1).textContent()).toBe(`林小雨. 河城湿地迎来候鸟[N/OL]. 河城日报, 2022-05-08(1)[引用日期]. ${base}${DAY}/01/2/.`);
      expect(await p.getByRole('button').filter({ visible: true }).allTextContents()).toEqual(['搜索', '前往']);
      await still.close();
    });

    it('takes desktop screenshots of every page kind', async () => {
      for (const [name, path] of [['home', ''], ['issue', `${DAY}/`], ['page', `${DAY}/01/`], ['article', `${DAY}/01/2/`], ['year', `${PAPER}/2022/`], ['sitemap', 'sitemap/']]) {
        await page.goto(at(path));
        await page.screenshot({ path: `${SHOTS}/${base.length > 1 ? 'archive-' : ''}${name}-desktop.png`, fullPage: true });
      }
    });

    it('asked no other host and found every file it asked for', () => {
      expect(requested.length).toBeGreaterThan(0);
      expect(requested.filter((u) => !u.startsWith('data:') && new URL(u).host !== new URL(site.url).host)).toEqual([]);
      expect(failed).toEqual([]);
    });
  });
}
