// Exact-substring search on top of Pagefind, in the browser. Pagefind finds the candidates through our
// bigram terms (grams.ts); each candidate's text is then checked for every search term as typed
// (match.ts), so results are what find-in-page would find across the archive: every article holding
// the string, and only those. Loads the Pagefind bundles listed in `pagefind/bundles.json` (one, or one
// per year merged with `mergeIndex`), from the site's own base path: nothing from another host.
import type { SearchBundles } from './bundles.ts';
import { gramQuery } from './grams.ts';
import { holdsAll, readableContent, relevance } from './match.ts';
import { toFilters, toSort, type SearchState } from './query.ts';

/** The parts of Pagefind's browser API we use. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string,
    options: { filters?: unknown; sort?: unknown },
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindFragment> }> }>;
}

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
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
  /** Candidates from the index (an upper bound on the results). */
  candidates: number;
  /** Candidates checked so far. */
  checked: number;
  hits: Hit[];
  /** Checks further candidates until `count` more hits are found or none remain. */
  more(count: number): Promise<void>;
  done(): boolean;
}

/** Candidates checked at once (each check loads one fragment file). */
const PARALLEL = 8;
/** Below this many candidates, all are checked at once. */
const CHECK_ALL_BELOW = 200;

export class SearchEngine {
  readonly #base: string;
  #pagefind: Promise<PagefindApi> | null = null;
  #months: Promise<string[]> | null = null;

  /** `base` is the site's base URL (import.meta.env.BASE_URL), ending in `/`. */
  constructor(base: string) {
    this.#base = base;
  }

  #load(): Promise<PagefindApi> {
    this.#pagefind ??= (async () => {
      const response = await fetch(`${this.#base}pagefind/bundles.json`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`搜索索引缺失（${response.status}）`);
      const { bundles, tag } = (await response.json()) as SearchBundles;
      const [primary, ...others] = bundles.map((b) => `${this.#base}${b}`);
      if (!primary) throw new Error('搜索索引为空');
      const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js?ts=${tag}`)) as PagefindApi;
      await pagefind.options({ basePath: primary, baseUrl: this.#base, metaCacheTag: tag, excerptLength: 0 });
      await pagefind.init();
      for (const path of others) await pagefind.mergeIndex(path, { baseUrl: this.#base, metaCacheTag: tag });
      return pagefind;
    })();
    return this.#pagefind;
  }

  /** Every month (`YYYY-MM`) that has articles. */
  months(): Promise<string[]> {
    this.#months ??= this.#load().then(async (pf) => Object.keys((await pf.filters()).month ?? {}).sort());
    return this.#months;
  }

  /** Starts a search and checks enough candidates for the first `firstPage` results. */
  async search(state: SearchState, terms: string[], firstPage: number): Promise<SearchRun> {
    const pagefind = await this.#load();
    const months = state.from || state.to ? await this.months() : [];
    const { results } = await pagefind.search(gramQuery(terms), {
      filters: toFilters(state, months),
      sort: toSort(state.sort),
    });
    const run: SearchRun = {
      terms,
      candidates: results.length,
      checked: 0,
      hits: [],
      done: () => run.checked >= results.length,
      async more(count) {
        const wanted = run.hits.length + count;
        while (run.hits.length < wanted && !run.done()) {
          const batch = results.slice(run.checked, run.checked + PARALLEL);
          run.checked += batch.length;
          for (const fragment of await Promise.all(batch.map((r) => r.data()))) {
            const text = readableContent(fragment.content);
            if (!holdsAll(text, terms)) continue;
            run.hits.push({
              url: fragment.url,
              title: fragment.meta.title ?? '',
              paper: fragment.meta.paper ?? '',
              date: fragment.meta.date ?? '',
              page: fragment.meta.page ?? '',
              text,
              score: relevance(fragment.meta.title ?? '', text, terms),
            });
          }
        }
      },
    };
    if (results.length < CHECK_ALL_BELOW) {
      // Few candidates: check them all, so the count is exact, and rank by our own relevance
      // (a stable sort keeps Pagefind's order among equals). Date orders come from Pagefind.
      await run.more(results.length);
      if (state.sort === 'relevance') run.hits.sort((a, b) => b.score - a.score);
    } else {
      await run.more(firstPage);
    }
    return run;
  }
}
