// Knowledge for order-fragments.ts: how a page looks once poppler's pdftotext (default mode) has cut a
// CJK page into fragments. poppler finds no word breaks in CJK text, so the lines of a multi-column
// body become text blocks of their own (a line or a short run of one column's lines, a blank line after
// each), and the blocks are printed row by row across the columns side by side (column 1 row 1, column
// 2 row 1, column 1 row 2, …), with some rows out of step. A column's lines are all one width
// (justified), save a paragraph's first (set in two characters, 首行缩进) and last (shorter, ending a
// sentence).
//
// Where the numbers come from: measured on the dev split of the real-tool corpus (test/corpus/dev, the
// 24 seeds whose extractor is `pdftotext`, against the reading order of the same PDF's `pdftotext -raw`
// seed; bench/order-fragments-accuracy.ts). Widths are ems (line-features.ts `widthOf`: full width 1,
// else ½).
export const fragmentLayout = {
  /** Least blocks a page needs before its order is questioned at all. */
  minBlocks: 8,
  /** Least lines of one width for that width to be a column's (a pattern, not chance). */
  minColumnLines: 3,
  /**
   * Narrowest column width taken (ems); narrower lines are labels and headline words. At 6 a page's
   * folio (第02版：综合, 6 ems) read as a column line and was joined to the masthead's headline (dev:
   * one page's metadata lost); the narrowest dev column is 11 (13 set in by 2).
   */
  minColumnWidth: 8,
  /** A paragraph's first line is set in this much (首行缩进两字, 2 ems). */
  indent: 2,
  /** Lines this close in width (ems) count as one width when column widths are tallied. */
  widthSlack: 0.5,
  /** A full line may be this much narrower than its column (a mark kept off the next line's start, 避头尾; digits) … */
  shortBy: 1,
  /** … or this much wider (a mark kept at the line's end, spaces poppler puts in). */
  longBy: 1.5,
  /** Blocks ahead (as printed) within which a line's continuation is looked for. */
  reachAhead: 60,
  /** Blocks back (as printed) within which a line's continuation is looked for (column tops). */
  reachBack: 60,
  /** A row of columns side by side: a line's continuation lies 1 to this many blocks on (76% of true joins). */
  rowReach: 4,
  /** Blocks on either side whose joins give a block its local stride (order-fragments.ts `localStrides`). */
  strideReach: 6,
  /** Joins further than this (blocks, either way) are column tops and bottoms, not a row's stride. */
  strideSpan: 12,
  /** Shortest and longest phrase looked for across a join among the page's other lines. */
  minPhrase: 3,
  maxPhrase: 8,
};

/**
 * How much each piece of evidence counts when `b` is scored as the next line of `a`: roughly the log of
 * how much likelier it makes a true join than another line nearby, as measured on the dev pdftotext
 * seeds (442 true joins of a line ending in a clause mark, 17,783 other lines within 30 blocks).
 */
export const fragmentWeights = {
  /**
   * Per unit of the word model's join gain (word-model.ts: how much likelier the characters around the
   * join read as one text than as two; 春运拉|开帷幕 11.4, 春运拉|车区 3.8, a join between words 0).
   * Measured log likelihood ratio: a gain under 3 1.2, 3–6 2.5, 6 and more 4.4.
   */
  perGain: 0.5,
  /** A join gain this high is strong evidence of a word running on (a true join 5 times likelier than another). */
  strongGain: 3,
  /** … counted up to this gain … */
  maxGain: 12,
  /** … and no gain at all is less likely (56% of true joins, 97% of others: log ratio −0.5, counted −0.4). */
  noWordAcross: 0.4,
  /** A number runs on across the join: 1|月14日, 3|0%. */
  numberAcross: 2,
  /**
   * A run of 3+ Han characters across the join is printed elsewhere on the page (摊主黎|小满 … 黎小满收摊):
   * measured log likelihood ratio 3.3 (3–4 characters) to 6.8 (6), for 13% of true joins; counted
   * short of that, as it comes with a word-model gain as often as not.
   */
  phraseAcross: 2.5,
  /** `b` opens with a mark that never opens a line (，。、” …): it continues some line. */
  opensWithCloser: 1,
  /** `b` opens with a character that seldom opens a sentence (的, 和, 于 …). */
  continuationOpener: 0.5,
  /** Score a join must beat for a line that runs on (it must go on somewhere) … */
  endAfterRunOn: -5,
  /** … and for one without any punctuation mark (it may be a headline as wide as a column). */
  endAfterBare: -1,
  /**
   * A join `d` blocks on where `d` is the local stride (the commonest distance of the sure joins within
   * 6 blocks) gains this much. Fitted on the train split's 192 pdftotext seeds (line joins right: 0 →
   * 75.8%, 1 → 76.6%, 2 → 76.8%, 3 → 76.4%); with the truth's own strides 58% of true joins lie at the
   * local stride, against 37–46% at the commonest distance, 2.
   */
  strideMatch: 2,
  /** A join counts towards the local stride when the text scores it this high (a word or number running across). */
  strideEvidence: 1.5,
  /** When asking whether a page stands in reading order: the cost of a join outside the row reach. */
  outsideRow: 3,
  /**
   * The prior of printed distance counts this much of its log odds: at full weight it overrides the
   * text where a word does run across (dev pdftotext article F1: ×1 35.3%, ×0.5 36.9%, ×0.3 35.3%).
   */
  distanceWeight: 0.5,
};

/**
 * Where a line's next line is printed, `d` blocks on (negative: back): of 788 true joins of a line
 * that runs on (dev pdftotext seeds), how many lead into each span of distances. Two columns side by
 * side put the next line 2 on (53%); back, a column's top printed before the last column's bottom.
 */
const joinDistances: { from: number; to: number; joins: number }[] = [
  { from: 1, to: 1, joins: 85 },
  { from: 2, to: 2, joins: 421 },
  { from: 3, to: 3, joins: 82 },
  { from: 4, to: 4, joins: 59 },
  { from: 5, to: 5, joins: 14 },
  { from: 6, to: 10, joins: 27 },
  { from: 11, to: 20, joins: 17 },
  { from: 21, to: 60, joins: 12 },
  { from: -3, to: -1, joins: 17 },
  { from: -10, to: -4, joins: 26 },
  { from: -20, to: -11, joins: 17 },
  { from: -60, to: -21, joins: 11 },
];

/** The cost of a join `d` blocks on: the log of how much less often a join leads there than 2 on (per block), weighted. */
export function joinDistanceCost(d: number): number {
  const best = Math.max(...joinDistances.map((s) => s.joins / (s.to - s.from + 1)));
  const span = joinDistances.find((s) => d >= s.from && d <= s.to) ?? joinDistances.at(-1)!;
  return fragmentWeights.distanceWeight * Math.log(best / (span.joins / (span.to - span.from + 1)));
}

/** What may follow a digit inside a number or as its unit: more digits, a date or counting word, a sign. */
export const numberGoesOn = /^(?:[\d.,%％]|[年月日时分秒号万亿千百元个名人次岁倍])/u;
