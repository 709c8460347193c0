// Knowledge for cut-layout-page.ts: how a page printed at its place looks (poppler's `pdftotext
// -layout`). The extractor lays the page on a grid of character cells: one cell per character, CJK or
// Latin alike (the page's 13-character columns stand 18 cells apart on the dev pages, so a cell is not a
// display column), one row per printed line, and pads with spaces so that each piece of text starts at
// its horizontal place. Blocks set side by side with a different line pitch then take turns on the rows
// (a row of the left article, a row holding only the right article's line, …), and a white gutter
// between columns shows as cells no row covers.
//
// Where the numbers come from: the dev pages flattened by pdftotext -layout (test/corpus/dev, extractor
// `pdftotext-layout`), read by hand against the same PDFs flattened by `-raw` (which keeps the drawing
// order, the reading order of these pages). Not fitted to one page.
export const layoutGrid = {
  /** A page is laid out when at least this share of its non-blank lines shows a run of `paddingSpaces` spaces before text … */
  minPaddedShare: 0.3,
  /** … and at least this many lines do (a page of a few lines is read as printed). */
  minPaddedLines: 5,
  /**
   * Spaces that pad text to its place: 3 or more. Other extractors part words by one space, at most two
   * (mutool, pdftotext -raw: no dev page shows three; every -layout page shows them on 54–96% of lines).
   */
  paddingSpaces: 3,
  /**
   * Spaces that part two pieces of a row: 2 or more. One space is an ordinary space inside text (a
   * byline 记者 王某, a letter-spaced dateline 新 华 社 湄 川).
   */
  pieceGap: 2,
  /** Narrowest white gutter between columns, in cells: pieces of one row stand at least `pieceGap` apart. */
  minGutter: 2,
  /**
   * What blank rows are worth against cells of gutter when choosing where to cut a region. The rows of
   * blocks set side by side interleave, so one blank row inside a column is often nothing but a row the
   * next block used (dev pages: single blank rows inside columns beside 3–5 cell gutters). So one blank
   * row counts only where the whole page is blank on it (a row some block beside has text on is a row
   * that block's pitch took: dev-0020 and the columns pages) and no column goes on through it
   * (cut-layout-page.ts `columnGoesOn`); then it weighs `singleRow`, less than the narrowest gutter's 2
   * cells. Two or more blank rows part blocks (the white between two articles), each worth `blockRow`
   * (a row is about twice a cell's height, and more: it outweighs a 5-cell gutter that runs on past the
   * gap through the blocks above and below), unless they lie inside columns (`sameEdge`).
   */
  singleRow: 1.5,
  blockRow: 3,
  /**
   * A gutter crossed by a few rows (a headline over the columns it stands above, set with no blank row
   * between) still parts columns: at most this many rows, and at most this share of the region's rows.
   */
  maxCrossingRows: 3,
  maxCrossingShare: 0.34,
  /** Rows with text on each side of such a gutter before it counts (a column is more than a line). */
  minSideRows: 2,
  /**
   * Blank rows lie inside columns only where the column right of a gutter starts at the same cell above
   * and below them, give or take this many cells (a first-line indent is two): an index box (导读)
   * beside a masthead stands off the columns under it (dev-0086: cell 67 against 54).
   */
  sameEdge: 2,
  /**
   * … and only where none of the first `nextRows` text rows below them runs across the start of a
   * column above (a block below set in wider columns is not the columns going on: train-0199, a
   * two-column story under two stories of narrower columns).
   */
  nextRows: 4,
  /** A paragraph's first-line indent, in cells: two ems print as 2–4 cells on the dev pages (dev-0020, dev-0027). */
  indent: 4,
  /** … and is a full line of it: at least this share of the column's widest line (a footer's short pieces under a column are not it going on: train-0115). */
  goesOnShare: 0.5,
};
