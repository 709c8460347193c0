// Thresholds that tell a double-spaced page (a blank line after every line, 隔行) from a page whose
// blank lines mean something (one-line paragraphs parted by blanks; a spaced page of interleaved
// columns). Used by scripts/pipeline/normalise-spacing.ts. Measured on the samples and on held-out
// pages (test/heldout/render.ts, spacing `double`): the samples with a blank after nearly every line
// show two or more blanks at 1.5–4.5% of gaps and 53–67% of their singly-parted lines run on; doubled,
// they show two blanks at 97–100% of gaps (spaced pages) or, for wrapped pages, at 4–20% of gaps with
// 82–99% of singly-parted lines running on.
export const doubleSpacing = {
  /** Fewer gaps between text lines than this: too little to tell, left as printed. */
  minGaps: 6,
  /** Share of text lines followed by at least one blank. */
  minFollowed: 0.9,
  /** Share of gaps of two or more blanks that alone marks a doubled page (a spaced page, doubled). */
  mostGapsWide: 0.6,
  /** Share of gaps of two or more blanks where blocks end, on a wrapped page doubled … */
  minWide: 0.02,
  /** … when at least this share of the lines parted by one blank run on (no sentence end). */
  minRunningOn: 0.75,
};
