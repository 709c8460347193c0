// Case and width folding for search: what the reader types and what the page prints are compared
// after folding each character by itself (NFKC, then lower case), so `２０２２年` matches `2022年` and
// `5g基站` matches `5G基站`, as a browser's find-in-page would treat them as the same text.
// Folding character by character keeps a map back to the original offsets for highlighting.

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each UTF-16 offset of `text` (and one past its end), the offset in the original string. */
  source: number[];
}

function foldChar(ch: string): string {
  return ch.normalize('NFKC').toLowerCase();
}

/** Folds a string, keeping where each folded code unit came from. */
export function foldText(original: string): FoldedText {
  let text = '';
  const source: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) source.push(offset);
    text += folded;
    offset += ch.length;
  }
  source.push(offset);
  return { text, source };
}

/** Folds a string (no offset map). */
export function fold(original: string): string {
  let text = '';
  for (const ch of original) text += foldChar(ch);
  return text;
}
