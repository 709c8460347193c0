// Exact-substring search on top of Pagefind, in the browser. Each search term is one Pagefind exact
// (quoted) search of its bigram words (grams.ts), which lists every article holding the term, and
// only those; the terms' lists are intersected here. So results are what find-in-page would find
// across the archive if it ignored whitespace and punctuation styles (fold.ts), and the count is
// exact without downloading any article: a result's fragment (title, paper, date, page and text for
// the excerpt) is loaded only when the result is shown. Relevance order comes from a plain Pagefind
// search of the same words (the same index chunks, so no extra download), which scores articles that
// repeat the words, and those whose title holds them, higher. Without a query, a filter alone lists
// its articles (Pagefind's null search), newest first.
//
// The index is one Pagefind bundle, or one per year or month (`pagefind/bundles.json`, see bundles.ts).
// Several bundles are searched each with its own copy of Pagefind's module, and their results
// combined here, rather than with `mergeIndex` or `createInstance`: a merged search orders results by
// score even when asked to sort by date, and Pagefind 1.6's instances share one WebAssembly memory and
// fail ("unreachable", "memory access out of bounds") when several are searched. Doing it ourselves
// also means a search opens older bundles only while it has fewer than EXACT_UP_TO results (or the
// reader asks for more), and a from–to range skips the bundles outside it. All files come from the site's own base path.
import { bundleMonths, type SearchBundles } from './bundles.ts';
import { gramQuery, queryGrams } from './grams.ts';
import { holdsAll } from './match.ts';
import { dayRange, toFilters, toSort, type SearchState } from './query.ts';

/** The parts of Pagefind's browser API (pagefind.js) we use. */
interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options: { filters?: unknown; sort?: unknown }): Promise<{ results: Candidate[] }>;
}

interface Candidate {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

/** A record's fragment: its text is the `text` meta field (index-search.ts); content is index words. */
interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
}

interface Bundle {
  /** The months a per-year or per-month bundle holds; null for the single bundle. */
  months: { first: string; last: string } | null;
  instance(): Promise<PagefindInstance>;
}

export interface Hit {
  url: string;
  title: string;
  paper: string;
  date: string;
  page: string;
  /** The article's readable text (for excerpts). */
  text: string;
}

/** A search in progress: the matching articles found so far, their fragments loaded as results are shown. */
export interface SearchRun {
  terms: string[];
  /** Articles found so far (exact); more may come from bundles not yet searched. */
  readonly total: number;
  /** Results loaded (fragment fetched), in order. */
  hits: Hit[];
  /** Loads `count` more results (searching further bundles if needed). */
  more(count: number): Promise<void>;
  /** True when every bundle in range has been searched, so `total` is the final count. */
  complete(): boolean;
  /** True when every result is loaded. */
  done(): boolean;
}

/** Fragments loaded at once. */
const PARALLEL = 8;
/** A date-sorted search opens further bundles until it has this many results, so counts are exact up to here. */
export const EXACT_UP_TO = 200;

export class SearchEngine {
  readonly #base: string;
  #index: Promise<{ bundles: Bundle[]; span: { first: string; last: string } }> | null = null;

  /** `base` is the site's base URL (import.meta.env.BASE_URL), ending in `/`. */
  constructor(base: string) {
    this.#base = base;
  }

