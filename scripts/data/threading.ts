// Knowledge for re-threading columns whose lines the PDF flattening interleaved (thread-columns.ts).

/**
 * Characters that seldom open a sentence (连词, 助词): a line starting with one most likely continues
 * the sentence of another line rather than opening a paragraph.
 */
export const continuationOpeners = new Set([...'的地得了着过和与及并等之而或且也又都就才则把被向于为从']);

/** A photographer's credit on its own line: ■ 张晶 (a name, no 记者/通讯员 title). */
export const photoCredit = /^[■◆●▲]\s*[\p{Script=Han}]{2,4}$/u;

/** How a photo caption usually opens: with the day the picture was taken (3月18日，…). */
export const captionOpener = /^\d{1,2}\s*月\s*\d{1,2}\s*日/u;

/**
 * How much each piece of evidence counts when thread-columns.ts scores line `b` as the continuation of
 * line `a` (higher is likelier). A join is taken when it beats the line's ending there.
 */
export const joinWeights = {
  /** A dictionary word (jieba) spans the join: 打招|呼, 警务助|理. */
  wordAcross: 2,
  /** A phrase of 4+ characters across the join is printed elsewhere on the page (双庙|于村) … */
  phraseAcross: 2,
  /** … and each character longer than 4. */
  phraseLonger: 0.5,
  /** `b` opens with a character that seldom opens a sentence (的, 和, 于 …). */
  continuationOpener: 0.5,
  /** `b` is the next line of the same column as printed (not for a paragraph's short last line: flattening sets those apart). */
  printedNext: 1.5,
  /** Penalty per line between `a` and `b` as printed. */
  perLineApart: 0.03,
  /** `b` is set in by the paragraph indent: it opens a paragraph … */
  indented: 2,
  /** … unless it also ends one (a one-line paragraph or a paragraph's short last line). */
  indentedLastLine: 0.8,
  /** `b` is a narrow line not set in: it continues some line. */
  notIndented: 1,
  /** `a` ends with a finished sentence at the column's edge: the paragraph may well end there. */
  afterFinishedSentence: 1.5,
  /** Score a join must beat for a line ending a sentence to continue at all … */
  endAfterFinishedSentence: 0.5,
  /** … and for a line that runs on (it takes almost any continuation). */
  endAfterRunOn: -1,
};
