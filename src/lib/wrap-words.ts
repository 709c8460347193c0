// Balanced headline wrapping (issue 16, defect 8): Chinese may break between any two characters, so a
// headline can end a line inside a word (拿出破釜沉舟的勇|气). Headings are set with
// `word-break: keep-all` (no break inside a run of CJK) and a <wbr> between the words that ICU's
// dictionary segmenter (Intl.Segmenter, in Node and every browser) finds, so lines break only between words.

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The text cut into words and the punctuation and spaces between them; joined they are the text again. */
export function wrapWords(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}
