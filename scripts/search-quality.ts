// `npm run search:quality -- [--typed] [--site dist] [--base /] [--content content] [--queries 100]
//   [--seed 1] [--lengths 1,2,3,4,5,6] [--gold ../shared/gold]`
// Measures search quality as a reader meets it: samples random strings copied from the built articles,
// types each into the real /search/ page in Chromium, and compares the articles listed with the
// articles whose text holds the string, whitespace ignored and punctuation styles alike (`normalize`
// below, written apart from the site's code). Two modes:
// - random: strings of N characters copied from the text as printed, its whitespace left out;
// - --typed: strings as a reader types them: copied across a space, line break, quote mark or
//   character with a full- and half-width form, then typed without the spaces, with the other quote
//   style and the other width (typeAsReader).
// Prints recall and precision per query length and exits non-zero below --min-recall /
// --min-precision (defaults 0.99 / 0.99).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { searchText } from '../src/lib/search/record.ts';
import { listArticleIds, readArticle } from './index-search.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { serveStatic } from '../test/support/static-server.ts';
import { seededRandom } from '../bench/random.ts';

export interface QualityOptions {
  site: string;
  base: string;
  content: string;
  /** Queries per length. */
  queries: number;
  seed: number;
  lengths: number[];
  /** A folder of gold editions (../shared/gold): their article titles are searched as well. */
  gold?: string | undefined;
  /** Strings as a reader types them (typeAsReader) instead of as printed. */
  typed?: boolean | undefined;
}

export interface QueryOutcome {
  query: string;
  expected: string[];
  found: string[];
}

export interface QualityRow {
  /** Query length, `gold titles` or `all`. */
  group: string;
  queries: number;
  expected: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
}

export interface QualityReport {
  rows: QualityRow[];
  total: QualityRow;
  misses: QueryOutcome[];
  /** What the browser downloads for the first query on a fresh page (page itself excluded). */
  firstQuery: { query: string; requests: number; bytes: number; searchBytes: number };
}

/**
 * What counts as the same text, as issue 15 defines it: case and width (NFKC), whitespace ignored,
 * every quote style alike, every dash alike, every middle dot alike, 。 and . alike (and the
 * brackets an input method's half-width mode types for 《》【】〔〕). Deliberately
 * written apart from the site's fold.ts.
 */
