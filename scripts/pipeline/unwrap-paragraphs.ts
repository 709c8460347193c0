// Stage: unwrap paragraphs. An article's body lines (in reading order) → paragraphs: wrapped lines
// joined with no space, paragraphs cut by a column break (a blank line inside a sentence) joined again,
// section heads kept as paragraphs of their own.
import { paragraphOpener } from '../data/article-lines.ts';
import { closingMarks } from '../data/punctuation.ts';
import { atWrapWidth, collapseLetterSpacing, type ClassifiedLine, type PageLayout } from './classify-lines.ts';

const closesLine = new RegExp(`^[${closingMarks}]`, 'u');

/** An article body as paragraphs, and which of them are section heads (小标题, subheads). */
export interface UnwrappedBody {
  paragraphs: string[];
  /** Indices into `paragraphs` of the section heads: the body's lines that segmentation left no body line. */
  subheads: number[];
}

/** `starts`: line indices known to open a paragraph (re-threaded columns); else decided from the lines. */
export function unwrapParagraphs(lines: ClassifiedLine[], layout: PageLayout, starts?: number[]): string[] {
  return unwrapBody(lines, layout, starts).paragraphs;
}

export function unwrapBody(lines: ClassifiedLine[], layout: PageLayout, starts?: number[]): UnwrappedBody {
  const opens = starts && new Set(starts);
  const paragraphs: string[] = [];
  const subheads: number[] = [];
  let current = '';
  const flush = (): void => {
    if (current) paragraphs.push(current);
    current = '';
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // A section head (or any line that is no running text) is a paragraph of its own.
    if (line.role !== 'body' && line.role !== 'caption') {
      flush();
      subheads.push(paragraphs.length);
      paragraphs.push(line.text);
      return;
    }
    if (prev && (prev.role === 'body' || prev.role === 'caption') && (opens ? opens.has(line.index) : endsParagraph(prev, line, layout))) flush();
    current += collapseLetterSpacing(line.text);
  });
  flush();
  return { paragraphs, subheads };
}

/** Whether a paragraph ends after `prev` (with `next` following it in reading order). */
function endsParagraph(prev: ClassifiedLine, next: ClassifiedLine, layout: PageLayout): boolean {
  // A line that opens with a closing mark (”，。) continues the line before it.
  if (!prev.endsSentence || closesLine.test(next.text)) return false;
  if (paragraphOpener.test(next.text)) return true;
  if (layout.spaced) return !layout.narrowWidth || prev.width > layout.narrowWidth + 1 || prev.width < layout.narrowWidth - 1;
  // A blank line after a finished sentence ends the paragraph; inside a block only a short last line does.
  if (next.gapBefore && next.index !== prev.index + 1) return true;
  return !atWrapWidth(prev, layout);
}
