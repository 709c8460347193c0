// Search index: Pagefind over the built article pages, plus our exact-substring index terms.
// For each article written by ingest (`<content>/archive/articles/<id>.md`) we read its built page
// `<site>/<id>/index.html`, fill the empty `data-search-grams` placeholder (PagefindMeta.astro) with
// the article's character-bigram terms (src/lib/search/grams.ts) and hand the page to Pagefind in
// memory: the terms reach the index, never the page a reader downloads.
//
// Scale: one Pagefind index tops out near 60k pages on 24 GB (issue 8). Above SEARCH_SHARD_PAGES
// articles (default 40000) the index is split per year into `<site>/pagefind/<year>/`, and the search
// page merges the shards in the browser (`mergeIndex`). `<site>/pagefind/bundles.json` tells the page
// which bundles exist and carries a tag (hash of the index metadata) for Pagefind's `metaCacheTag`.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { parse as parseYaml } from 'yaml';
import { articleSchema, type ArchiveArticle } from '../src/lib/archive-schema.ts';
import { gramTerms } from '../src/lib/search/grams.ts';
import { GRAMS_SEPARATOR } from '../src/lib/search/match.ts';
import { searchText } from '../src/lib/search/record.ts';
import { planBundles, type SearchBundles } from '../src/lib/search/bundles.ts';

export interface IndexSearchOptions {
  /** The built site folder (dist/). */
  site: string;
  /** The content folder ingest wrote (default `content`). */
  content?: string;
  /** Articles above which the index is split per year (default: env SEARCH_SHARD_PAGES or 40000). */
  shardAbove?: number;
  log?: (line: string) => void;
}

/** The empty element PagefindMeta.astro leaves inside the article for the index terms. */
const PLACEHOLDER = /<div hidden data-search-grams(?:="")?><\/div>/;
/** Pages handed to Pagefind at once. */
const BATCH = 32;

export async function indexSearch(options: IndexSearchOptions): Promise<SearchBundles> {
  const { site } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const articlesDir = join(options.content ?? 'content', 'archive', 'articles');
  const shardAbove = options.shardAbove ?? (Number(process.env.SEARCH_SHARD_PAGES) || 40_000);

  const ids = await listArticleIds(articlesDir);
  const plan = planBundles(ids, shardAbove);
  const written: string[] = [];
  for (const bundle of plan) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    let indexed = 0;
    for (let i = 0; i < bundle.ids.length; i += BATCH) {
      const batch = bundle.ids.slice(i, i + BATCH);
      // Pages are read in parallel but handed to Pagefind in id order: the order it receives them
      // decides its output files, which must be the same on every build.
      const pages = await Promise.all(batch.map((id) => readPage(site, articlesDir, id, log)));
      for (const page of pages) if (page) indexed += await addPage(index, page);
      if (bundle.ids.length >= 2000 && (i / BATCH) % 100 === 0) log(`search: ${bundle.path} ${i}/${bundle.ids.length}`);
    }
    const out = await index.writeFiles({ outputPath: join(site, bundle.path) });
    if (out.errors.length) throw new Error(`pagefind: ${out.errors.join('; ')}`);
    await index.deleteIndex();
    written.push(bundle.path);
    log(`search: indexed ${indexed} articles into ${bundle.path}`);
  }
  await pagefind.close();

  const bundles: SearchBundles = { bundles: written, tag: await metaTag(site, written) };
  await mkdir(join(site, 'pagefind'), { recursive: true });
  await writeFile(join(site, 'pagefind', 'bundles.json'), `${JSON.stringify(bundles)}\n`);
  return bundles;
}

interface PreparedPage {
  id: string;
  /** The built page with the placeholder filled with the article's index terms. */
  html: string;
}

async function readPage(site: string, articlesDir: string, id: string, log: (line: string) => void): Promise<PreparedPage | null> {
  const article = await readArticle(join(articlesDir, `${id}.md`));
  let html: string;
  try {
    html = await readFile(join(site, id, 'index.html'), 'utf8');
  } catch {
    log(`${id}: warning  no built page for this article; not searchable  search-missing-page`);
    return null;
  }
  if (!PLACEHOLDER.test(html)) {
    log(`${id}: warning  the page has no search placeholder (PagefindMeta); indexed without exact-match terms  search-no-placeholder`);
  }
  const grams = `<div>${GRAMS_SEPARATOR} ${gramTerms(searchText(article)).join(' ')}</div>`;
  return { id, html: html.replace(PLACEHOLDER, grams) };
}

async function addPage(index: pagefind.PagefindIndex, { id, html }: PreparedPage): Promise<number> {
  const added = await index.addHTMLFile({ url: `/${id}/`, content: html });
  if (added.errors.length) throw new Error(`pagefind: ${id}: ${added.errors.join('; ')}`);
  return 1;
}

/** Article ids (`<paper>/<date>/<NN>/<k>`) from the article files, sorted for a deterministic index. */
async function listArticleIds(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3).split(sep).join('/'))
    .sort();
}

async function readArticle(file: string): Promise<ArchiveArticle> {
  const text = await readFile(file, 'utf8');
  const end = text.indexOf('\n---', 4);
  return articleSchema.parse(parseYaml(text.slice(4, end)));
}

/** A short hash of every bundle's entry file: changes whenever any index changes. */
async function metaTag(site: string, bundles: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const b of bundles) hash.update(await readFile(join(site, b, 'pagefind-entry.json')));
  return hash.digest('hex').slice(0, 12);
}
