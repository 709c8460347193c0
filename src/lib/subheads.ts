// 小标题 (section subheads) inside an article body. The extraction keeps them as ordinary paragraphs
// (the gold schema has no field for them), so the reading page recognises them by their shape, as a
// reader does: a short line between two paragraphs that does not end a sentence, or a line dressed
// in the ornaments papers print around subheads. The text is shown exactly as printed either way.

/** Longest subhead, in characters; body sentences this short almost always end in punctuation. */
const SUBHEAD_MAX_CHARS = 24;
/** Characters that end a sentence or clause (。！？ etc.): a line ending in one is prose. */
const SENTENCE_END = /[。！？；：，、…”’」』）)》.!?;:,]$/u;
/**
 * Ornaments that enclose a subhead, e.g. `·····◀ 压实承办单位责任 ▶·····`, `【新闻链接】`. (A single
 * leading ■ or ★ is not one: papers also print it before credits such as `■ 张晶`.)
 */
const ORNAMENTED = /^[·…—\-\s]*(?:◀.+▶|【.+】)[·…—\-\s]*$/u;

export type BodyBlock = { kind: 'paragraph' | 'subhead'; text: string };

/** The body in reading order, each paragraph marked as prose or a subhead. */
export function bodyBlocks(paragraphs: readonly string[]): BodyBlock[] {
  return paragraphs.map((text, i) => ({ kind: isSubhead(paragraphs, i) ? 'subhead' : 'paragraph', text }));
}

function isSubhead(paragraphs: readonly string[], i: number): boolean {
  // A subhead introduces what follows and is preceded by something: never the first or last line.
  if (i === 0 || i === paragraphs.length - 1) return false;
  const text = paragraphs[i].trim();
  if ([...text].length > SUBHEAD_MAX_CHARS) return false;
  return ORNAMENTED.test(text) || !SENTENCE_END.test(text);
}
