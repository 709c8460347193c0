// The search index's files (issue 15), shared by the indexer (scripts/index-search.ts) and the
// browser (engine.ts). The index is our own, not Pagefind's: Pagefind's code (102 KB), its per-article
// metadata (~11 B an article of every bundle searched) and its 40–60 KB index chunk per bigram of the
// query put a first query at 185–277 KB on 1,000 articles already (bench/README.md), over the 250 KB
// a first query may cost at 100,000.
//
// Articles are numbered oldest first (date ascending; within a day, paper, page and article id
// descending), so a date range is a range of numbers, "newest first" is number order backwards (each
// issue from its front page down), and a new day's articles take the next numbers: an index grows by
// appending (scripts/index-search.ts). Every file is gzip-compressed
// (DecompressionStream in the browser), under `<site>/pagefind/` (the folder the build, its merge and
// the tests already know; nothing in it is Pagefind's any more):
//
//   index.json        manifest: articles, papers, the archive's first and last day, the settings
//                     below, and a tag (hash of the index) that every other file is fetched with
//   issues.bin        the issues in article order: [day, paper, articles, front-page articles] each,
//                     as varints (the days as differences); an issue's front-page articles are its
//                     last; read only when a filter is set
//   kinds/<s>.bin     each article's kind (体裁) as one byte, per segment; read only for a kind filter
//   dict/<h>.bin      the dictionary, hash-sharded (hash of the key mod `dictShards`, the count chosen
//                     so a shard is about DICT_BYTES): for each key its documents, bytes and where its
//                     postings are (inline when tiny), and its postings in the open segment (the last,
//                     not yet full: a day added changes those, and only the dictionary then)
//   post/<b>/<key>-<first>.bin
//                     one block of a key's postings in the closed segments (at most about BLOCK_BYTES;
//                     a key's blocks cover consecutive article ranges), named by its key and first article (base 36) so a
//                     block keeps its name as the index grows; b = key mod POST_FOLDERS
//   card/<b>/<id>.bin one article's result card: id, title, paper, date, page and text (for the
//                     excerpt), fetched only for the results shown
//
// Keys are single characters (for one-character terms: documents and counts) and character bigrams
// (二元组) of the folded text (fold.ts) with their positions, so a term of n ≥ 2 characters is found by
// reading the postings of a few of its bigrams that cover every character and checking that they
// stand at the right distances: exactly the articles whose folded text holds the term.
//
// A posting list is, for each article holding the key, in article order:
//   varint(article − previous article in the block; the first article's number itself)
//   varint(count × 2 + 1 if an occurrence lies in the title)
//   for a bigram: count varints, the positions (code points into the folded text) as differences.

/** Articles per segment: a search reads segment after segment and stops once it has enough results. */
export const SEGMENT_DOCS = 1024;
/** A block of postings ends at the first article past this many bytes. */
export const BLOCK_BYTES = 8192;
/** Target bytes of a dictionary shard. */
export const DICT_BYTES = 3072;
/** A posting list of at most this many bytes is kept in its dictionary entry. */
export const INLINE_BYTES = 64;
/** Folders post files are spread over. */
export const POST_FOLDERS = 1024;
/** Cards per folder. */
export const CARD_FOLDER = 1000;
/** The index folder under the site root. */
export const INDEX_DIR = 'pagefind/';

export interface IndexManifest {
  version: 1;
  /** Changes whenever any file of the index changes; every file is fetched with `?v=<tag>`. */
  tag: string;
  docs: number;
  /** Paper ids, in the order `issues.bin` numbers them. */
  papers: string[];
  /** The first and last day with articles (`YYYY-MM-DD`). */
  first: string;
  last: string;
  /** Kind names, in the order `kinds/<s>.bin` numbers them. */
  kinds: string[];
  segmentDocs: number;
  dictShards: number;
}

/** A card: what a result shows. */
export interface IndexCard {
  id: string;
  title: string;
  paper: string;
  date: string;
  page: string;
  text: string;
}

/** A key: one code point (0 ≤ key < 0x110000), or a bigram (first + 1) × 0x110000 + second. */
export const CODE_SPACE = 0x110000;
export const unigramKey = (a: number): number => a;
export const bigramKey = (a: number, b: number): number => (a + 1) * CODE_SPACE + b;
export const isBigram = (key: number): boolean => key >= CODE_SPACE;

