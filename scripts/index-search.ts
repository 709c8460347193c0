// Search index (issue 15): our own exact-substring index of the archive (the file layout and why it
// is not Pagefind's: src/lib/search/index-format.ts), built from what ingest wrote
// (`<content>/archive/articles/<id>.json` and its issue's JSON), not by crawling the built pages.
// One pass over the articles in index order (newest first): each article's folded text (fold.ts) gives
// its character and bigram postings, appended to per-key varint buffers cut into blocks; then the
// dictionary is hash-sharded, and a result card written per article. Deterministic: the same archive
// gives byte-identical files (ids sorted, keys written in key order, gzip at a fixed level).
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { articleSchema, issueSchema, type ArchiveArticle, type ArchiveIssue } from '../src/lib/archive-schema.ts';
import { findPage } from '../src/lib/archive-nav.ts';
import { planBundles, type BundlePlan } from '../src/lib/search/bundles.ts';
import { fold } from '../src/lib/search/fold.ts';
import {
  BLOCK_BYTES, bigramKey, ByteWriter, cardPath, DICT_BYTES, dictPath, INDEX_DIR, INLINE_BYTES, ISSUES_PATH, keyShard, kindsPath,
  MANIFEST_PATH, postPath, SEGMENT_DOCS, unigramKey, writeDictShard, writeIssues,
  type DictEntry, type IndexCard, type IndexManifest, type IssueRow,
} from '../src/lib/search/index-format.ts';
import { KIND_LABELS, searchRecord, searchText } from '../src/lib/search/record.ts';

export interface IndexSearchOptions {
  /** The built site folder (dist/): the index goes to `<site>/pagefind/`, and only articles whose page was built are indexed. */
  site: string;
  /** The content folder ingest wrote (default: env CONTENT_DIR or `content`). */
  content?: string;
  log?: (line: string) => void;
  /** Layout settings (tests make them small to exercise segments, blocks and shards on a small archive). */
  layout?: Partial<IndexLayout>;
}

export interface IndexLayout {
  segmentDocs: number;
  blockBytes: number;
  dictBytes: number;
  inlineBytes: number;
}

const DEFAULT_LAYOUT: IndexLayout = { segmentDocs: SEGMENT_DOCS, blockBytes: BLOCK_BYTES, dictBytes: DICT_BYTES, inlineBytes: INLINE_BYTES };

/** Writes the index of every article of the archive into `<site>/pagefind/`; returns the manifest and the articles indexed. */
export async function indexSearch(options: IndexSearchOptions): Promise<{ manifest: IndexManifest; indexed: number }> {
  const ids = await listArticleIds(join(archiveDir(options), 'articles'));
  return writeIndex({ ...options, out: options.site }, planBundles(ids)[0]!.ids);
}

export interface IndexBundlesOptions {
  /** Where the index is written (`<out>/pagefind/`). */
  out: string;
  /** The built site whose article pages are checked; without it an article counts as built when its issue is in the archive (the article route's rule), as in a partitioned build. */
  site?: string;
  content?: string;
  log?: (line: string) => void;
  layout?: Partial<IndexLayout>;
}

/** The partitioned build's entry: writes the planned index (one, bundles.ts); returns the articles indexed. */
export async function indexBundles(options: IndexBundlesOptions, plans: readonly BundlePlan[]): Promise<number> {
  let total = 0;
  for (const plan of plans) total += (await writeIndex(options, plan.ids)).indexed;
  return total;
}

/** What the index keeps of an article: its sort key, title span and card (its text once). */
interface Doc {
  date: string;
  paper: string;
  page: number;
  kind: string;
  /** The title's span in the folded text, in code points (searchText puts the kicker, then the title, first). */
  titleStart: number;
  titleEnd: number;
  card: IndexCard;
}

/** Files written at once. */
const PARALLEL = 64;
/** Articles read at once. */
const READ_BATCH = 64;

