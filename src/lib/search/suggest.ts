// When a search finds nothing: why, and what would find something. The search page runs each
// suggestion and offers those that find articles, as links (page.ts).
import { fold } from './fold.ts';
import { parseTerms, type SearchState } from './query.ts';

export interface Suggestion {
  /** What the link says, e.g. `去掉引号：一季度开门红`. */
  label: string;
  state: SearchState;
}

/** Every quote mark folds to `"` (fold.ts). */
const isQuote = (ch: string): boolean => fold(ch) === '"';

/** Searches that loosen one thing each, most specific first: quote marks, extra terms, then each filter. */
export function suggestions(state: SearchState): Suggestion[] {
  const out: Suggestion[] = [];
  const terms = parseTerms(state.q);
  const unquoted = Array.from(state.q).filter((ch) => !isQuote(ch)).join('');
  if (unquoted !== state.q && parseTerms(unquoted).length) out.push({ label: `去掉引号：${unquoted.trim()}`, state: { ...state, q: unquoted.trim() } });
  if (terms.length > 1) {
    for (const term of terms) out.push({ label: `只搜“${term}”`, state: { ...state, q: term } });
  }
  if (state.from || state.to) out.push({ label: '不限日期', state: { ...state, from: null, to: null } });
  if (state.paper) out.push({ label: '搜索全部报纸', state: { ...state, paper: null } });
  if (state.page) out.push({ label: '不限版面', state: { ...state, page: null } });
  if (state.kind) out.push({ label: '不限体裁', state: { ...state, kind: null } });
  const filters = [state.paper, state.from || state.to, state.page, state.kind].filter(Boolean).length;
  if (filters > 1 && terms.length) {
    out.push({ label: '去掉全部筛选', state: { ...state, paper: null, from: null, to: null, page: null, kind: null } });
  }
  return out;
}

/** Why nothing was found, in a sentence (terms as the reader typed them, folded). */
export function emptyReason(state: SearchState, filterNames: { paper?: string | undefined }): string {
  const terms = parseTerms(state.q);
  const quoted = terms.map((t) => `“${t}”`).join('、');
  const what = terms.length > 1 ? `同时包含${quoted}的文章` : terms.length ? `包含${quoted}的文章` : '文章';
  const where: string[] = [];
  if (state.paper) where.push(filterNames.paper ?? state.paper);
  if (state.from || state.to) where.push(`${state.from ?? '最早'}至${state.to ?? '最新'}`);
  if (state.page) where.push(state.page === 'front' ? '头版' : '内页');
  return where.length ? `在${where.join('、')}中没有找到${what}。` : `归档中没有找到${what}。`;
}
