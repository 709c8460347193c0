// Exact-substring search in the browser, over our own index (index-format.ts, written by
// scripts/index-search.ts). A term of one character reads that character's postings; a longer term
// reads the postings of the cheapest set of its bigrams that covers every character (fewest bytes,
// from the dictionary) and keeps the articles where they stand at the term's distances, counting the
// places: so a result holds every term as a contiguous string of its folded text (fold.ts), and
// nothing that holds the characters apart. Articles are numbered oldest first and read segment by
// segment (SEGMENT_DOCS) from the last: a search reads the newest postings first and stops once it has EXACT_UP_TO
// results, counted exactly; "显示更多" reads on. Within a segment the rarest key is read first, and a
// segment none of whose articles can match reads nothing more. Cards (title, paper, date, page, text)
// are fetched only for the results shown. Relevance ranks the results found so far by how often each
// term occurs (saturating, weighted by rarity) plus a title bonus, as Pagefind's ranking did before;
// dates sort by article number (newest first: highest first). Without a query, a filter alone lists
// its articles, newest first.
import {
  bigramKey, cardPath, dictPath, INDEX_DIR, ISSUES_PATH, isBigram, keyShard, kindsPath, MANIFEST_PATH, postPath, readDictShard, readIssues,
  readPostings, unigramKey, type DictEntry, type IndexCard, type IndexManifest, type Posting,
} from './index-format.ts';
import { holdsAll } from './match.ts';
import { dayRange, type SearchState } from './query.ts';

export interface Hit {
  url: string;
  title: string;
  paper: string;
  date: string;
  page: string;
  /** The article's readable text (for excerpts). */
  text: string;
}

/** A search in progress: the matching articles found so far, their cards loaded as results are shown. */
export interface SearchRun {
  terms: string[];
  /** Articles found so far (exact); more may come from segments not yet searched. */
  readonly total: number;
  /** Results loaded (card fetched), in order. */
  hits: Hit[];
  /** Loads `count` more results (searching further segments if needed). */
  more(count: number): Promise<void>;
  /** True when every segment has been searched, so `total` is the final count. */
  complete(): boolean;
  /** True when every result is loaded. */
  done(): boolean;
}

/** Cards loaded at once. */
const PARALLEL = 8;
/** A search reads further segments until it has this many results, so counts are exact up to here. */
export const EXACT_UP_TO = 200;
/** Ranking: a title holding the term counts as this many more occurrences (as the title's two extra copies did in the Pagefind index). */
const TITLE_WEIGHT = 2;
/** Ranking: occurrences saturate (BM25's k1, Pagefind's termSaturation as configured before). */
const SATURATION = 2;

interface Found {
  doc: number;
  score: number;
}

/** One key a term needs, at its offset in the term. */
interface TermKey {
  entry: DictEntry;
  offset: number;
}

interface TermPlan {
  keys: TermKey[];
  /** Articles holding the rarest key: bounds the term's. */
  docs: number;
}

export class SearchEngine {
  readonly #base: string;
  #manifest: Promise<IndexManifest> | null = null;
  readonly #files = new Map<string, Promise<Uint8Array>>();
  readonly #blocks = new Map<string, Promise<Posting[]>>();

  /** `base` is the site's base URL (import.meta.env.BASE_URL), ending in `/`. */
  constructor(base: string) {
    this.#base = base;
  }

