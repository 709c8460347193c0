// The /search/ page in Chromium, over the site test/global-setup.ts built from seeds/ (at `/` and
// under `/archive/`). Expected answers come from the built content (content/archive): an article is
// expected when its text fields (kicker, title, subtitles, byline, paragraphs, joined by searchText,
// whose field list lib-search-match.test.ts pins) hold the query — find-in-page semantics with
// whitespace ignored and punctuation styles alike (search-quality.ts `normalize`, written apart from
// the search page's own folding), checked with String#includes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';
import { listAll, normalize, readArticles, searchPage } from '../scripts/search-quality.ts';

type Article = { id: string; text: string };
let articles: Article[];
let browser: Browser;
let root: StaticSite;
let archive: StaticSite;
const external: string[] = [];

const holding = (...terms: string[]): string[] =>
  articles.filter((a) => terms.every((t) => normalize(a.text).includes(normalize(t)))).map((a) => a.id).sort();
const occurrences = (text: string, s: string): number => text.split(s).length - 1;

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) external.push(request.url());
  });
  return page;
}

/** Every result of the search on screen: article ids in order. */
const listed = (page: Page, site: StaticSite): Promise<string[]> => listAll(page, site.url);

async function open(page: Page, site: StaticSite, query: string): Promise<string[]> {
  await page.goto(`${site.url}search/?${query}`);
  await page.waitForSelector('body[data-search-done]');
  return listed(page, site);
}

beforeAll(async () => {
  articles = await readArticles('content/archive/articles');
  browser = await launchBrowser();
  root = await serveStatic(builtSite.root, '/');
  archive = await serveStatic(builtSite.archive, '/archive/');
});

afterAll(async () => {
  await browser?.close();
  await root?.close();
  await archive?.close();
});