async function writeIndex(options: IndexBundlesOptions, ids: readonly string[]): Promise<{ manifest: IndexManifest; indexed: number }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const layout = { ...DEFAULT_LAYOUT, ...options.layout };
  const archive = archiveDir(options);
  const issues = new IssueCache(join(archive, 'issues'));
  const docs: Doc[] = [];
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const batch = ids.slice(i, i + READ_BATCH);
    for (const doc of await Promise.all(batch.map((id) => readDoc(options.site, archive, issues, id, log)))) if (doc) docs.push(doc);
    if (ids.length >= 20_000 && (i / READ_BATCH) % 300 === 0) log(`search: read ${i}/${ids.length} articles`);
  }
  // Index order: newest first, then paper, page and id (front-page articles first within an issue).
  docs.sort((a, b) => cmp(b.date, a.date) || cmp(a.paper, b.paper) || a.page - b.page || cmp(a.card.id, b.card.id));

  const root = join(options.out, INDEX_DIR);
  await rm(root, { recursive: true, force: true });
  const out = new IndexWriter(root);

  const papers = [...new Set(docs.map((d) => d.paper))].sort();
  const kinds = Object.keys(KIND_LABELS).sort();
  const rows: IssueRow[] = [];
  for (const doc of docs) {
    const last = rows.at(-1);
    const paper = papers.indexOf(doc.paper);
    const row = last && last.date === doc.date && last.paper === paper ? last : (rows.push({ date: doc.date, paper, docs: 0, front: 0 }), rows.at(-1)!);
    row.docs++;
    if (doc.page === 1) row.front++;
  }
  await out.put(ISSUES_PATH, writeIssues(rows));
  for (let s = 0; s * layout.segmentDocs < docs.length; s++) {
    await out.put(kindsPath(s), Uint8Array.from(docs.slice(s * layout.segmentDocs, (s + 1) * layout.segmentDocs), (d) => kinds.indexOf(d.kind)));
  }
  const encoder = new TextEncoder();
  for (const [n, doc] of docs.entries()) await out.put(cardPath(n), encoder.encode(JSON.stringify(doc.card)));
  let dictShards = 0;
  for (const [path, bytes] of postings(docs, layout)) {
    if (path.startsWith('dict/')) dictShards++;
    await out.put(path, bytes);
  }
  const { files, bytes, tag } = await out.close();
  const manifest: IndexManifest = {
    version: 1,
    tag,
    docs: docs.length,
    papers,
    first: docs.at(-1)?.date ?? '0000-00-00',
    last: docs[0]?.date ?? '0000-00-00',
    kinds,
    segmentDocs: layout.segmentDocs,
    dictShards,
  };
  await writeFile(join(root, MANIFEST_PATH), `${JSON.stringify(manifest)}\n`);
  log(`search: indexed ${docs.length} articles into ${INDEX_DIR} (${files + 1} files, ${(bytes / 1e6).toFixed(1)} MB)`);
  return { manifest, indexed: docs.length };
}