  #load(): Promise<{ bundles: Bundle[]; span: { first: string; last: string } }> {
    this.#index ??= (async () => {
      const response = await fetch(`${this.#base}pagefind/bundles.json`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`搜索索引缺失（${response.status}）`);
      const { bundles, tag, first, last } = (await response.json()) as SearchBundles;
      if (!bundles.length) throw new Error('搜索索引为空');
      return {
        span: { first, last },
        bundles: bundles.map((path): Bundle => {
          let started: Promise<PagefindInstance> | null = null;
          // Each bundle gets its own copy of Pagefind's script module (and so its own WebAssembly
          // memory), loaded when first searched.
          const instance = (): Promise<PagefindInstance> =>
            (started ??= (async () => {
              const basePath = `${this.#base}${path}`;
              const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js?ts=${tag}`)) as PagefindInstance;
              await pagefind.options({
                basePath,
                baseUrl: this.#base,
                metaCacheTag: tag,
                excerptLength: 0,
                // In the page's own thread: Pagefind's worker is another 43 KB to download, and a
                // search here is a few exact lookups.
                noWorker: true,
                // Rank by how often an article repeats the words, not by how short it is.
                ranking: { pageLength: 0, termSaturation: 2 },
              });
              await pagefind.init();
              return pagefind;
            })());
          return { months: bundleMonths(path), instance };
        }),
      };
    })();
    return this.#index;
  }

  /** Starts a search (terms from parseTerms; none to browse by filters) and loads the first `firstPage` results. */
  async search(state: SearchState, terms: string[], firstPage: number): Promise<SearchRun> {
    const { bundles: all, span } = await this.#load();
    const bundles = inRange(all, state);
    if (state.sort === 'oldest') bundles.reverse();
    const options = { filters: toFilters(state, span), sort: toSort(state.sort, terms.length > 0) };

    const searchBundle = async (bundle: Bundle): Promise<Candidate[]> => {
      const pagefind = await bundle.instance();
      if (!terms.length) return (await pagefind.search(null, options)).results;
      // One exact search per term (in turn: they share the instance), intersected in the first's order.
      let found: Candidate[] | null = null;
      for (const term of terms) {
        const { results } = await pagefind.search(gramQuery(term), options);
        const ids = new Set(results.map((r) => r.id));
        found = found ? found.filter((r) => ids.has(r.id)) : results;
        if (!found.length) return [];
      }
      if (state.sort !== 'relevance' || !found) return found ?? [];
      // Relevance: the plain search of every word scores the articles (it finds a superset).
      const exact = new Set(found.map((r) => r.id));
      const ranked = (await pagefind.search(terms.flatMap(queryGrams).join(' '), options)).results.filter((r) => exact.has(r.id));
      return ranked.length === exact.size ? ranked : found;
    };

    const found: Candidate[] = [];
    // Bundle after bundle (newest first, or oldest first), until `atLeast` results: every bundle costs
    // its own metadata and index chunks, so a search touches only as many as its first EXACT_UP_TO
    // results need. By relevance, the results found so far are ranked by score among those not yet
    // shown (one bundle, the usual case below SEARCH_SHARD_PAGES articles, is ranked as a whole).
    const waiting: Bundle[] = [...bundles];
    const searchMore = async (atLeast: number): Promise<void> => {
      const from = loaded;
      while (waiting.length && found.length < atLeast) found.push(...(await searchBundle(waiting.shift()!)));
      if (state.sort === 'relevance' && terms.length) found.splice(from, Infinity, ...found.slice(from).sort((a, b) => b.score - a.score));
    };

    let loaded = 0;
    const run: SearchRun = {
      terms,
      get total() {
        return found.length;
      },
      hits: [],
      complete: () => !waiting.length,
      done: () => !waiting.length && loaded >= found.length,
      async more(count) {
        const wanted = run.hits.length + count;
        while (run.hits.length < wanted && !run.done()) {
          if (loaded >= found.length) await searchMore(found.length + 1);
          const batch = found.slice(loaded, loaded + Math.min(PARALLEL, wanted - run.hits.length));
          loaded += batch.length;
          for (const fragment of await Promise.all(batch.map((r) => r.data()))) {
            const text = fragment.meta.text ?? '';
            // The index is exact; this check only guards the page against an index out of step with it.
            if (terms.length && !holdsAll(text, terms)) continue;
            run.hits.push({
              url: fragment.url,
              title: fragment.meta.title ?? '',
              paper: fragment.meta.paper ?? '',
              date: fragment.meta.date ?? '',
              page: fragment.meta.page ?? '',
              text,
            });
          }
        }
      },
    };
    await searchMore(EXACT_UP_TO);
    await run.more(firstPage);
    return run;
  }
}

/** The bundles a from–to range can have results in (per-year or per-month bundles outside it are skipped). */
function inRange(bundles: readonly Bundle[], state: SearchState): Bundle[] {
  const { first, last } = dayRange(state);
  return bundles.filter((b) => !b.months || ((!first || b.months.last >= first.slice(0, 7)) && (!last || b.months.first <= last.slice(0, 7))));
}
