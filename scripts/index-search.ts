// Search index (issues 15 and 17): our own exact-substring index of the archive (the file layout and
// why it is not Pagefind's: src/lib/search/index-format.ts), built from what ingest wrote
// (`<content>/archive/articles/<id>.json`, its issue's JSON and `digests.json`), not by crawling the
// built pages. The articles are numbered oldest first, their order read off their ids; each article's
// folded text (fold.ts) gives its character and bigram postings, appended to per-key varint blocks,
// and its result card is written at once. Then the dictionary is hash-sharded.
//
// Incremental (issue 17): with a `state` folder, the index keeps what it was made of (each article's
// id and digests, in index order, and the whole dictionary). When the archive's articles, in order,
// begin with exactly the articles of the last index (a day added: every new article is newer than
// every old one), only the new ones are read: their cards are added, the open last block of each key
// they touch is extended (or a block started), and the dictionary, issues table and last kinds segment
// are written again. Anything else (an article changed or removed, an issue added in the past, a new
// paper, other code or layout) writes the index anew. Either way the files are the same bytes: a block
// ends by the same rule whether it was written in one pass or many, post files are named by their key
// and first article, and the tag is a hash of what the index holds (test/search-incremental.test.ts).
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { articleSchema, issueSchema, type ArchiveArticle, type ArchiveIssue } from '../src/lib/archive-schema.ts';
import { findPage } from '../src/lib/archive-nav.ts';
import { fold } from '../src/lib/search/fold.ts';
import {
  BLOCK_BYTES, bigramKey, ByteWriter, cardPath, DICT_BYTES, dictPath, INDEX_DIR, INLINE_BYTES, isBigram, ISSUES_PATH, keyShard, kindsPath,
  MANIFEST_PATH, openSegmentStart, postPath, readDictShard, readIssues, readPostings, SEGMENT_DOCS, unigramKey, writeDictShard, writeIssues,
  type DictEntry, type IndexCard, type IndexManifest, type IssueRow,
} from '../src/lib/search/index-format.ts';
import { KIND_LABELS, searchRecord, searchText } from '../src/lib/search/record.ts';
import { DIGESTS } from './pipeline/write-content.ts';

export interface IndexSearchOptions {
  /** Where the index is written: `<out>/pagefind/`. */
  out: string;
  /** A built site whose article pages are checked: an article without its page is left out, with a warning. Without it an article counts as built when its issue is in the archive (the article route's rule), as in a partitioned build. */
  site?: string;
  /** The content folder ingest wrote (default: env CONTENT_DIR or `content`). */
  content?: string;
  /** A folder for what the index was made of: with it, an index whose articles the archive's begin with is appended to. */
  state?: string;
  /** Write the index anew even when the state allows appending (`npm run build -- --full`); the state is still kept. */
  fresh?: boolean;
  /** What else decides the index's bytes (the build's code digest): another value writes the index anew. */
  code?: string;
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

export interface IndexResult {
  manifest: IndexManifest;
  indexed: number;
  /** Articles added to the last index; null when the index was written anew. */
  appended: number | null;
  /** The files (paths under `pagefind/`) written or removed when appended; null when written anew. */
  changed: string[] | null;
}

const DEFAULT_LAYOUT: IndexLayout = { segmentDocs: SEGMENT_DOCS, blockBytes: BLOCK_BYTES, dictBytes: DICT_BYTES, inlineBytes: INLINE_BYTES };

/** Bump when the index's files change shape: a state of another version writes the index anew. */
const STATE_VERSION = 2;
const STATE_FILE = 'state.json';
const STATE_DICT = 'dict.bin';

/** An article to index, as its id and the archive's digests give it. */
interface Planned {
  id: string;
  date: string;
  paper: string;
  page: number;
  /** Its id and the digests of its file and its issue's: the same identity, the same card and postings. */
  identity: string;
}

/** What the state folder keeps besides the dictionary. */
interface IndexState {
  key: string;
  tag: string;
  docs: string[];
}

/** Writes the index of every article of the archive into `<out>/pagefind/`, appending when the state allows. */
export async function indexSearch(options: IndexSearchOptions): Promise<IndexResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const layout = { ...DEFAULT_LAYOUT, ...options.layout };
  const archive = archiveDir(options);
  const planned = await planDocs(archive, options.site, log);
  const papers = [...new Set(planned.map((d) => d.paper))].sort();
  const kinds = Object.keys(KIND_LABELS).sort();
  const key = digestOf(JSON.stringify({ version: STATE_VERSION, code: options.code ?? '', layout, papers, kinds }));
  const tag = digestOf(`${key}\n${planned.map((d) => d.identity).join('\n')}`).slice(0, 12);
  const root = join(options.out, INDEX_DIR);

