// 小标题 (section subheads) inside an article body: the extraction finds them (a lone headline-like
// line inside a body, or one dressed in subhead ornaments such as ◀ … ▶ or 【…】) and the archive
// records their places (`subheads`, indices into `paragraphs`); the reading page shows those as
// headings and every other paragraph as prose, text exactly as printed. Nothing is guessed again here.

export type BodyBlock = { kind: 'paragraph' | 'subhead'; text: string };

/** The body in reading order, each paragraph marked as prose or a subhead as the extraction found it. */
export function bodyBlocks(paragraphs: readonly string[], subheads: readonly number[]): BodyBlock[] {
  const heads = new Set(subheads);
  return paragraphs.map((text, i) => ({ kind: heads.has(i) ? 'subhead' : 'paragraph', text }));
}
