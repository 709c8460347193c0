// Knowledge for split-columns.ts: how columns printed side by side look once a PDF text extractor has
// put them on one line (poppler's pdftotext default mode, mupdf's `mutool draw -F txt`): each column's
// line, then one space or a few, then the next column's line. Widths are display widths: a CJK
// character or full-width mark counts 2, anything else 1 (as a terminal shows it).
//
// Where the numbers come from: Chinese newspaper bodies are set in columns of about 8 to 24 characters
// (a 3–8 column broadsheet grid; a tabloid or a CSS-columned web page at 12–24), justified, so every
// line of a column but a paragraph's first (set in by a 2-character indent, 首行缩进两字) and last is
// the column's width, give or take one character where the line breaker keeps a mark off the line's
// start (避头尾) or digits and Latin letters take half a character each. The counts of lines are the
// least that make a pattern rather than a coincidence. Not fitted to any page: checked by hand on
// pages printed by Chromium and WeasyPrint and flattened by pdftotext and mutool
// (test/fixtures/split-columns/).
export const columnLayout = {
  /** Narrowest column taken (display width): 6 characters. Narrower pieces are words of one line. */
  minWidth: 12,
  /** Most columns read side by side on one line. */
  maxColumns: 3,
  /** A column line may be this much narrower than the column: a paragraph indent (2 characters) and a character of slack … */
  narrower: 6,
  /** … or this much wider (a mark kept at the line's end, half-width digits). */
  wider: 3,
  /** Offsets within this many display columns count as the same column edge when edges are tallied. */
  edgeSlack: 2,
  /** Least lines in a block with a gap at the column's edge before it is read as columns. */
  minSplitLines: 3,
  /**
   * Share of a block's column gaps across which a dictionary word runs (jieba: 经|济): at or above it
   * the "gaps" are ordinary spaces inside running text, and the block is left as printed. Between two
   * unrelated column lines a word forms by chance at roughly one gap in five.
   */
  maxWordAcrossShare: 0.5,
};

/**
 * How the segments of a line that carries fewer pieces than there are columns are given to columns
 * (a column that has ended, or a line the extractor set apart from its row). Higher is likelier.
 */
export const columnWeights = {
  /** The column's last line runs on (no sentence end, or full width): it wants a next line. */
  runsOn: 1,
  /** A dictionary word forms across the column's last line and this segment (一|年). */
  wordAcross: 2,
  /** The segment opens with a mark that never opens a line (，。” …) after a finished paragraph. */
  closingAfterFinished: -2,
  /** The segment is set in like a paragraph's first line, after a finished paragraph. */
  openerAfterFinished: 1,
  /** Per line the column has fallen behind the fullest column (a row the extractor split apart). */
  perLineBehind: 0.5,
  /** Penalty for a gap a dictionary word or a Latin word runs across, in a line's own reading. */
  gapAcrossWord: 1.5,
};
