// The search page's state and the URL that carries it: `/search/?q=…&paper=…&from=YYYY-MM&to=YYYY-MM&
// page=front|inner&kind=…&sort=newest|oldest|relevance`. A shared or bookmarked URL reproduces the search.
import { fold } from './fold.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';
export type PagePlace = 'front' | 'inner';

export interface SearchState {
  q: string;
  paper: string | null;
  /** First month included, `YYYY-MM`. */
  from: string | null;
  /** Last month included, `YYYY-MM`. */
  to: string | null;
  page: PagePlace | null;
  kind: string | null;
  sort: SortOrder;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
const PLACES: readonly PagePlace[] = ['front', 'inner'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Reads the state from a URL query string; anything malformed is ignored, never an error. */
export function readState(params: URLSearchParams): SearchState {
  const pick = (name: string, ok: (v: string) => boolean): string | null => {
    const v = params.get(name)?.trim() ?? '';
    return v && ok(v) ? v : null;
  };
  return {
    q: params.get('q') ?? '',
    paper: pick('paper', (v) => SLUG.test(v)),
    from: pick('from', (v) => MONTH.test(v)),
    to: pick('to', (v) => MONTH.test(v)),
    page: pick('page', (v) => (PLACES as readonly string[]).includes(v)) as PagePlace | null,
    kind: pick('kind', (v) => SLUG.test(v)),
    sort: (pick('sort', (v) => (SORTS as readonly string[]).includes(v)) as SortOrder | null) ?? 'relevance',
  };
}

/** Writes the state as a query string, leaving out defaults so URLs stay short. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of ['paper', 'from', 'to', 'page', 'kind'] as const) {
    const v = state[name];
    if (v) params.set(name, v);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

// Quote pairs a reader may wrap a term in (ASCII and Chinese 引号): they mark a phrase and are not part
// of the string sought. A quote mark that is not one of a wrapping pair is searched for as printed.
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』']];

function unquote(term: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    if (term.length > 2 && term.startsWith(open) && term.endsWith(close)) return term.slice(1, -1);
  }
  return term;
}

/**
 * The search terms of a query: split on spaces (ASCII or full-width 全角空格), wrapping quotes removed,
 * folded (fold.ts). Every term must occur in an article for it to match.
 */
export function parseTerms(q: string): string[] {
  const terms = fold(q)
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .map(unquote);
  return [...new Set(terms)];
}

/** The months from `from` to `to` inclusive among the months that have articles (Pagefind filters are exact). */
export function monthsInRange(available: readonly string[], from: string | null, to: string | null): string[] | null {
  if (!from && !to) return null;
  return available.filter((m) => (!from || m >= from) && (!to || m <= to)).sort();
}

export interface PagefindFilters {
  [name: string]: string | { any: string[] };
}

/** Pagefind filter object for the state; `months` lists every month in the index. */
export function toFilters(state: SearchState, months: readonly string[]): PagefindFilters {
  const filters: PagefindFilters = {};
  if (state.paper) filters.paper = state.paper;
  if (state.page) filters.page = state.page;
  if (state.kind) filters.kind = state.kind;
  const range = monthsInRange(months, state.from, state.to);
  // An empty range must match nothing: a month value no article has.
  if (range) filters.month = { any: range.length ? range : ['0000-00'] };
  return filters;
}

/** Pagefind sort object for the state. */
export function toSort(sort: SortOrder): Record<string, 'asc' | 'desc'> {
  if (sort === 'newest') return { date: 'desc' };
  if (sort === 'oldest') return { date: 'asc' };
  return {};
}
