// `npx node bench/search-bytes.ts --articles N [--site .tmp/site/root] [--queries 6] [--seed 1] [--keep]
//   [--newest-bundle-only] [--reuse]`
// What a reader's first search downloads on an archive of N articles (issue 15: ≤ 250 KB at 100k).
// The cheapest honest archive: the benchmark's generated seed pages (generate.ts, the sample pages'
// sentences), read by the real ingest, indexed by the real scripts/index-search.ts (bundles as in a
// build), and searched on the real search page in Chromium. Only `astro build` of the N article pages
// is skipped: the search page and its assets are copied from a site built from the samples (`--site`,
// built at `/`), since a search downloads nothing from the article pages. Prints the index size and,
// for each query (random strings of 2–6 characters copied from the articles, on a fresh browser
// context), requests, bytes, bytes from pagefind/ and the count the page shows.
// --newest-bundle-only: for an archive above SEARCH_SHARD_PAGES, index only the newest bundle (the
// others are listed in bundles.json but not written), since a search opens older bundles only while
// it has fewer than 200 results: the queries that find 200 in the newest bundle download exactly
// what they would from the whole index; a query that needs an older bundle shows an error, reported
// as such. Each bundle's metadata size is printed as measured on the newest one.
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../scripts/build-content.ts';
import { articleFile, indexBundles, listArticleIds, readArticle, writeBundleList } from '../scripts/index-search.ts';
import { archiveSpan, planBundles, type SearchBundles } from '../src/lib/search/bundles.ts';
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
    queries: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/out/search-bytes' },
    keep: { type: 'boolean', default: false },
    'newest-bundle-only': { type: 'boolean', default: false },
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

let bundles: SearchBundles;
let indexSeconds = 0;
if (values.reuse) {
  bundles = JSON.parse(await readFile(join(site, 'pagefind', 'bundles.json'), 'utf8')) as SearchBundles;
} else {
  await rm(dir, { recursive: true, force: true });
  const corpus = await readCorpus('seeds');
  await writeSeeds(seeds, generatePages(corpus, { ...defaultGenerateOptions, articles: n }));
  await ingest({ seeds, out: content, log: () => {} });
  await mkdir(site, { recursive: true });
  for (const entry of await readdir(values.site)) {
    if (entry !== 'pagefind') await cp(join(values.site, entry), join(site, entry), { recursive: true });
  }
  const started = Date.now();
  const quiet = (l: string): void => (l.includes('indexed') ? log(l) : undefined);
  const ids = await listArticleIds(join(content, 'archive', 'articles'));
  const plans = planBundles(ids, Number(process.env.SEARCH_SHARD_PAGES) || 15_000);
  // Without `site`, an article counts as built when its issue is in the archive (no article pages here).
  const written = values['newest-bundle-only'] ? plans.slice(0, 1) : plans;
  await indexBundles({ out: site, content, log: quiet }, written);
  bundles = await writeBundleList(site, written.map((p) => p.path), archiveSpan(ids));
  if (written.length < plans.length) {
    // The older bundles are listed, not written: a search that needs one shows an error.
    bundles = { ...bundles, bundles: plans.map((p) => p.path) };
    await writeFile(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify(bundles)}\n`);
    log(`${plans.length} bundles planned, the newest (${plans[0]!.path}, ${plans[0]!.ids.length} articles) written`);
  }
  indexSeconds = (Date.now() - started) / 1000;
}
const sizes = await folderBytes(join(site, 'pagefind'));
// Query strings from the articles of the bundles written (read in batches: 100k files at once exhaust file handles).
const written = new Set((await readdir(join(site, 'pagefind'), { recursive: true })).filter((f) => f.endsWith('pagefind-entry.json')).map((f) => `pagefind/${f.replace(/pagefind-entry\.json$/, '')}`));
const allIds = await listArticleIds(join(content, 'archive', 'articles'));
const ids = written.has('pagefind/') ? allIds : planBundles(allIds, Number(process.env.SEARCH_SHARD_PAGES) || 15_000).filter((p) => written.has(p.path)).flatMap((p) => p.ids);
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
process.stdout.write(
  [
    `${n} articles, ${allIds.length} ingested; ${bundles.bundles.length} bundle(s), ${written.size} written (${ids.length} articles); index ${(sizes.total / 1e6).toFixed(1)} MB ` +
      `(index chunks ${(sizes.index / 1e6).toFixed(1)} MB, fragments ${(sizes.fragment / 1e6).toFixed(1)} MB, metadata ${(sizes.meta / 1e3).toFixed(0)} KB); indexed in ${indexSeconds.toFixed(0)} s`,
    '| articles | query | requests | KB | KB from pagefind/ | status |',
    '|---:|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n') + '\n',
);
if (!values.keep) await rm(dir, { recursive: true, force: true });

/** Bytes under a folder: all, index chunks, fragments, metadata files. */
async function folderBytes(root: string): Promise<{ total: number; index: number; fragment: number; meta: number }> {
  const sum = { total: 0, index: 0, fragment: 0, meta: 0 };
  for (const file of await readdir(root, { recursive: true })) {
    const s = await stat(join(root, file));
    if (!s.isFile()) continue;
    sum.total += s.size;
    if (file.endsWith('.pf_index')) sum.index += s.size;
    if (file.endsWith('.pf_fragment')) sum.fragment += s.size;
    if (file.endsWith('.pf_meta')) sum.meta += s.size;
  }
  return sum;
}
