// `npx node bench/search-bytes.ts --articles N [--site .tmp/site/root] [--queries 10] [--seed 1] [--query Q]… [--keep] [--reuse]`
// What a reader's first search downloads on an archive of N articles (issue 15: ≤ 250 KB at 100k).
// The cheapest honest archive: the benchmark's generated seed pages (generate.ts, the sample pages'
// sentences), read by the real ingest, indexed by the real scripts/index-search.ts (the one index a
// build writes), and searched on the real search page in Chromium. Only `astro build` of the N article
// pages is skipped: the search page and its assets are copied from a site built from the samples
// (`--site`, built at `/`), since a search downloads nothing from the article pages. Prints the index
// size and, for each query (random strings of 2–6 characters copied from the articles, on a fresh
// browser context), requests, bytes, bytes from pagefind/ (the index folder) and the count the page shows.
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../scripts/build-content.ts';
import { articleFile, indexSearch, listArticleIds, readArticle } from '../scripts/index-search.ts';
import type { IndexManifest } from '../src/lib/search/index-format.ts';
import { measureFirstQuery } from '../scripts/search-quality.ts';
import { searchText } from '../src/lib/search/record.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { serveStatic } from '../test/support/static-server.ts';
import { readCorpus } from './corpus.ts';
import { defaultGenerateOptions, generatePages, writeSeeds } from './generate.ts';
import { seededRandom } from './random.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    site: { type: 'string', default: '.tmp/site/root' },
    queries: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/out/search-bytes' },
    keep: { type: 'boolean', default: false },
    /** Queries to measure besides the random ones (repeatable), e.g. a string of common bigrams that seldom stand together. */
    query: { type: 'string', multiple: true, default: [] },
    /** Measure again on the archive and index a --keep run left. */
    reuse: { type: 'boolean', default: false },
  },
});
const n = Number(values.articles);
const dir = join(values.out, String(n));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const site = join(dir, 'site');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

let indexSeconds = 0;
if (!values.reuse) {
  await rm(dir, { recursive: true, force: true });
  const corpus = await readCorpus('seeds');
  await writeSeeds(seeds, generatePages(corpus, { ...defaultGenerateOptions, articles: n }));
  await ingest({ seeds, out: content, log: () => {} });
  await mkdir(site, { recursive: true });
  for (const entry of await readdir(values.site)) {
    if (entry !== 'pagefind') await cp(join(values.site, entry), join(site, entry), { recursive: true });
  }
  const started = Date.now();
  // Without `site`, an article counts as built when its issue is in the archive (no article pages here).
  await indexSearch({ out: site, content, log });
  indexSeconds = (Date.now() - started) / 1000;
}
const manifest = JSON.parse(await readFile(join(site, 'pagefind', 'index.json'), 'utf8')) as IndexManifest;
const sizes = await folderBytes(join(site, 'pagefind'));
// Query strings from the articles (read in batches: 100k files at once exhaust file handles).
const ids = await listArticleIds(join(content, 'archive', 'articles'));
const articles: Array<{ text: string }> = [];
for (let i = 0; i < ids.length; i += 256) {
  articles.push(...(await Promise.all(ids.slice(i, i + 256).map(async (id) => ({ text: searchText(await readArticle(articleFile(join(content, 'archive'), id))) })))));
}
const random = seededRandom(Number(values.seed)).next;
const queries: string[] = [];
for (let tries = 0; queries.length < Number(values.queries) && tries < 1000; tries++) {
  const chars = Array.from(articles[Math.floor(random() * articles.length)]!.text.replace(/\s/gu, ''));
  const length = 2 + (queries.length % 5);
  const at = Math.floor(random() * (chars.length - length));
  const q = chars.slice(at, at + length).join('');
  if (/^\p{Script=Han}+$/u.test(q) && !queries.includes(q)) queries.push(q);
}

queries.push(...(values.query ?? []));
const server = await serveStatic(site, '/');
const browser = await launchBrowser();
const rows: string[] = [];
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const f = await measureFirstQuery(page, server.url, query);
    const status = (await page.textContent('#search-status')) ?? '';
    rows.push(`| ${n} | ${JSON.stringify(query)} | ${f.requests} | ${(f.bytes / 1000).toFixed(1)} | ${(f.searchBytes / 1000).toFixed(1)} | ${status.replace(/\|/g, '/')} |`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const mb = (b: number): string => (b / 1e6).toFixed(1);
process.stdout.write(
  [
    `${n} articles, ${manifest.docs} indexed; index ${mb(sizes.total)} MB in ${sizes.files} files (postings ${mb(sizes.post)} MB, ` +
      `dictionary ${mb(sizes.dict)} MB in ${manifest.dictShards} shards, cards ${mb(sizes.card)} MB, issues and kinds ${(sizes.other / 1e3).toFixed(0)} KB); indexed in ${indexSeconds.toFixed(0)} s`,
    '| articles | query | requests | KB | KB from pagefind/ | status |',
    '|---:|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n') + '\n',
);
if (!values.keep) await rm(dir, { recursive: true, force: true });

/** Bytes under the index folder: all, postings, dictionary, cards, the rest; and its files. */
async function folderBytes(root: string): Promise<{ total: number; post: number; dict: number; card: number; other: number; files: number }> {
  const sum = { total: 0, post: 0, dict: 0, card: 0, other: 0, files: 0 };
  for (const file of await readdir(root, { recursive: true })) {
    const s = await stat(join(root, file));
    if (!s.isFile()) continue;
    sum.total += s.size;
    sum.files++;
    const part = file.split(/[\\/]/u)[0];
    if (part === 'post') sum.post += s.size;
    else if (part === 'dict') sum.dict += s.size;
    else if (part === 'card') sum.card += s.size;
    else sum.other += s.size;
  }
  return sum;
}
