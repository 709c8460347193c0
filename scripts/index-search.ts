// Search index: one Pagefind custom record per article, built from what ingest wrote
// (`<content>/archive/articles/<id>.json` and its issue's JSON), not by crawling the built pages.
// A record's content is only our exact-substring index words (character bigrams, src/lib/search/
// grams.ts), in text order; the article's readable text travels as the `text` meta field, for result excerpts and
// the exact-match check in the browser. Metadata, filters and sort key come from searchRecord(),
// the same function PagefindMeta.astro writes into each article page, so the pages stay
// self-describing for a stock Pagefind crawl. Measured on 562 benchmark articles: 2.6× faster and
// 45% smaller than crawling the pages with the bigram words added to them.
//
// Scale: one Pagefind index tops out near 60k plain pages on 24 GB (issue 8); with the bigram words an
// article costs more (5.7k benchmark articles peaked at 6.7 GB). Above SEARCH_SHARD_PAGES articles
// (default 15000) the index is split per year into `<site>/pagefind/<YYYY>/`, and a year still above
// it per month (src/lib/search/bundles.ts); the browser searches the bundles it needs (engine.ts).
// `<site>/pagefind/bundles.json` lists the bundles and carries a tag (hash of the index metadata)
// for Pagefind's `metaCacheTag`.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { articleSchema, issueSchema, type ArchiveArticle, type ArchiveIssue } from '../src/lib/archive-schema.ts';
import { findPage } from '../src/lib/archive-nav.ts';
import { archiveSpan, planBundles, type BundlePlan, type SearchBundles } from '../src/lib/search/bundles.ts';
import { gramTerms } from '../src/lib/search/grams.ts';
import { searchRecord, searchText } from '../src/lib/search/record.ts';

export interface IndexSearchOptions {
  /** The built site folder (dist/). */
  site: string;
  /** The content folder ingest wrote (default: env CONTENT_DIR or `content`). */
  content?: string;
  /** Articles above which the index is split per year (default: env SEARCH_SHARD_PAGES or 15000). */
  shardAbove?: number;
  log?: (line: string) => void;
}

/** Records handed to Pagefind at once. */
const BATCH = 32;
/** Extra copies of the title's words, so Pagefind's ranking of large result sets favours title matches. */
const TITLE_WEIGHT = 2;

/** The bundles written, and how many articles they hold in all. */
export async function indexSearch(options: IndexSearchOptions): Promise<SearchBundles & { indexed: number }> {
  const archive = archiveDir(options);
  const shardAbove = options.shardAbove ?? (Number(process.env.SEARCH_SHARD_PAGES) || 15_000);
  const ids = await listArticleIds(join(archive, 'articles'));
  const plans = planBundles(ids, shardAbove);
  const indexed = await indexBundles({ ...options, out: options.site }, plans);
  return { ...(await writeBundleList(options.site, plans.map((b) => b.path), archiveSpan(ids))), indexed };
}

export interface IndexBundlesOptions {
  /** Where the bundles are written (`<out>/<bundle path>`). */
  out: string;
  /** The built site whose article pages are checked; without it an article counts as built when its issue is in the archive (the article route's rule), as in a partitioned build. */
  site?: string;
  content?: string;
  log?: (line: string) => void;
}

/** Writes the Pagefind index of each planned bundle, one after the other (peak memory: one bundle's); returns the articles indexed. */
export async function indexBundles(options: IndexBundlesOptions, plans: readonly BundlePlan[]): Promise<number> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const archive = archiveDir(options);
  const issues = new IssueCache(join(archive, 'issues'));
  let total = 0;
  for (const bundle of plans) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    let indexed = 0;
    for (let i = 0; i < bundle.ids.length; i += BATCH) {
      const batch = bundle.ids.slice(i, i + BATCH);
      // Read in parallel, add in id order: the same content gives a byte-identical index.
      const records = await Promise.all(batch.map((id) => articleRecord(options.site, archive, issues, id, log)));
      for (const [k, record] of records.entries()) {
        if (!record) continue;
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new Error(`pagefind: ${batch[k]}: ${added.errors.join('; ')}`);
        indexed++;
      }
      if (bundle.ids.length >= 2000 && (i / BATCH) % 100 === 0) log(`search: ${bundle.path} ${i}/${bundle.ids.length}`);
    }
    const out = await index.writeFiles({ outputPath: join(options.out, bundle.path) });
    if (out.errors.length) throw new Error(`pagefind: ${out.errors.join('; ')}`);
    await index.deleteIndex();
    await emptyFragmentContent(join(options.out, bundle.path, 'fragment'));
    total += indexed;
    log(`search: indexed ${indexed} articles into ${bundle.path}`);
  }
  await pagefind.close();
  return total;
}

