// The /search/ page in Chromium, over the site test/global-setup.ts built from seeds/ (at `/` and
// under `/archive/`). Expected answers come from the built content (content/archive): an article is
// expected when its text fields (kicker, title, subtitles, byline, paragraphs, joined by searchText,
// whose field list lib-search-match.test.ts pins) hold the query — find-in-page semantics, checked
// with String#includes, not with the search page's own matching code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';
import { listAll, readArticles, searchPage } from '../scripts/search-quality.ts';

type Article = { id: string; text: string };
let articles: Article[];
let browser: Browser;
let root: StaticSite;
let archive: StaticSite;
const external: string[] = [];

const normalize = (s: string): string => s.normalize('NFKC').toLowerCase();
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

  it('asks no other host for anything', () => {
    expect(external).toEqual([]);
  });
});