  const previous = options.state && !options.fresh ? await readState(options.state, root, key, planned) : null;
  if (options.state) await rm(join(options.state, STATE_FILE), { force: true }); // A run stopped half-way leaves no state: the next writes anew.
  const start = previous?.docs.length ?? 0;
  if (!previous) await rm(root, { recursive: true, force: true });
  const out = new IndexWriter(root, previous !== null);

  // What the last index holds that an append extends: its dictionary, issues table and last kinds segment.
  const entries = previous ? readDictShard(await readFile(join(options.state!, STATE_DICT))) : new Map<number, DictEntry>();
  const rows: IssueRow[] = previous ? readIssues(await readGzip(join(root, ISSUES_PATH))) : [];
  const firstSegment = Math.floor(start / layout.segmentDocs);
  const segmentKinds: number[] = previous && start % layout.segmentDocs ? [...(await readGzip(join(root, kindsPath(firstSegment))))] : [];
  const postings = new PostingsBuilder(layout, entries, (k, first) => readGzip(join(root, postPath(k, first))));

  // Articles from `open` on are in the open segment: their postings go to the dictionary's tails.
  const open = openSegmentStart(planned.length, layout.segmentDocs);
  if (previous && open > openSegmentStart(start, layout.segmentDocs)) await postings.closeTails();
  const issues = new IssueCache(join(archive, 'issues'));
  for (let i = start; i < planned.length; i += READ_BATCH) {
    const batch = planned.slice(i, i + READ_BATCH);
    const docs = await Promise.all(batch.map((d) => readDoc(archive, issues, d)));
    await postings.load(docs.filter((_, j) => i + j < open).flatMap((d) => [...d.keys.keys()]));
    for (const [j, doc] of docs.entries()) {
      const n = i + j;
      await out.put(cardPath(n), new TextEncoder().encode(JSON.stringify(doc.card)));
      postings.add(n, doc.keys, n < open);
      segmentKinds.push(kinds.indexOf(doc.kind));
      const paper = papers.indexOf(batch[j]!.paper);
      const last = rows.at(-1);
      const row = last && last.date === doc.date && last.paper === paper ? last : (rows.push({ date: doc.date, paper, docs: 0, front: 0 }), rows.at(-1)!);
      row.docs++;
      if (doc.page === 1) row.front++;
    }
    if (planned.length - start >= 20_000 && ((i - start) / READ_BATCH) % 300 === 0) log(`search: read ${i - start}/${planned.length - start} articles`);
  }
  if (start < planned.length || !previous) {
    await out.put(ISSUES_PATH, writeIssues(rows));
    for (let s = firstSegment; s * layout.segmentDocs < planned.length; s++) {
      const from = s * layout.segmentDocs - firstSegment * layout.segmentDocs;
      await out.put(kindsPath(s), Uint8Array.from(segmentKinds.slice(from, from + layout.segmentDocs)));
    }
    for (const [path, bytes] of postings.blocks()) await out.put(path, bytes);
  }
  const all = postings.entries();
  const dict = writeDictShard(all);
  const dictShards = Math.max(1, Math.ceil(dict.length / layout.dictBytes));
  const byShard = Array.from({ length: dictShards }, () => [] as DictEntry[]);
  for (const e of all) byShard[keyShard(e.key, dictShards)]!.push(e);
  if (start < planned.length || !previous) for (const [h, list] of byShard.entries()) await out.put(dictPath(h), writeDictShard(list));
  if (previous) for (let h = dictShards; h < previous.dictShards; h++) await out.remove(dictPath(h));

  const manifest: IndexManifest = {
    version: 1,
    tag,
    docs: planned.length,
    papers,
    first: planned[0]?.date ?? '0000-00-00',
    last: planned.at(-1)?.date ?? '0000-00-00',
    kinds,
    segmentDocs: layout.segmentDocs,
    dictShards,
  };
  await out.put(MANIFEST_PATH, new TextEncoder().encode(`${JSON.stringify(manifest)}\n`), false);
  const { files, bytes } = await out.close();
  if (options.state) {
    await mkdir(options.state, { recursive: true });
    await writeAtomic(join(options.state, STATE_DICT), dict);
    const state: IndexState = { key, tag, docs: planned.map((d) => d.identity) };
    await writeAtomic(join(options.state, STATE_FILE), JSON.stringify(state));
  }
  const how = previous ? `${planned.length - start} articles added to ${start}` : `${planned.length} articles`;
  log(`search: indexed ${how} into ${INDEX_DIR} (${files} files written, ${(bytes / 1e6).toFixed(1)} MB)`);
  return { manifest, indexed: planned.length, appended: previous ? planned.length - start : null, changed: previous ? out.changed() : null };
}

