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
  /** The content folder ingest wrote (default: env CONTENT_DIR or `content`). */
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
  const articlesDir = join(options.content ?? (process.env.CONTENT_DIR || 'content'), 'archive', 'articles');
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
      // Pages are read together but handed to Pagefind one by one in id order: the order pages reach
      // the index decides its files, and the same seeds must give byte-identical output.
      const pages = await Promise.all(batch.map((id) => articlePage(site, articlesDir, id, log)));
      for (const page of pages) {
        if (!page) continue;
        const added = await index.addHTMLFile(page);
        if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`);
        indexed++;
      }
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

/** An article's built page with its index terms filled in, as Pagefind takes it; null when not built. */
async function articlePage(site: string, articlesDir: string, id: string, log: (line: string) => void): Promise<{ url: string; content: string } | null> {
  const file = join(articlesDir, `${id}.md`);
  const article = await readArticle(file);
  let html: string;
  try {
    html = await readFile(join(site, id, 'index.html'), 'utf8');
  } catch {
    log(`${file}:1:1  warning  no built page ${id}/index.html for this article; it is not searchable  search-missing-page`);
    return null;
  }
  if (!PLACEHOLDER.test(html)) {
    log(`${file}:1:1  warning  the page ${id}/index.html has no PagefindMeta placeholder; indexed without exact-match terms  search-no-placeholder`);
  }
  // Each term once per article (positions of repeats would only grow the index); the title's terms
  // again with a heading's weight, so Pagefind's ranking of large result sets favours title matches.
  const title = unique(gramTerms(article.title ?? ''));
  const body = unique(gramTerms(searchText(article)));
  const grams = `<div>${GRAMS_SEPARATOR} <div data-pagefind-weight="5">${title}</div> ${body}</div>`;
  return { url: `/${id}/`, content: html.replace(PLACEHOLDER, grams) };
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

const unique = (terms: string[]): string => [...new Set(terms)].join(' ');