/** Writes gzipped index files a few at a time, hashing them (path and bytes, in the order put) for the tag. */
class IndexWriter {
  readonly #root: string;
  readonly #hash = createHash('sha256');
  readonly #folders = new Set<string>();
  #pending: Array<{ path: string; bytes: Uint8Array }> = [];
  files = 0;
  bytes = 0;
  constructor(root: string) {
    this.#root = root;
  }
  async put(path: string, raw: Uint8Array): Promise<void> {
    const bytes = gzipSync(raw, { level: 9 });
    this.#hash.update(`${path}\n`).update(bytes);
    this.#pending.push({ path, bytes });
    this.files++;
    this.bytes += bytes.length;
    if (this.#pending.length >= PARALLEL) await this.#flush();
  }
  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    for (const folder of new Set(batch.map((f) => dirname(join(this.#root, f.path))))) {
      if (this.#folders.has(folder)) continue;
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    await Promise.all(batch.map((f) => writeFile(join(this.#root, f.path), f.bytes)));
  }
  async close(): Promise<{ files: number; bytes: number; tag: string }> {
    await this.#flush();
    await mkdir(this.#root, { recursive: true });
    return { files: this.files, bytes: this.bytes, tag: this.#hash.digest('hex').slice(0, 12) };
  }
}

/** A key's postings as they are appended: blocks of varints, the last one open. */
interface KeyPostings {
  docs: number;
  previous: number;
  blocks: Array<{ first: number; last: number; w: ByteWriter }>;
}

/** The posting blocks and dictionary shards, as [path, bytes]. */
function* postings(docs: readonly Doc[], layout: IndexLayout): Generator<[string, Uint8Array]> {
  const keys = new Map<number, KeyPostings>();
  const append = (key: number, doc: number, count: number, inTitle: boolean, positions: readonly number[] | null): void => {
    let k = keys.get(key);
    if (!k) keys.set(key, (k = { docs: 0, previous: doc, blocks: [] }));
    let block = k.blocks.at(-1);
    if (!block || block.w.length >= layout.blockBytes) {
      block = { first: doc, last: doc, w: new ByteWriter() };
      k.blocks.push(block);
      k.previous = 0; // A block starts with its first article's number itself.
    }
    block.w.varint(doc - k.previous);
    block.w.varint(count * 2 + (inTitle ? 1 : 0));
    if (positions) {
      let p = 0;
      for (const q of positions) {
        block.w.varint(q - p);
        p = q;
      }
    }
    k.previous = doc;
    block.last = doc;
    k.docs++;
  };

  for (const [n, { card, titleStart, titleEnd }] of docs.entries()) {
    const codes = Array.from(fold(card.text), (ch) => ch.codePointAt(0)!);
    const bigrams = new Map<number, { positions: number[]; inTitle: boolean }>();
    const chars = new Map<number, { count: number; inTitle: boolean }>();
    for (let i = 0; i < codes.length; i++) {
      const inTitle = i >= titleStart && i < titleEnd;
      const c = chars.get(codes[i]!);
      if (c) {
        c.count++;
        c.inTitle ||= inTitle;
      } else chars.set(codes[i]!, { count: 1, inTitle });
      if (i + 1 < codes.length) {
        const key = bigramKey(codes[i]!, codes[i + 1]!);
        const b = bigrams.get(key);
        const both = inTitle && i + 1 < titleEnd;
        if (b) {
          b.positions.push(i);
          b.inTitle ||= both;
        } else bigrams.set(key, { positions: [i], inTitle: both });
      }
    }
    for (const [code, c] of chars) append(unigramKey(code), n, c.count, c.inTitle, null);
    for (const [key, b] of bigrams) append(key, n, b.positions.length, b.inTitle, b.positions);
  }

  const entries: DictEntry[] = [];
  let file = 0;
  for (const key of [...keys.keys()].sort((a, b) => a - b)) {
    const k = keys.get(key)!;
    const bytes = k.blocks.reduce((s, b) => s + b.w.length, 0);
    if (k.blocks.length === 1 && bytes <= layout.inlineBytes) {
      entries.push({ key, docs: k.docs, bytes, inline: k.blocks[0]!.w.result(), blocks: [] });
      continue;
    }
    const blocks: DictEntry['blocks'] = [];
    for (const b of k.blocks) {
      yield [postPath(file), b.w.result()];
      blocks.push({ file: file++, first: b.first, last: b.last });
    }
    entries.push({ key, docs: k.docs, bytes, inline: null, blocks });
  }
  keys.clear();
  const total = entries.reduce((s, e) => s + writeDictShard([e]).length, 0);
  const shards = Math.max(1, Math.ceil(total / layout.dictBytes));
  const byShard = Array.from({ length: shards }, () => [] as DictEntry[]);
  for (const e of entries) byShard[keyShard(e.key, shards)]!.push(e);
  for (const [h, list] of byShard.entries()) yield [dictPath(h), writeDictShard(list)];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const archiveDir = (options: { content?: string | undefined }): string => join(options.content ?? (process.env.CONTENT_DIR || 'content'), 'archive');

/** An article and its card, or null (with a warning) when its page was not built. */
async function readDoc(site: string | undefined, archive: string, issues: IssueCache, id: string, log: (line: string) => void): Promise<Doc | null> {
  const file = articleFile(archive, id);
  const article = await readArticle(file);
  const issue = await issues.get(`${article.paper}/${article.date}`);
  const built = site ? await access(join(site, id, 'index.html')).then(() => true, () => false) : issue !== null;
  if (!built) {
    log(`${file}:1:1  warning  no built page ${id}/index.html for this article; it is not searchable  search-missing-page`);
    return null;
  }
  const page = issue && findPage(issue, article.page);
  const { meta } = searchRecord(article, issue?.paperName ?? article.paper, page?.name ?? null);
  const titleStart = Array.from(fold(article.kicker ?? '')).length;
  return {
    date: article.date,
    paper: article.paper,
    page: article.page,
    kind: article.kind,
    titleStart,
    titleEnd: titleStart + Array.from(fold(article.title ?? '')).length,
    card: { id: article.id, title: meta.title, paper: meta.paper, date: meta.date, page: meta.page, text: searchText(article) },
  };
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

