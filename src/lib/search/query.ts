// The search page's state and the URL that carries it: `/search/?q=…&paper=…&from=…&to=…&
// page=front|inner&kind=…&sort=newest|oldest|relevance`. `from` and `to` are days (`YYYY-MM-DD`) or
// months (`YYYY-MM`: from its first day, to its last). A shared or bookmarked URL reproduces the search.
import { fold } from './fold.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';
export type PagePlace = 'front' | 'inner';

export interface SearchState {
  q: string;
  paper: string | null;
  /** First day or month included, `YYYY-MM-DD` or `YYYY-MM`. */
  from: string | null;
  /** Last day or month included, `YYYY-MM-DD` or `YYYY-MM`. */
  to: string | null;
  page: PagePlace | null;
  kind: string | null;
  sort: SortOrder;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
const PLACES: readonly PagePlace[] = ['front', 'inner'];
const MONTH_OR_DAY = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** A calendar day or month (2022-02-30 is not one). */
function isMonthOrDay(v: string): boolean {
  if (!MONTH_OR_DAY.test(v)) return false;
  return v.length === 7 || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

/** Reads the state from a URL query string; anything malformed is ignored, never an error. */
export function readState(params: URLSearchParams): SearchState {
  const pick = (name: string, ok: (v: string) => boolean): string | null => {
    const v = params.get(name)?.trim() ?? '';
    return v && ok(v) ? v : null;
  };
  return {
    q: params.get('q') ?? '',
    paper: pick('paper', (v) => SLUG.test(v)),
    from: pick('from', isMonthOrDay),
    to: pick('to', isMonthOrDay),
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

/** True when the state narrows the archive by something besides the query (a paper, dates, page, kind). */
export function hasFilter(state: SearchState): boolean {
  return !!(state.paper || state.from || state.to || state.page || state.kind);
}

/** Every quote mark folds to `"` (fold.ts). */
const QUOTE = '"';

/**
 * The search terms of a query, folded (fold.ts). Spaces (ASCII or 全角空格) separate terms that must
 * all occur; a term wrapped in a pair of quote marks (any style) is a phrase: the marks are not
 * sought, and spaces inside it do not split it. A quote mark that does not wrap a term is sought as
 * printed (folded).
 */
export function parseTerms(q: string): string[] {
  const terms: string[] = [];
  const chars = Array.from(q);
  const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);
  let i = 0;
  while (i < chars.length) {
    if (isSpace(chars[i])) {
      i++;
      continue;
    }
    // A phrase: an opening quote, a closing quote later, then a space or the end.
    if (fold(chars[i]!) === QUOTE) {
      let close = i + 1;
      while (close < chars.length && fold(chars[close]!) !== QUOTE) close++;
      if (close < chars.length && (close + 1 === chars.length || isSpace(chars[close + 1]))) {
        const inner = fold(chars.slice(i + 1, close).join(''));
        if (inner) {
          terms.push(inner);
          i = close + 1;
          continue;
        }
      }
    }
    let end = i;
    while (end < chars.length && !isSpace(chars[end])) end++;
    const term = fold(chars.slice(i, end).join(''));
    if (term) terms.push(term);
    i = end;
  }
  return [...new Set(terms)];
}

/** The first and last day (`YYYY-MM-DD`) a from–to state covers; a month stands for all its days. */
export function dayRange(state: Pick<SearchState, 'from' | 'to'>): { first: string | null; last: string | null } {
  const first = state.from && (state.from.length === 7 ? `${state.from}-01` : state.from);
  const last = state.to && (state.to.length === 7 ? lastDayOf(state.to) : state.to);
  return { first, last };
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