/** `<site>/pagefind/bundles.json`: the bundles (written under `site`), a tag of their metadata, the archive's first and last day. */
export async function writeBundleList(site: string, paths: readonly string[], span: { first: string; last: string }): Promise<SearchBundles> {
  const bundles: SearchBundles = { bundles: [...paths], tag: await metaTag(site, paths), ...span };
  await mkdir(join(site, 'pagefind'), { recursive: true });
  await writeFile(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify(bundles)}\n`);
  return bundles;
}

const archiveDir = (options: { content?: string | undefined }): string => join(options.content ?? (process.env.CONTENT_DIR || 'content'), 'archive');

/** The Pagefind record of one article, or null (with a warning) when its page was not built. */
async function articleRecord(
  site: string | undefined,
  archive: string,
  issues: IssueCache,
  id: string,
  log: (line: string) => void,
): Promise<pagefind.CustomRecord | null> {
  const file = articleFile(archive, id);
  const article = await readArticle(file);
  const issue = await issues.get(`${article.paper}/${article.date}`);
  const built = site ? await access(join(site, id, 'index.html')).then(() => true, () => false) : issue !== null;
  if (!built) {
    log(`${file}:1:1  warning  no built page ${id}/index.html for this article; it is not searchable  search-missing-page`);
    return null;
  }
  const page = issue && findPage(issue, article.page);
  return searchIndexRecord(article, issue?.paperName ?? article.paper, page?.name ?? null);
}

/** The Pagefind record of an article: our index words as content, the text and result fields as meta. */
export function searchIndexRecord(article: ArchiveArticle, paperName: string, pageName: string | null): pagefind.CustomRecord {
  const { meta, filters, sort } = searchRecord(article, paperName, pageName);
  const text = searchText(article);
  const title = gramTerms(article.title ?? '').join(' ');
  return {
    url: `/${article.id}/`,
    // The text's words in order (positions make exact search exact), after TITLE_WEIGHT copies of the
    // title's: each copy ends with the end word, so no two copies join into a string the title lacks.
    content: [...Array<string>(TITLE_WEIGHT).fill(title), gramTerms(text).join(' ')].filter(Boolean).join(' '),
    language: 'zh-cn',
    meta: { ...meta, text },
    filters: Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, [value]])),
    sort,
  };
}

/** Pagefind's signature at the start of every decompressed file. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * A result's fragment (`fragment/<hash>.pf_fragment`, fetched for each result shown) carries the
 * record's content: our index words, about four times the article's text when compressed. The search
 * page never reads it (excerpts come from the `text` meta field, `excerptLength` is 0), so it is
 * emptied, keeping the file's name and everything else: a result shown costs about 1 KB, not 4.5.
 */
async function emptyFragmentContent(dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pf_fragment'));
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map(async (name) => {
        const raw = gunzipSync(await readFile(join(dir, name))).toString('utf8');
        if (!raw.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`pagefind: ${name}: not a Pagefind fragment`);
        const fragment = JSON.parse(raw.slice(PAGEFIND_SIGNATURE.length)) as { content: string };
        fragment.content = '';
        await writeFile(join(dir, name), gzipSync(PAGEFIND_SIGNATURE + JSON.stringify(fragment), { level: 9 }));
      }),
    );
  }
}

/** Issues read once each (many articles share one). */
class IssueCache {
  readonly #dir: string;
  readonly #issues = new Map<string, Promise<ArchiveIssue | null>>();
  constructor(dir: string) {
    this.#dir = dir;
  }
  get(id: string): Promise<ArchiveIssue | null> {
    let issue = this.#issues.get(id);
    if (!issue) {
      issue = readFile(join(this.#dir, `${id}.json`), 'utf8').then(
        (json) => issueSchema.parse(JSON.parse(json)),
        () => null,
      );
      this.#issues.set(id, issue);
    }
    return issue;
  }
}

/** Article ids (`<paper>/<date>/<NN>/<k>`) from the article files, sorted for a deterministic index. */
export async function listArticleIds(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length).split(sep).join('/'))
    .sort();
}

/** Where ingest wrote an article (`<archive>/articles/<id>.json`): the one place the index reads articles from. */
export function articleFile(archive: string, id: string): string {
  return join(archive, 'articles', `${id}.json`);
}

/** An article file, validated. */
export async function readArticle(file: string): Promise<ArchiveArticle> {
  return articleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** A short hash of every bundle's entry file: changes whenever any index changes. */
async function metaTag(site: string, bundles: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const b of bundles) hash.update(await readFile(join(site, b, 'pagefind-entry.json')));
  return hash.digest('hex').slice(0, 12);
}