describe('search page', () => {
  it('a name lists every article holding it, the one that keeps returning to it first', async () => {
    const expected = holding('于连兴');
    expect(expected.length).toBeGreaterThan(0);
    const page = await newPage();
    const found = await searchPage(page, root.url, '于连兴');
    expect([...found].sort()).toEqual(expected);
    const most = Math.max(...expected.map((id) => occurrences(articles.find((a) => a.id === id)!.text, '于连兴')));
    expect(occurrences(articles.find((a) => a.id === found[0])!.text, '于连兴')).toBe(most);
    expect(await page.textContent('#search-status')).toContain(`找到 ${expected.length} 篇`);
  });

  it('a word printed on several pages lists each of those articles', async () => {
    const expected = holding('文明城市');
    expect(new Set(expected.map((id) => id.split('/').slice(0, 3).join('/'))).size).toBeGreaterThan(1);
    const found = await searchPage(await newPage(), root.url, '文明城市');
    expect([...found].sort()).toEqual(expected);
  });

  it('a phrase and several terms: all must occur, as written', async () => {
    const page = await newPage();
    expect([...(await searchPage(page, root.url, '创建全国文明城市'))].sort()).toEqual(holding('创建全国文明城市'));
    // A second term that narrows the first (chosen from the content, which other work may change).
    const narrows = (t: string): boolean => holding('文明城市', t).length > 0 && holding('文明城市', t).length < holding('文明城市').length;
    const second = ['市委', '党员', '创建', '工作', '聊城', '的'].find(narrows);
    expect(second).toBeDefined();
    expect([...(await searchPage(page, root.url, `文明城市 ${second}`))].sort()).toEqual(holding('文明城市', second!));
  });

  it('mixed digits and CJK, and a single character', async () => {
    const page = await newPage();
    expect(holding('2022年').length).toBeGreaterThan(0);
    expect([...(await searchPage(page, root.url, '2022年'))].sort()).toEqual(holding('2022年'));
    expect([...(await searchPage(page, root.url, '兴'))].sort()).toEqual(holding('兴'));
  });

  it('excerpts mark the string searched', async () => {
    const page = await newPage();
    await searchPage(page, root.url, '于连兴');
    const marks = await page.$$eval('#search-results .excerpt mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['于连兴']));
  });

  it('a nonsense query lists nothing and says so', async () => {
    const page = await newPage();
    expect(await searchPage(page, root.url, '氙氪镧钷zzqx')).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('没有找到');
  });

  it('filters narrow to the articles that match them', async () => {
    const all = holding('文明城市');
    const paper = all[0]!.split('/')[0]!;
    const page = await newPage();
    expect(await open(page, root, `q=文明城市&paper=${paper}`)).toEqual(
      expect.arrayContaining(all.filter((id) => id.startsWith(`${paper}/`))),
    );
    expect((await listed(page, root)).every((id) => id.startsWith(`${paper}/`))).toBe(true);

    const inner = (await open(page, root, 'q=的&page=inner')).sort();
    expect(inner).toEqual(holding('的').filter((id) => id.split('/')[2] !== '01'));
    const front = (await open(page, root, 'q=的&page=front')).sort();
    expect(front).toEqual(holding('的').filter((id) => id.split('/')[2] === '01'));

    const months = [...new Set(all.map((id) => id.split('/')[1]!.slice(0, 7)))].sort();
    const last = months[months.length - 1]!;
    expect((await open(page, root, `q=文明城市&from=${last}`)).sort()).toEqual(all.filter((id) => id.split('/')[1]!.startsWith(last)));
    expect(await open(page, root, 'q=文明城市&from=1999-01&to=1999-12')).toEqual([]);
  });

  it('sorts by date, newest or oldest first', async () => {
    const page = await newPage();
    const dates = async (sort: string): Promise<string[]> => (await open(page, root, `q=的&sort=${sort}`)).map((id) => id.split('/')[1]!);
    const newest = await dates('newest');
    expect(newest.length).toBe(holding('的').length);
    expect(new Set(newest).size).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort().reverse());
    const oldest = await dates('oldest');
    expect(oldest).toEqual([...oldest].sort());
  });

  it('the URL follows the form, and a shared URL reproduces the results', async () => {
    const page = await newPage();
    await page.goto(`${root.url}search/`);
    await page.waitForSelector('body[data-search-done]');
    const paper = holding('文明城市')[0]!.split('/')[0]!;
    const before = await page.getAttribute('body', 'data-search-done');
    await page.selectOption('select[name=paper]', paper);
    await page.waitForFunction((p) => document.body.dataset.searchDone !== p, before);
    const typed = await page.getAttribute('body', 'data-search-done');
    await page.locator('#search-q').pressSequentially('文明城市');
    await page.waitForFunction((p) => document.body.dataset.searchDone !== p && new URLSearchParams(location.search).get('q') === '文明城市', typed);
    const url = page.url();
    expect(new URL(url).searchParams.get('paper')).toBe(paper);
    const results = await listed(page, root);
    expect(results.length).toBeGreaterThan(0);
    const other = await newPage();
    await other.goto(url);
    await other.waitForSelector('body[data-search-done]');
    expect(await listed(other, root)).toEqual(results);
    expect(await other.inputValue('#search-q')).toBe('文明城市');
  });

  it('works under /archive/, and a result opens the article with the string highlighted', async () => {
    const page = await newPage();
    const found = await open(page, archive, 'q=于连兴');
    expect([...found].sort()).toEqual(holding('于连兴'));
    const href = await page.getAttribute('#search-results > li h2 a', 'href');
    expect(href).toMatch(/^\/archive\/.+\/\?hl=/);
    await page.click('#search-results > li h2 a');
    await page.waitForSelector('mark.search-hit');
    const marks = await page.$$eval('mark.search-hit', (ms) => ms.map((m) => m.textContent));
    expect(new Set(marks)).toEqual(new Set(['于连兴']));
  });

  it('whitespace in the text never stops a match: typed without the spaces, a string is found where it prints with them', async () => {
    const page = await newPage();
    for (const [typed, printed] of [['记者薛蓓蓓', '记者 薛蓓蓓'], ['3月24日', '3 月 24 日'], ['本报记者林金彦', '记者 林金彦']]) {
      expect(articles.some((a) => a.text.includes(printed)), printed).toBe(true);
      const expected = holding(typed);
      expect(expected.length, typed).toBeGreaterThan(0);
      expect([...(await searchPage(page, root.url, typed))].sort(), typed).toEqual(expected);
    }
    // Spaces in the query still separate terms that must all occur.
    expect([...(await searchPage(page, root.url, '记者 薛蓓蓓'))].sort()).toEqual(holding('记者', '薛蓓蓓'));
  });

  it('quote styles and widths fold: the other style finds what prints, and the excerpt marks the text as printed', async () => {
    const printed = articles.map((a) => /[^\s“”"]{2}[“"][^\s“”"]{2,4}[”"]/u.exec(a.text)?.[0]).find(Boolean);
    expect(printed).toBeDefined();
    const page = await newPage();
    const expected = holding(printed!);
    for (const typed of [printed!.replace(/[“”]/g, '"'), printed!.replace(/"([^"]*)"/, '“$1”'), printed!.replace(/[“"]/, '「').replace(/[”"]/, '」')]) {
      expect([...(await searchPage(page, root.url, typed))].sort(), typed).toEqual(expected);
    }
    const marks = await page.$$eval('#search-results .excerpt mark', (ms) => ms.map((m) => m.textContent));
    expect(marks).toContain(printed);
    // Full-width digits find the half-width ones.
    expect([...(await searchPage(page, root.url, '３月２４日'))].sort()).toEqual(holding('3月24日'));
  });

  it('date ranges by day, and month forms still', async () => {
    const page = await newPage();
    const days = [...new Set(articles.map((a) => a.id.split('/')[1]!))].sort();
    const [first, last] = [days[0]!, days[days.length - 1]!];
    const inDays = (from: string, to: string) => holding('的').filter((id) => id.split('/')[1]! >= from && id.split('/')[1]! <= to);
    expect((await open(page, root, `q=的&from=${last}&to=${last}`)).sort()).toEqual(inDays(last, last));
    expect((await open(page, root, `q=的&from=${first}&to=${first}`)).sort()).toEqual(inDays(first, first));
    expect(inDays(first, first).length).toBeLessThan(holding('的').length);
    const month = last.slice(0, 7);
    expect((await open(page, root, `q=的&from=${month}&to=${month}`)).sort()).toEqual(inDays(`${month}-01`, `${month}-31`));
    expect(await page.inputValue('input[name=from]')).toBe(`${month}-01`);
    expect(await open(page, root, 'q=的&from=1999-01-01&to=1999-12-31')).toEqual([]);
  });

  it('a filter alone, without a query, lists its articles newest first', async () => {
    const page = await newPage();
    const fronts = articles.filter((a) => a.id.split('/')[2] === '01').map((a) => a.id);
    const listedIds = await open(page, root, 'page=front');
    expect([...listedIds].sort()).toEqual([...fronts].sort());
    const dates = listedIds.map((id) => id.split('/')[1]!);
    expect(new Set(dates).size).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.textContent('#search-status')).toContain(`找到 ${fronts.length} 篇`);
    // Under /archive/ too, the links staying under the base path.
    expect(await open(page, archive, 'page=front')).toEqual(listedIds);
    expect(await page.getAttribute('#search-results > li h2 a', 'href')).toMatch(/^\/archive\/[^?]+\/$/);
    const paper = articles[0]!.id.split('/')[0]!;
    expect((await open(page, root, `paper=${paper}`)).sort()).toEqual(articles.filter((a) => a.id.startsWith(`${paper}/`)).map((a) => a.id).sort());
  });

  it('when nothing is found it says why and links what would find something', async () => {
    const page = await newPage();
    const name = '于连兴';
    const days = [...new Set(holding(name).map((id) => id.split('/')[1]!))];
    const other = [...new Set(articles.map((a) => a.id.split('/')[1]!))].find((d) => !days.includes(d))!;
    expect(await open(page, root, `q=${name}&from=${other}&to=${other}`)).toEqual([]);
    expect(await page.textContent('#search-status')).toContain(`没有找到包含“${name}”的文章`);
    const offer = page.locator('#search-suggestions a', { hasText: '不限日期' });
    expect(await offer.textContent()).toContain(`${holding(name).length} 篇`);
    const before = await page.getAttribute('body', 'data-search-done');
    await offer.click();
    await page.waitForFunction((p) => document.body.dataset.searchDone !== p, before);
    expect([...(await listed(page, root))].sort()).toEqual(holding(name));
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    // Quote marks the text lacks: offered without them.
    expect(await open(page, root, `q=${encodeURIComponent(`“${name}”说`)}`)).toEqual(holding(`"${name}"说`));
    const unquoted = page.locator('#search-suggestions a', { hasText: '去掉引号' });
    expect(await unquoted.textContent()).toContain(`${name}说`);
  });

  it('an article opened from a result scrolls to the first highlighted match', async () => {
    // A string whose first occurrence in the longest article is near its end, far below the first screen.
    const longest = [...articles].sort((a, b) => b.text.length - a.text.length)[0]!;
    const flat = longest.text.replace(/\s/gu, '');
    let term = '';
    for (let at = Math.floor(flat.length * 0.9); at > flat.length / 2 && !term; at--) {
      const s = flat.slice(at, at + 4);
      if (/^\p{Script=Han}{4}$/u.test(s) && flat.indexOf(s) === at) term = s;
    }
    expect(term).not.toBe('');
    const page = await newPage();
    await page.setViewportSize({ width: 800, height: 600 });
    await open(page, archive, `q=${term}`);
    await page.click(`#search-results > li h2 a[href*="/${longest.id}/"]`);
    await page.waitForURL(`**/${longest.id}/?hl=*`);
    await page.waitForSelector('mark.search-hit');
    await page.waitForFunction(() => window.scrollY > 0);
    const box = await page.$eval('mark.search-hit', (m) => ({ ...m.getBoundingClientRect().toJSON(), docTop: m.getBoundingClientRect().top + scrollY }));
    expect(box.docTop).toBeGreaterThan(600);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(600);
  });

  it('asks no other host for anything', () => {
    expect(external).toEqual([]);
  });
});