/** The last index's state when the archive's articles begin with its articles (and its files are still the ones it wrote), else null. */
async function readState(dir: string, root: string, key: string, planned: readonly Planned[]): Promise<(IndexState & { dictShards: number }) | null> {
  try {
    const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as IndexState;
    const manifest = JSON.parse(await readFile(join(root, MANIFEST_PATH), 'utf8')) as IndexManifest;
    if (state.key !== key || manifest.tag !== state.tag || state.docs.length > planned.length) return null;
    if (!state.docs.every((identity, n) => planned[n]!.identity === identity)) return null;
    await access(join(dir, STATE_DICT));
    return { ...state, dictShards: manifest.dictShards };
  } catch {
    return null;
  }
}

/**
 * The articles to index, in index order: oldest day first; within a day, papers, then pages and ids
 * in reverse, so that newest first (the engine's default) lists each issue from its front page down.
 */
async function planDocs(archive: string, site: string | undefined, log: (line: string) => void): Promise<Planned[]> {
  const file = join(archive, DIGESTS);
  const digests = JSON.parse(await readFile(file, 'utf8').catch(() => {
    throw new Error(`${file}: not found; the search index is built from what ingest wrote (npm run ingest)`);
  })) as Record<string, string>;
  const planned: Planned[] = [];
  for (const path of Object.keys(digests)) {
    if (!path.startsWith('articles/') || !path.endsWith('.json')) continue;
    const id = path.slice('articles/'.length, -'.json'.length);
    const [paper, date, page] = id.split('/');
    const issue = `issues/${paper}/${date}.json`;
    if (!(issue in digests)) {
      log(`${join(archive, path)}:1:1  warning  no issue ${issue} for this article; it is not searchable  search-missing-issue`);
      continue;
    }
    planned.push({ id, date: date!, paper: paper!, page: Number(page), identity: `${id} ${digests[path]} ${digests[issue]}` });
  }
  planned.sort((a, b) => cmp(a.date, b.date) || cmp(b.paper, a.paper) || b.page - a.page || cmp(b.id, a.id));
  if (!site) return planned;
  const built = await Promise.all(planned.map((d) => access(join(site, d.id, 'index.html')).then(() => true, () => false)));
  for (const [n, d] of planned.entries()) {
    if (!built[n]) log(`${articleFile(archive, d.id)}:1:1  warning  no built page ${d.id}/index.html for this article; it is not searchable  search-missing-page`);
  }
  return planned.filter((_, n) => built[n]);
}

/** Files written at once. */
const PARALLEL = 64;
/** Articles read at once. */
const READ_BATCH = 64;