export const normalize = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060]/gu, '')
    .replace(/["'\u2018-\u201f\u300c-\u300f\u301d-\u301f]/gu, '"')
    .replace(/[\u2010-\u2015\u2212\u2500\u2501]/gu, '-')
    .replace(/[\u00b7\u2022\u2027\u2219\u22c5\u30fb]/gu, '·')
    .replace(/[<《〈‹]/gu, '<')
    .replace(/[>》〉›]/gu, '>')
    .replace(/[[【〔〖]/gu, '[')
    .replace(/[\]】〕〗]/gu, ']')
    .replace(/\./gu, '。');

/** Quote marks a reader's input method gives for each printed one (the other style). */
const OTHER_QUOTE: Record<string, string> = { '"': '“', '“': '"', '”': '"', "'": '‘', '‘': "'", '’': "'", '「': '“', '」': '”', '『': '‘', '』': '’' };

/** What an input method's half-width punctuation mode types for Chinese marks without a full-width form. */
const HALF_WIDTH_MODE: Record<string, string> = { '。': '.', '《': '<', '》': '>', '【': '[', '】': ']', '〔': '[', '〕': ']' };

/** Full-width forms (U+FF01–U+FF5E) and their ASCII counterparts, each way; 。《》【】 as typed in half-width mode. */
function otherWidth(ch: string): string | null {
  if (HALF_WIDTH_MODE[ch]) return HALF_WIDTH_MODE[ch];
  const c = ch.codePointAt(0)!;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0);
  if (c >= 0x21 && c <= 0x7e && !OTHER_QUOTE[ch]) return String.fromCodePoint(c + 0xfee0);
  return null;
}

/** True when a printed string holds something a reader types differently (a space, a quote mark, a width form). */
const typesDifferently = (s: string): boolean => Array.from(s).some((ch) => /\s/u.test(ch) || OTHER_QUOTE[ch] || otherWidth(ch));

/** A printed string as a reader types it: no whitespace, the other quote style, the other width. */
export function typeAsReader(printed: string): string {
  return Array.from(printed)
    .filter((ch) => !/\s/u.test(ch))
    .map((ch) => OTHER_QUOTE[ch] ?? otherWidth(ch) ?? ch)
    .join('');
}

export async function measureSearchQuality(options: QualityOptions): Promise<QualityReport> {
  const articles = await readArticles(join(options.content, 'archive', 'articles'));
  const texts = articles.map((a) => ({ id: a.id, text: normalize(a.text) }));
  const random = seededRandom(options.seed).next;
  const site = await serveStatic(options.site, options.base);
  const browser = await launchBrowser();
  const outcomes: Array<QueryOutcome & { group: string }> = [];
  const groups: Array<{ group: string; queries: string[] }> = options.lengths.map((length) => ({
    group: String(length),
    queries: options.typed
      ? sampleQueries(articles.map((a) => a.text), length, options.queries, random, typesDifferently).map(typeAsReader)
      : [...new Set(sampleQueries(articles.map((a) => a.text), length, options.queries, random).map(withoutSpaces))],
  }));
  if (options.gold) groups.push({ group: 'gold titles', queries: await goldTitles(options.gold) });
  let firstQuery: QualityReport['firstQuery'] = { query: '', requests: 0, bytes: 0, searchBytes: 0 };
  try {
    const page = await browser.newPage();
    const [probe] = sampleQueries(articles.map((a) => a.text), 3, 1, seededRandom(options.seed).next).map(withoutSpaces);
    if (probe) firstQuery = await measureFirstQuery(page, site.url, probe);
    for (const { group, queries } of groups) {
      for (const query of queries) {
        // Space-separated words must all occur.
        const needles = query.split(/\s+/u).map(normalize).filter(Boolean);
        const expected = texts.filter((t) => needles.every((n) => t.text.includes(n))).map((t) => t.id);
        const found = await searchPage(page, site.url, query);
        outcomes.push({ group, query, expected, found });
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const rows = groups.map(({ group }) => summarize(group, outcomes.filter((o) => o.group === group)));
  const misses = outcomes.filter((o) => o.found.length !== o.expected.length || o.found.some((id) => !o.expected.includes(id)));
  return { rows, total: summarize('all', outcomes), misses, firstQuery };
}

/** Bytes of every response after the search page's own HTML, for one query typed on a fresh page. */
export async function measureFirstQuery(page: Page, siteUrl: string, query: string): Promise<QualityReport['firstQuery']> {
  const sizes: Array<{ url: string; bytes: number }> = [];
  const record = async (response: import('playwright-core').Response): Promise<void> => {
    sizes.push({ url: response.url(), bytes: (await response.body().catch(() => Buffer.alloc(0))).length });
  };
  page.on('response', record);
  // The first screen of results only: 显示更多 is a later download.
  await searchPage(page, siteUrl, query, false);
  await page.waitForLoadState('networkidle');
  page.off('response', record);
  const after = sizes.filter((s) => !s.url.endsWith('/search/'));
  const search = after.filter((s) => s.url.includes('/pagefind/'));
  const sum = (list: typeof sizes): number => list.reduce((n, s) => n + s.bytes, 0);
  return { query, requests: after.length, bytes: sum(after), searchBytes: sum(search) };
}

/**
 * Types one query into the real search page (loading it first if needed) and returns the article ids
 * it lists, all of them (following 显示更多), or none when `all` is false (the first screen only).
 */
export async function searchPage(page: Page, siteUrl: string, query: string, all = true): Promise<string[]> {
  const searchUrl = `${siteUrl}search/`;
  if (!page.url().startsWith(searchUrl)) {
    await page.goto(searchUrl);
    await page.waitForSelector('body[data-search-done]');
  }
  const previous = await page.getAttribute('body', 'data-search-done');
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((p) => document.body.dataset.searchDone !== p, previous);
  return all ? listAll(page, siteUrl) : [];
}

/** Every article id the search page lists for the search on screen, following 显示更多. */
export async function listAll(page: Page, siteUrl: string): Promise<string[]> {
  while (await page.isVisible('#search-more')) {
    const before = await page.locator('#search-results > li').count();
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n || document.querySelector<HTMLButtonElement>('#search-more')!.hidden, before);
  }
  const hrefs = await page.$$eval('#search-results > li h2 a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  const base = new URL(siteUrl).pathname;
  return hrefs.map((path) => path.slice(base.length).replace(/\/$/, ''));
}

/** The article titles of every gold edition in a folder (schema: ../shared/gold/README.md). */
async function goldTitles(dir: string): Promise<string[]> {
  const titles = new Set<string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const edition = JSON.parse(await readFile(join(dir, file), 'utf8')) as { articles?: Array<{ title?: string | null }> };
    for (const a of edition.articles ?? []) if (a.title?.trim()) titles.add(a.title.trim());
  }
  return [...titles];
}

/**
 * Random strings of `length` characters other than whitespace, copied from the texts as printed (the
 * whitespace among them kept, for `typeAsReader`; left out otherwise), among those `keep` accepts.
 */
function sampleQueries(
  texts: readonly string[],
  length: number,
  count: number,
  random: () => number,
  keep: (printed: string) => boolean = () => true,
): string[] {
  const pool = texts.map((t) => Array.from(t)).filter((chars) => chars.filter((ch) => !/\s/u.test(ch)).length >= length);
  const queries = new Set<string>();
  for (let tries = 0; queries.size < count && tries < count * 200 && pool.length; tries++) {
    const chars = pool[Math.floor(random() * pool.length)]!;
    let at = Math.floor(random() * chars.length);
    while (at < chars.length && /\s/u.test(chars[at]!)) at++;
    const window: string[] = [];
    let n = 0;
    for (let i = at; i < chars.length && n < length; i++) {
      window.push(chars[i]!);
      if (!/\s/u.test(chars[i]!)) n++;
    }
    const printed = window.join('');
    if (n === length && keep(printed)) queries.add(printed);
  }
  return [...queries];
}

/** A printed string as copied with whitespace left out. */
const withoutSpaces = (printed: string): string => printed.replace(/\s/gu, '');

function summarize(group: string, outcomes: readonly QueryOutcome[]): QualityRow {
  let expected = 0;
  let found = 0;
  let correct = 0;
  for (const o of outcomes) {
    expected += o.expected.length;
    found += o.found.length;
    correct += o.found.filter((id) => o.expected.includes(id)).length;
  }
  return {
    group,
    queries: outcomes.length,
    expected,
    found,
    correct,
    recall: expected ? correct / expected : 1,
    precision: found ? correct / found : 1,
  };
}

export async function readArticles(dir: string): Promise<Array<{ id: string; text: string }>> {
  const ids = await listArticleIds(dir);
  return Promise.all(ids.map(async (id) => ({ id, text: searchText(await readArticle(join(dir, `${id}.json`))) })));
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: QualityReport): string {
  const lines = ['| query length | queries | expected | listed | recall | precision |', '|---|---|---|---|---|---|'];
  for (const r of [...report.rows, report.total]) {
    lines.push(`| ${r.group} | ${r.queries} | ${r.expected} | ${r.found} | ${percent(r.recall)} | ${percent(r.precision)} |`);
  }
  const f = report.firstQuery;
  lines.push(`first query ${JSON.stringify(f.query)} on a fresh page: ${f.requests} requests, ${f.bytes} bytes (${f.searchBytes} from pagefind/)`);
  for (const m of report.misses.slice(0, 20)) {
    const missing = m.expected.filter((id) => !m.found.includes(id));
    const extra = m.found.filter((id) => !m.expected.includes(id));
    lines.push(`miss: ${JSON.stringify(m.query)} missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: process.env.DIST_DIR || 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH || '/' },
      content: { type: 'string', default: process.env.CONTENT_DIR || 'content' },
      queries: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      lengths: { type: 'string', default: '1,2,3,4,5,6' },
      gold: { type: 'string' },
      'min-recall': { type: 'string', default: '0.99' },
      'min-precision': { type: 'string', default: '0.99' },
      typed: { type: 'boolean', default: false },
    },
  });
  const report = await measureSearchQuality({
    site: values.site,
    base: values.base,
    content: values.content,
    queries: Number(values.queries),
    seed: Number(values.seed),
    lengths: values.lengths.split(',').map(Number),
    gold: values.gold,
    typed: values.typed,
  });
  process.stdout.write(`${formatReport(report)}\n`);
  const ok = report.total.recall >= Number(values['min-recall']) && report.total.precision >= Number(values['min-precision']);
  process.exit(ok ? 0 : 1);
}
