// The schematic page map (版面图): our stand-in for the clickable page image. The page is drawn as
// a newspaper is read: the lead article (the page's first headline) across the top as the largest
// block, then every article in reading order down MAP_COLUMNS columns, each numbered like the list of
// the page's articles beside it and as tall as its length asks (the square root of its share of the
// longest, so a brief stays readable beside a long story; within MIN_ROWS..MAX_ROWS).
import type { ArticleRef } from './archive-schema.ts';

/** Columns under the lead (a phone-width map reads two columns of blocks; more would cut every title). */
export const MAP_COLUMNS = 2;
/** Block heights in rows: a brief gets one, the longest story MAX_ROWS; the lead is taller than any. */
const MIN_ROWS = 1;
const MAX_ROWS = 4;
const LEAD_ROWS = MAX_ROWS + 1;
/** Characters a headline counts for, so an article with no body text still gets a block. */
const HEADLINE_WEIGHT = 60;

export interface MapBlock {
  ref: ArticleRef;
  /** Its number in the page's list of articles (1 = first in reading order). */
  number: number;
  /** True for the lead, drawn across all columns. */
  lead: boolean;
  rows: number;
}

/** The lead: the first article with a printed headline, else the first article. */
export function leadIndex(refs: readonly ArticleRef[]): number {
  const i = refs.findIndex((r) => r.title);
  return i < 0 ? 0 : i;
}

/** One block per article, in reading order (the order of `refs`). */
export function pageMap(refs: readonly ArticleRef[]): MapBlock[] {
  const lead = leadIndex(refs);
  const weights = refs.map((r) => r.chars + HEADLINE_WEIGHT);
  const longest = weights.reduce((max, w, i) => (i === lead ? max : Math.max(max, w)), 1);
  return refs.map((ref, i) => ({
    ref,
    number: i + 1,
    lead: i === lead,
    rows: i === lead ? LEAD_ROWS : Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.round(Math.sqrt(weights[i] / longest) * MAX_ROWS))),
  }));
}