/** FNV-1a over the key's code points: which dictionary shard holds a key. */
export function keyShard(key: number, shards: number): number {
  let h = 0x811c9dc5;
  const parts = isBigram(key) ? [Math.floor(key / CODE_SPACE) - 1, key % CODE_SPACE] : [key];
  for (const part of parts) {
    for (let k = 0; k < 3; k++) {
      h ^= (part >>> (8 * k)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h % shards;
}

export const dictPath = (shard: number): string => `dict/${shard}.bin`;
export const postPath = (key: number, first: number): string => `post/${key % POST_FOLDERS}/${key.toString(36)}-${first.toString(36)}.bin`;
export const kindsPath = (segment: number): string => `kinds/${segment}.bin`;
export const cardPath = (doc: number): string => `card/${Math.floor(doc / CARD_FOLDER)}/${doc}.bin`;
export const ISSUES_PATH = 'issues.bin';
export const MANIFEST_PATH = 'index.json';

/**
 * Where a key's postings are. The closed segments' (every segment but the last, unfinished one):
 * inline bytes when they are one small block, else blocks in post/ files. The open segment's: in the
 * entry itself (`tail`), as every day added changes them: the dictionary shards are written again for
 * each day anyway, while a post file per key would be thousands of files a day.
 */
export interface DictEntry {
  key: number;
  /** Articles holding the key. */
  docs: number;
  /** Bytes of its postings in all. */
  bytes: number;
  inline: Uint8Array | null;
  /** Its blocks' article ranges (a block's file: postPath(key, first)). */
  blocks: Array<{ first: number; last: number }>;
  /** The open segment's postings (a list as a block's, from the segment's first article), or null. */
  tail: Uint8Array | null;
}

/** The first article of the open segment of an index of `docs` articles: segments before it are closed (full). */
export const openSegmentStart = (docs: number, segmentDocs: number): number => Math.floor(docs / segmentDocs) * segmentDocs;

/** Appends varints to a growing byte buffer. */
export class ByteWriter {
  #buf = new Uint8Array(64);
  length = 0;
  varint(n: number): void {
    if (this.length + 8 > this.#buf.length) {
      const next = new Uint8Array(this.#buf.length * 2);
      next.set(this.#buf.subarray(0, this.length));
      this.#buf = next;
    }
    while (n >= 0x80) {
      this.#buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.#buf[this.length++] = n;
  }
  raw(b: Uint8Array): void {
    while (this.length + b.length > this.#buf.length) {
      const next = new Uint8Array(this.#buf.length * 2);
      next.set(this.#buf.subarray(0, this.length));
      this.#buf = next;
    }
    this.#buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.#buf.slice(0, this.length);
  }
  /** A writer that goes on after these bytes. */
  static of(bytes: Uint8Array): ByteWriter {
    const w = new ByteWriter();
    w.raw(bytes);
    return w;
  }
}

/** Reads varints from bytes. */
export class ByteReader {
  readonly #buf: Uint8Array;
  at = 0;
  constructor(buf: Uint8Array) {
    this.#buf = buf;
  }
  get done(): boolean {
    return this.at >= this.#buf.length;
  }
  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.#buf[this.at++];
      if (b === undefined) throw new Error('search index: truncated');
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }
  take(length: number): Uint8Array {
    const out = this.#buf.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }
}

/**
 * A dictionary shard's bytes. Entries sorted by key: key, docs, bytes, blocks; with no blocks, the
 * inline list's length and bytes; each block: first, last − first; then the tail's length and bytes.
 */
export function writeDictShard(entries: readonly DictEntry[]): Uint8Array {
  const w = new ByteWriter();
  for (const e of entries) {
    w.varint(e.key);
    w.varint(e.docs);
    w.varint(e.bytes);
    w.varint(e.blocks.length);
    if (!e.blocks.length) {
      w.varint(e.inline?.length ?? 0);
      if (e.inline) w.raw(e.inline);
    }
    for (const b of e.blocks) {
      w.varint(b.first);
      w.varint(b.last - b.first);
    }
    w.varint(e.tail?.length ?? 0);
    if (e.tail) w.raw(e.tail);
  }
  return w.result();
}

export function readDictShard(bytes: Uint8Array): Map<number, DictEntry> {
  const r = new ByteReader(bytes);
  const entries = new Map<number, DictEntry>();
  while (!r.done) {
    const key = r.varint();
    const docs = r.varint();
    const size = r.varint();
    const count = r.varint();
    const entry: DictEntry = { key, docs, bytes: size, inline: null, blocks: [], tail: null };
    if (!count) {
      const length = r.varint();
      if (length) entry.inline = r.take(length);
    }
    for (let i = 0; i < count; i++) {
      const first = r.varint();
      entry.blocks.push({ first, last: first + r.varint() });
    }
    const tail = r.varint();
    if (tail) entry.tail = r.take(tail);
    entries.set(key, entry);
  }
  return entries;
}

/** One article's postings for a key. */
export interface Posting {
  doc: number;
  count: number;
  inTitle: boolean;
  /** Positions (bigrams only), ascending. */
  positions: number[] | null;
}

/** Decodes a block (or inline list); `first` is added to the first article's number (0 for the index's files). */
export function readPostings(bytes: Uint8Array, first: number, positional: boolean): Posting[] {
  const r = new ByteReader(bytes);
  const out: Posting[] = [];
  let doc = first;
  while (!r.done) {
    doc += r.varint();
    const c = r.varint();
    const count = c >>> 1;
    let positions: number[] | null = null;
    if (positional) {
      positions = [];
      let p = 0;
      for (let i = 0; i < count; i++) positions.push((p += r.varint()));
    }
    out.push({ doc, count, inTitle: (c & 1) === 1, positions });
  }
  return out;
}

/** The issues table: for each issue in article order, its day, paper index, articles and front-page articles (its last). */
export interface IssueRow {
  date: string;
  paper: number;
  docs: number;
  front: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days as the difference from the previous issue's (oldest first, so never negative). */
export function writeIssues(rows: readonly IssueRow[]): Uint8Array {
  const w = new ByteWriter();
  let previous = rows.length ? dayNumber(rows[0]!.date) : 0;
  w.varint(previous);
  for (const row of rows) {
    const day = dayNumber(row.date);
    w.varint(day - previous);
    previous = day;
    w.varint(row.paper);
    w.varint(row.docs);
    w.varint(row.front);
  }
  return w.result();
}

export function readIssues(bytes: Uint8Array): IssueRow[] {
  const r = new ByteReader(bytes);
  const rows: IssueRow[] = [];
  if (r.done) return rows;
  let day = r.varint();
  while (!r.done) {
    day += r.varint();
    rows.push({ date: dayString(day), paper: r.varint(), docs: r.varint(), front: r.varint() });
  }
  return rows;
}
