// The schematic page map (版面图): our stand-in for the clickable page image. Each article is a block
// whose area follows its length, laid on a grid of GRID_COLUMNS columns in reading order.
import type { ArticleRef } from './archive-schema.ts';

/** Columns of the schematic page (a broadsheet is set in about six to eight columns). */
export const GRID_COLUMNS = 6;
/** Grid cells a whole page is drawn with (GRID_COLUMNS × 8 rows); more articles than cells grow the page. */
const PAGE_CELLS = GRID_COLUMNS * 8;
/** Characters a headline counts for, so an article with no body text still gets a block. */
const HEADLINE_WEIGHT = 60;

export interface MapBlock {
  ref: ArticleRef;
  columns: number;
  rows: number;
}

export function pageMap(refs: readonly ArticleRef[]): MapBlock[] {
  const weights = refs.map((r) => r.chars + HEADLINE_WEIGHT);
  const total = weights.reduce((a, b) => a + b, 0);
  return refs.map((ref, i) => {
    const cells = Math.max(1, Math.round((weights[i] / total) * PAGE_CELLS));
    // Blocks a little wider than tall, like stories set across columns under one headline.
    const columns = Math.min(GRID_COLUMNS, Math.max(1, Math.round(Math.sqrt(cells * 1.5))));
    const rows = Math.max(1, Math.round(cells / columns));
    return { ref, columns, rows };
  });
}