  #load(): Promise<IndexManifest> {
    this.#manifest ??= (async () => {
      const response = await fetch(`${this.#base}${INDEX_DIR}${MANIFEST_PATH}`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`搜索索引缺失（${response.status}）`);
      return (await response.json()) as IndexManifest;
    })();
    this.#manifest.catch(() => (this.#manifest = null));
    return this.#manifest;
  }

  /** An index file, decompressed (each fetched once). */
  #file(path: string): Promise<Uint8Array> {
    let file = this.#files.get(path);
    if (!file) {
      file = (async () => {
        const { tag } = await this.#load();
        const response = await fetch(`${this.#base}${INDEX_DIR}${path}?v=${tag}`);
        if (!response.ok || !response.body) throw new Error(`搜索索引缺失（${response.status}）`);
        return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      })();
      this.#files.set(path, file);
      file.catch(() => this.#files.delete(path));
    }
    return file;
  }

  async #entry(key: number): Promise<DictEntry | null> {
    const { dictShards } = await this.#load();
    return readDictShard(await this.#file(dictPath(keyShard(key, dictShards)))).get(key) ?? null;
  }

  /** A key's postings for the articles from `lo` to `hi` (exclusive): inline, from its blocks in that range, and its open segment's. */
  async #postings(entry: DictEntry, lo: number, hi: number): Promise<Posting[]> {
    const positional = isBigram(entry.key);
    const blocks = await Promise.all(
      entry.blocks
        .filter((b) => b.first < hi && b.last >= lo)
        .map((b) => {
          const path = postPath(entry.key, b.first);
          let block = this.#blocks.get(path);
          if (!block) this.#blocks.set(path, (block = this.#file(path).then((bytes) => readPostings(bytes, 0, positional))));
          return block;
        }),
    );
    const lists = [entry.inline ? readPostings(entry.inline, 0, positional) : [], ...blocks, entry.tail ? readPostings(entry.tail, 0, positional) : []];
    return lists.flat().filter((p) => p.doc >= lo && p.doc < hi);
  }

  /** The cheapest keys that find a term exactly; null when some bigram of it is nowhere. */
  async #plan(term: string): Promise<TermPlan | null> {
    const codes = Array.from(term, (ch) => ch.codePointAt(0)!);
    if (codes.length === 1) {
      const entry = await this.#entry(unigramKey(codes[0]!));
      return entry && { keys: [{ entry, offset: 0 }], docs: entry.docs };
    }
    const entries = await Promise.all(codes.slice(1).map((b, i) => this.#entry(bigramKey(codes[i]!, b))));
    if (entries.some((e) => !e)) return null;
    // Bigrams at offsets 0 … n−2; a set covers every character when it holds the first and the last
    // and no two neighbours are more than 2 apart. Fewest bytes, by dynamic programming.
    const cost = entries.map((e) => e!.bytes);
    const best: number[] = [];
    const from: number[] = [];
    for (let i = 0; i < cost.length; i++) {
      if (i === 0) {
        best.push(cost[0]!);
        from.push(-1);
        continue;
      }
      const prev = i >= 2 && best[i - 2]! < best[i - 1]! ? i - 2 : i - 1;
      best.push(cost[i]! + best[prev]!);
      from.push(prev);
    }
    const keys: TermKey[] = [];
    for (let i = cost.length - 1; i >= 0; i = from[i]!) keys.push({ entry: entries[i]!, offset: i });
    return { keys: keys.reverse(), docs: Math.min(...keys.map((k) => k.entry.docs)) };
  }

  /** The article ranges the paper, date and page filters allow (null: all), from the issues table. */
  async #ranges(state: SearchState, manifest: IndexManifest): Promise<Array<[number, number]> | null> {
    if (!state.paper && !state.from && !state.to && !state.page) return null;
    const { first, last } = dayRange(state);
    const ranges: Array<[number, number]> = [];
    let at = 0;
    for (const row of readIssues(await this.#file(ISSUES_PATH))) {
      const start = at;
      at += row.docs;
      if (state.paper && manifest.papers[row.paper] !== state.paper) continue;
      if ((first && row.date < first) || (last && row.date > last)) continue;
      // An issue's front-page articles are its last (index-format.ts).
      const [a, b] = state.page === 'front' ? [at - row.front, at] : state.page === 'inner' ? [start, at - row.front] : [start, at];
      if (a < b) ranges.push([a, b]);
    }
    return ranges;
  }

  /** Starts a search (terms from parseTerms; none to browse by filters) and loads the first `firstPage` results. */
  async search(state: SearchState, terms: string[], firstPage: number): Promise<SearchRun> {
    const manifest = await this.#load();
    const ranges = await this.#ranges(state, manifest);
    const kind = state.kind ? manifest.kinds.indexOf(state.kind) : null;
    const plans = await Promise.all(terms.map((t) => this.#plan(t)));
    const impossible = plans.some((p) => !p) || kind === -1;
    const oldest = state.sort === 'oldest';
    const ranked = state.sort === 'relevance' && terms.length > 0;
    const segments = Math.ceil(manifest.docs / manifest.segmentDocs);
    const waiting = impossible ? [] : Array.from({ length: segments }, (_, s) => (oldest ? s : segments - 1 - s));
    const idf = (docs: number): number => Math.log(1 + (manifest.docs - docs + 0.5) / (docs + 0.5));

    /** The matches in one segment, in the order asked for (newest first: article numbers backwards). */
    const searchSegment = async (s: number): Promise<Found[]> => {
      const lo = s * manifest.segmentDocs;
      const hi = Math.min(manifest.docs, lo + manifest.segmentDocs);
      // Allowed articles of the segment (paper, dates, page), as ranges.
      const allowed = (ranges ?? [[lo, hi]]).map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const).filter(([a, b]) => a < b);
      if (!allowed.length) return [];
      const inRange = (doc: number): boolean => allowed.some(([a, b]) => doc >= a && doc < b);
      let found: Found[];
      if (!terms.length) {
        found = allowed.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => ({ doc: a + i, score: 0 })));
      } else {
        // Every key of every term, rarest first; the candidates narrow with each.
        const keys = plans.flatMap((p, t) => p!.keys.map((k) => ({ ...k, term: t }))).sort((a, b) => a.entry.docs - b.entry.docs || a.entry.key - b.entry.key);
        let candidates: Set<number> | null = null;
        const lists = new Map<string, Map<number, Posting>>();
        for (const k of keys) {
          const id = `${k.term}:${k.offset}`;
          if (lists.has(id)) continue;
          const postings = (await this.#postings(k.entry, lo, hi)).filter((p) => (!candidates || candidates.has(p.doc)) && inRange(p.doc));
          candidates = new Set(postings.map((p) => p.doc));
          lists.set(id, new Map(postings.map((p) => [p.doc, p])));
          if (!candidates.size) return [];
        }
        found = [];
        for (const doc of [...candidates!].sort((a, b) => a - b)) {
          let score = 0;
          for (const [t, plan] of plans.entries()) {
            const own = plan!.keys.map((k) => ({ offset: k.offset, posting: lists.get(`${t}:${k.offset}`)!.get(doc)! }));
            const matches = countMatches(own);
            if (!matches) {
              score = -1;
              break;
            }
            const f = matches + (own.every((o) => o.posting.inTitle) ? TITLE_WEIGHT : 0);
            score += (idf(plan!.docs) * f * (SATURATION + 1)) / (f + SATURATION);
          }
          if (score >= 0) found.push({ doc, score });
        }
      }
      if (kind !== null && found.length) {
        const kinds = await this.#file(kindsPath(s));
        found = found.filter((f) => kinds[f.doc - lo] === kind);
      }
      return oldest ? found : found.reverse();
    };

    const found: Found[] = [];
    let loaded = 0;
    // Segment after segment until `atLeast` results; browsing by paper, date or page alone reads
    // nothing per segment, so it counts every article at once.
    const free = !terms.length && kind === null;
    const searchMore = async (atLeast: number): Promise<void> => {
      const from = loaded;
      while (waiting.length && (free || found.length < atLeast)) found.push(...(await searchSegment(waiting.shift()!)));
      if (ranked) found.splice(from, Infinity, ...found.slice(from).sort((a, b) => b.score - a.score || b.doc - a.doc));
    };

    const run: SearchRun = {
      terms,
      get total() {
        return found.length;
      },
      hits: [],
      complete: () => !waiting.length,
      done: () => !waiting.length && loaded >= found.length,
      more: async (count) => {
        const wanted = run.hits.length + count;
        while (run.hits.length < wanted && !run.done()) {
          if (loaded >= found.length) await searchMore(found.length + 1);
          const batch = found.slice(loaded, loaded + Math.min(PARALLEL, wanted - run.hits.length));
          loaded += batch.length;
          const cards = await Promise.all(batch.map(async (f) => JSON.parse(new TextDecoder().decode(await this.#file(cardPath(f.doc)))) as IndexCard));
          for (const card of cards) {
            // The index is exact; this check only guards the page against an index out of step with it.
            if (terms.length && !holdsAll(card.text, terms)) continue;
            run.hits.push({ url: `${this.#base}${card.id}/`, title: card.title, paper: card.paper, date: card.date, page: card.page, text: card.text });
          }
        }
      },
    };
    await searchMore(EXACT_UP_TO);
    await run.more(firstPage);
    return run;
  }
}

/**
 * Places where a term stands in an article: positions p such that each key's posting holds p + its
 * offset (for a one-character term, the character's count).
 */
function countMatches(keys: ReadonlyArray<{ offset: number; posting: Posting }>): number {
  if (!keys[0]!.posting.positions) return keys[0]!.posting.count;
  const [head, ...rest] = [...keys].sort((a, b) => a.posting.count - b.posting.count);
  const sets = rest.map((k) => ({ offset: k.offset, at: new Set(k.posting.positions) }));
  let n = 0;
  for (const p of head!.posting.positions!) {
    const start = p - head!.offset;
    if (sets.every((s) => s.at.has(start + s.offset))) n++;
  }
  return n;
}
