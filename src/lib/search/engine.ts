// Exact-substring search on top of Pagefind, in the browser. Pagefind finds the candidates through our
// bigram terms (grams.ts); each candidate's text is then checked for every search term as typed
// (match.ts), so results are what find-in-page would find across the archive: every article holding
// the string, and only those.
//
// The index is one Pagefind bundle, or one per year or month (`pagefind/bundles.json`, see bundles.ts).
// Several bundles are searched each with its own copy of Pagefind's module, and their results
// combined here, rather than with `mergeIndex` or `createInstance`: a merged search orders results by
// score even when asked to sort by date, and Pagefind 1.6's instances share one WebAssembly memory and
// fail ("unreachable", "memory access out of bounds") when several are searched. Doing it ourselves
// also means a date-sorted search opens older bundles only when the reader asks for more, and a
// from–to range skips the bundles outside it. All files come from the site's own base path.
import { bundleMonths, type SearchBundles } from './bundles.ts';
import { gramQuery } from './grams.ts';
import { holdsAll, relevance } from './match.ts';
import { toFilters, toSort, type SearchState } from './query.ts';

/** The parts of Pagefind's browser API (pagefind.js) we use. */
interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options: { filters?: unknown; sort?: unknown }): Promise<{ results: Candidate[] }>;
}

interface Candidate {
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
  /** Months with articles in the bundle (from its filters), loaded when a date range needs them. */
  filterMonths: Promise<string[]> | null;
}

export interface Hit {
  url: string;
  title: string;
  paper: string;
  date: string;
  page: string;
  /** The article's readable text (for excerpts). */
  text: string;
  score: number;
}

/** A search in progress: candidates from the index, checked in order as results are needed. */
export interface SearchRun {
  terms: string[];
  /** Candidates found so far (checked or waiting); more may come from bundles not yet searched. */
  readonly candidates: number;
  /** Candidates checked so far. */
  checked: number;
  hits: Hit[];
  /** Checks further candidates until `count` more hits are found or none remain. */
  more(count: number): Promise<void>;
  done(): boolean;
}

/** Candidates checked at once (each check loads one fragment file). */
const PARALLEL = 8;
/** Below this many candidates, all are checked at once (exact count, our own ranking). */
const CHECK_ALL_BELOW = 40;

export class SearchEngine {
  readonly #base: string;
  #bundles: Promise<Bundle[]> | null = null;

  /** `base` is the site's base URL (import.meta.env.BASE_URL), ending in `/`. */
  constructor(base: string) {
    this.#base = base;
  }

  #load(): Promise<Bundle[]> {
    this.#bundles ??= (async () => {
      const response = await fetch(`${this.#base}pagefind/bundles.json`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`搜索索引缺失（${response.status}）`);
      const { bundles, tag } = (await response.json()) as SearchBundles;
      if (!bundles.length) throw new Error('搜索索引为空');
      return bundles.map((path): Bundle => {
        let started: Promise<PagefindInstance> | null = null;
        // Each bundle gets its own copy of Pagefind's script module (and so its own WebAssembly
        // memory), loaded when first searched.
        const instance = (): Promise<PagefindInstance> =>
          (started ??= (async () => {
            const basePath = `${this.#base}${path}`;
            const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js?ts=${tag}`)) as PagefindInstance;
            await pagefind.options({ basePath, baseUrl: this.#base, metaCacheTag: tag, excerptLength: 0 });
            await pagefind.init();
            return pagefind;
          })());
        return { months: bundleMonths(path), filterMonths: null, instance };
      });
    })();
    return this.#bundles;
  }

  /** Starts a search and checks enough candidates for the first `firstPage` results. */
  async search(state: SearchState, terms: string[], firstPage: number): Promise<SearchRun> {
    const bundles = inRange(await this.#load(), state);
    if (state.sort === 'oldest') bundles.reverse();
    const query = gramQuery(terms);
    const searchBundle = async (bundle: Bundle): Promise<Candidate[]> => {
      const instance = await bundle.instance();
      bundle.filterMonths ??= instance.filters().then((f) => Object.keys(f.month ?? {}).sort());
      const months = state.from || state.to ? await bundle.filterMonths : [];
      return (await instance.search(query, { filters: toFilters(state, months), sort: toSort(state.sort) })).results;
    };
    // Relevance: every bundle at once, merged by score. Date order: bundle after bundle, as needed.
    const sources: Array<() => Promise<Candidate[]>> =
      state.sort === 'relevance'
        ? [async () => (await Promise.all(bundles.map(searchBundle))).flat().sort((a, b) => b.score - a.score)]
        : bundles.map((b) => () => searchBundle(b));

    const queue: Candidate[] = [];
    const pull = async (): Promise<void> => {
      while (queue.length < PARALLEL && sources.length) queue.push(...(await sources.shift()!()));
    };
    const run: SearchRun = {
      terms,
      get candidates() {
        return run.checked + queue.length;
      },
      checked: 0,
      hits: [],
      done: () => !queue.length && !sources.length,
      async more(count) {
        const wanted = run.hits.length + count;
        while (run.hits.length < wanted && !run.done()) {
          await pull();
          const batch = queue.splice(0, PARALLEL);
          run.checked += batch.length;
          for (const fragment of await Promise.all(batch.map((r) => r.data()))) {
            const text = fragment.meta.text ?? '';
            if (!holdsAll(text, terms)) continue;
            const title = fragment.meta.title ?? '';
            run.hits.push({
              url: fragment.url,
              title,
              paper: fragment.meta.paper ?? '',
              date: fragment.meta.date ?? '',
              page: fragment.meta.page ?? '',
              text,
              score: relevance(title, text, terms),
            });
          }
        }
      },
    };
    await pull();
    if (!sources.length && queue.length < CHECK_ALL_BELOW) {
      // Few candidates: check them all, so the count is exact, and rank by our own relevance
      // (a stable sort keeps Pagefind's order among equals). Date orders come from Pagefind.
      await run.more(queue.length);
      if (state.sort === 'relevance') run.hits.sort((a, b) => b.score - a.score);
    } else {
      await run.more(firstPage);
    }
    return run;
  }
}

/** The bundles a from–to range can have results in (per-year or per-month bundles outside it are skipped). */
function inRange(bundles: readonly Bundle[], state: SearchState): Bundle[] {
  return bundles.filter((b) => !b.months || ((!state.from || b.months.last >= state.from) && (!state.to || b.months.first <= state.to)));
}
