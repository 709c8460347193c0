// What the two stages that re-join printed lines share (thread-columns.ts: a narrow column's lines;
// order-fragments.ts: pdftotext's one-line blocks): the phrases a page prints, as evidence that a join
// reads on, and the best set of joins taken together.
import { munkres } from 'munkres';

/** Every phrase of `shortest` to `longest` characters in the texts, with the number of texts that print it. */
export function countPhrases(texts: readonly string[], shortest: number, longest: number): Map<string, number> {
  const count = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (let n = shortest; n <= longest; n++) for (let k = 0; k + n <= text.length; k++) seen.add(text.slice(k, k + n));
    for (const g of seen) count.set(g, (count.get(g) ?? 0) + 1);
  }
  return count;
}

/**
 * The best set of joins taken together (Hungarian assignment, `munkres`), not the best join first: row
 * `r` goes on to item `c` at `score(r, c)` (null: it cannot), or to nothing at `none(r)`; each item is
 * taken once at most. Returns row → item.
 */
export function assignJoins(rows: number, items: number, score: (r: number, c: number) => number | null, none: (r: number) => number): Map<number, number> {
  if (!rows) return new Map();
  const BIG = 1e6;
  const cost = Array.from({ length: rows }, (_, r) => {
    const row = new Array<number>(items + rows).fill(BIG);
    for (let c = 0; c < items; c++) {
      const s = score(r, c);
      if (s !== null) row[c] = -s;
    }
    row[items + r] = -none(r);
    return row;
  });
  const found = new Map<number, number>();
  for (const [r, c] of munkres(cost)) if (c < items && cost[r]![c]! < BIG) found.set(r, c);
  return found;
}