/** Writes gzipped index files a few at a time; when appending, each through a temporary file, and remembers which. */
class IndexWriter {
  readonly #root: string;
  readonly #atomic: boolean;
  readonly #folders = new Set<string>();
  readonly #changed = new Set<string>();
  #pending: Array<{ path: string; bytes: Uint8Array }> = [];
  files = 0;
  bytes = 0;
  constructor(root: string, atomic: boolean) {
    this.#root = root;
    this.#atomic = atomic;
  }
  async put(path: string, raw: Uint8Array, gzip = true): Promise<void> {
    const bytes = gzip ? gzipSync(raw, { level: 9 }) : raw;
    this.#pending.push({ path, bytes });
    this.#changed.add(path);
    this.files++;
    this.bytes += bytes.length;
    if (this.#pending.length >= PARALLEL) await this.#flush();
  }
  async remove(path: string): Promise<void> {
    this.#changed.add(path);
    await rm(join(this.#root, path), { force: true });
  }
  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    for (const folder of new Set(batch.map((f) => dirname(join(this.#root, f.path))))) {
      if (this.#folders.has(folder)) continue;
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    await Promise.all(batch.map((f) => (this.#atomic ? writeAtomic(join(this.#root, f.path), f.bytes) : writeFile(join(this.#root, f.path), f.bytes))));
  }
  async close(): Promise<{ files: number; bytes: number }> {
    await this.#flush();
    await mkdir(this.#root, { recursive: true });
    return { files: this.files, bytes: this.bytes };
  }
  changed(): string[] {
    return [...this.#changed].map((p) => `${INDEX_DIR}${p}`).sort();
  }
}

/** A file replaced whole: written beside it, then renamed over it (a hard link to the old file keeps the old bytes). */
async function writeAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}

const readGzip = async (path: string): Promise<Uint8Array> => new Uint8Array(gunzipSync(await readFile(path)));

/** One article's keys: for each, how often it occurs, whether in the title, and (bigrams) where. */
type DocKeys = Map<number, { count: number; inTitle: boolean; positions: number[] | null }>;

/** A list of postings: a block's or the open segment's; only the bytes of lists read back or written in this run are held. */
interface List {
  first: number;
  last: number;
  w: ByteWriter | null;
  dirty: boolean;
}

/** A key's postings: blocks covering consecutive article ranges of the closed segments, and the open segment's list. */
interface KeyPostings {
  docs: number;
  /** Bytes of all its lists. */
  bytes: number;
  blocks: List[];
  /** True once the last block's bytes are held (a key new in this run, or read back). */
  loaded: boolean;
  tail: List | null;
}

/**
 * Appends articles' postings key by key, starting from the last index's dictionary (empty for a new
 * index): an article of a closed segment to the key's last block (read back the first time, from its
 * inline bytes or its post file) or a new one, an article of the open segment to the key's tail. When
 * an added day closes the open segment, its tails are moved into blocks first, posting by posting, so
 * every list ends up as in one pass.
 */
class PostingsBuilder {
  readonly #layout: IndexLayout;
  readonly #seed: ReadonlyMap<number, DictEntry>;
  readonly #read: (key: number, first: number) => Promise<Uint8Array>;
  readonly #keys = new Map<number, KeyPostings>();
  constructor(layout: IndexLayout, seed: ReadonlyMap<number, DictEntry>, read: (key: number, first: number) => Promise<Uint8Array>) {
    this.#layout = layout;
    this.#seed = seed;
    this.#read = read;
  }

  /** A key's postings, from the last index's entry when it has one (no file read). */
  #key(key: number): KeyPostings {
    let k = this.#keys.get(key);
    if (k) return k;
    const entry = this.#seed.get(key);
    if (!entry) {
      k = { docs: 0, bytes: 0, blocks: [], loaded: true, tail: null };
    } else {
      const positional = isBigram(key);
      const range = (bytes: Uint8Array): { first: number; last: number } => {
        const list = readPostings(bytes, 0, positional);
        return { first: list[0]!.doc, last: list.at(-1)!.doc };
      };
      const blocks: List[] = entry.blocks.map((b) => ({ ...b, w: null, dirty: false }));
      if (entry.inline) blocks.push({ ...range(entry.inline), w: ByteWriter.of(entry.inline), dirty: false });
      const tail = entry.tail ? { ...range(entry.tail), w: ByteWriter.of(entry.tail), dirty: false } : null;
      k = { docs: entry.docs, bytes: entry.bytes, blocks, loaded: !entry.blocks.length, tail };
    }
    this.#keys.set(key, k);
    return k;
  }

  /** Reads back the last blocks of these keys (before articles of a closed segment are added to them). */
  async load(keys: Iterable<number>): Promise<void> {
    const wanted = [...new Set(keys)].map((key) => [key, this.#key(key)] as const).filter(([, k]) => !k.loaded);
    for (let i = 0; i < wanted.length; i += PARALLEL) {
      await Promise.all(
        wanted.slice(i, i + PARALLEL).map(async ([key, k]) => {
          const last = k.blocks.at(-1)!;
          last.w = ByteWriter.of(await this.#read(key, last.first));
          k.loaded = true;
        }),
      );
    }
  }

  /** Moves every key's open-segment postings into its blocks (the segment is full now). */
  async closeTails(): Promise<void> {
    const keys = [...this.#seed.values()].filter((e) => e.tail).map((e) => e.key);
    await this.load(keys);
    for (const key of keys) {
      const k = this.#key(key);
      const tail = k.tail!;
      k.tail = null;
      k.bytes -= tail.w!.length;
      const moved = readPostings(tail.w!.result(), 0, isBigram(key));
      k.docs -= moved.length;
      for (const p of moved) this.#append(k, p.doc, p, true);
    }
  }

  /** Adds an article's keys: to blocks (`closed`: its segment is full), else to the tails. Keys of closed articles must be loaded. */
  add(doc: number, keys: DocKeys, closed: boolean): void {
    for (const [key, p] of keys) this.#append(this.#key(key), doc, p, closed);
  }

  #append(k: KeyPostings, doc: number, p: { count: number; inTitle: boolean; positions: number[] | null }, closed: boolean): void {
    let list: List;
    if (closed) {
      const last = k.blocks.at(-1);
      list = last && last.w!.length < this.#layout.blockBytes ? last : { first: doc, last: doc, w: new ByteWriter(), dirty: true };
      if (list !== last) k.blocks.push(list);
    } else {
      list = k.tail ??= { first: doc, last: doc, w: new ByteWriter(), dirty: true };
    }
    const w = list.w!;
    const before = w.length;
    // A list starts with its first article's number itself, then differences.
    w.varint(before ? doc - list.last : doc);
    w.varint(p.count * 2 + (p.inTitle ? 1 : 0));
    if (p.positions) {
      let at = 0;
      for (const q of p.positions) {
        w.varint(q - at);
        at = q;
      }
    }
    k.bytes += w.length - before;
    list.last = doc;
    list.dirty = true;
    k.docs++;
  }

  #inline(k: KeyPostings): boolean {
    return k.blocks.length === 1 && k.bytes - (k.tail?.w!.length ?? 0) <= this.#layout.inlineBytes;
  }

  /** The post files written or extended, as [path, bytes]. */
  *blocks(): Generator<[string, Uint8Array]> {
    for (const [key, k] of this.#keys) {
      if (this.#inline(k)) continue;
      for (const b of k.blocks) if (b.dirty) yield [postPath(key, b.first), b.w!.result()];
    }
  }

  /** Every key's dictionary entry, sorted by key. */
  entries(): DictEntry[] {
    const out = new Map(this.#seed);
    for (const [key, k] of this.#keys) {
      const inline = this.#inline(k);
      out.set(key, {
        key,
        docs: k.docs,
        bytes: k.bytes,
        inline: inline ? k.blocks[0]!.w!.result() : null,
        blocks: inline ? [] : k.blocks.map(({ first, last }) => ({ first, last })),
        tail: k.tail ? k.tail.w!.result() : null,
      });
    }
    return [...out.values()].sort((a, b) => a.key - b.key);
  }
}

/** What the index keeps of an article while it is added: its card, keys and filter values. */
interface Doc {
  date: string;
  page: number;
  kind: string;
  card: IndexCard;
  keys: DocKeys;
}

/** An article and its card and keys. */
async function readDoc(archive: string, issues: IssueCache, planned: Planned): Promise<Doc> {
  const file = articleFile(archive, planned.id);
  const article = await readArticle(file);
  if (article.id !== planned.id || article.page !== planned.page) throw new Error(`${file}:1:1  its id ${article.id} (page ${article.page}) is not its file's`);
  const issue = await issues.get(`${article.paper}/${article.date}`);
  const page = issue && findPage(issue, article.page);
  const { meta } = searchRecord(article, issue?.paperName ?? article.paper, page?.name ?? null);
  const text = searchText(article);
  // The title's span in the folded text, in code points (searchText puts the kicker, then the title, first).
  const titleStart = Array.from(fold(article.kicker ?? '')).length;
  const titleEnd = titleStart + Array.from(fold(article.title ?? '')).length;
  return {
    date: article.date,
    page: article.page,
    kind: article.kind,
    card: { id: article.id, title: meta.title, paper: meta.paper, date: meta.date, page: meta.page, text },
    keys: keysOf(text, titleStart, titleEnd),
  };
}

/** The character and bigram keys of a text, with counts, title flags and bigram positions. */
function keysOf(text: string, titleStart: number, titleEnd: number): DocKeys {
  const codes = Array.from(fold(text), (ch) => ch.codePointAt(0)!);
  const keys: DocKeys = new Map();
  for (let i = 0; i < codes.length; i++) {
    const inTitle = i >= titleStart && i < titleEnd;
    const c = keys.get(unigramKey(codes[i]!));
    if (c) {
      c.count++;
      c.inTitle ||= inTitle;
    } else keys.set(unigramKey(codes[i]!), { count: 1, inTitle, positions: null });
    if (i + 1 < codes.length) {
      const key = bigramKey(codes[i]!, codes[i + 1]!);
      const b = keys.get(key);
      const both = inTitle && i + 1 < titleEnd;
      if (b) {
        b.count++;
        b.positions!.push(i);
        b.inTitle ||= both;
      } else keys.set(key, { count: 1, inTitle: both, positions: [i] });
    }
  }
  return keys;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');
const archiveDir = (options: { content?: string | undefined }): string => join(options.content ?? (process.env.CONTENT_DIR || 'content'), 'archive');

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

/** Article ids (`<paper>/<date>/<NN>/<k>`) from the article files, sorted. */
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
