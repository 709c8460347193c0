// Exact-substring check and excerpts: a candidate from the index is a match only when its text holds
// every search term (after folding, fold.ts), as find-in-page would if it ignored whitespace and
// punctuation styles. Excerpts are plain-text
// segments (never HTML) with the matched strings marked.
import { fold, foldText } from './fold.ts';

/** Original-text ranges [start, end) of every occurrence of every term, sorted, overlaps merged. */
export function findRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const folded = foldText(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + 1)) {
      ranges.push([folded.start[at]!, folded.end[at + term.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** True when the text holds every term (folded substring). */
export function holdsAll(text: string, terms: readonly string[]): boolean {
  const folded = fold(text);
  return terms.length > 0 && terms.every((t) => folded.includes(t));
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of about `length` characters around the first match, as segments to render as text
 * nodes with the matches in <mark>.
 */
export function excerpt(text: string, terms: readonly string[], length = 90): Segment[] {
  const ranges = findRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  const segments: Segment[] = [];
  let at = start;
  const push = (s: string, mark: boolean): void => {
    if (s) segments.push({ text: s, mark });
  };
  if (start > 0) push('…', false);
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    push(text.slice(at, Math.max(at, a)), false);
    push(text.slice(Math.max(at, a), Math.min(b, end)), true);
    at = Math.min(b, end);
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  return segments;
}
