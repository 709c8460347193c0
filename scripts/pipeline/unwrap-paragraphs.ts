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
  const width = columnWidthOf(lines);
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
    if (prev && (prev.role === 'body' || prev.role === 'caption') && (opens ? opens.has(line.index) : endsParagraph(prev, line, layout, width))) flush();
    current += collapseLetterSpacing(line.text);
  });
  flush();
  return { paragraphs, subheads };
}

/**
 * The width (ems) of this body's own column: the commonest width of its lines that run on (no sentence
 * ends there), when at least MIN_RUN_ON lines agree; 0 when the body shows none. Articles on one page are
 * set in columns of different widths (a cell spanning two grid columns or four), so the page's one wrap
 * width (layout.wrapWidth) is right only for some of them.
 */
const MIN_RUN_ON = 3;
/** A paragraph's first-line indent, ems (two characters, as Chinese papers set it). */
const INDENT = 2;
function columnWidthOf(lines: readonly ClassifiedLine[]): number {
  const counts = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l.role !== 'body' || l.endsSentence || !lines[i + 1]) return;
    const w = Math.round(l.width);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  });
  let best = 0, most = MIN_RUN_ON - 1;
  for (const [w, n] of counts) if (n > most || (n === most && w > best)) [best, most] = [w, n];
  return best;
}

/** Whether a paragraph ends after `prev` (with `next` following it in reading order); `width`: the body's column. */
function endsParagraph(prev: ClassifiedLine, next: ClassifiedLine, layout: PageLayout, width: number): boolean {
  // A line that opens with a closing mark (”，。) continues the line before it.
  if (!prev.endsSentence || closesLine.test(next.text)) return false;
  if (paragraphOpener.test(next.text)) return true;
  // The next line two ems short of the column and running on: a paragraph's first line, set in by its
  // indent (2em; the extractor dropped the spaces).
  if (width > 0 && !next.endsSentence && next.width >= width - INDENT - 0.5 && next.width <= width - INDENT + 0.5) return true;
  // A finished sentence at the full width of the body's own column may run on; a shorter line ends there.
  const ownColumn = width > 0 && (!layout.narrowWidth || Math.abs(width - layout.narrowWidth) > 1);
  if (layout.spaced) {
    if (ownColumn) return prev.width < width - 1.5 || prev.width > width + 3;
    return !layout.narrowWidth || prev.width > layout.narrowWidth + 1 || prev.width < layout.narrowWidth - 1;
  }
  // A blank line after a finished sentence ends the paragraph; inside a block only a short last line does.
  if (next.gapBefore && next.index !== prev.index + 1) return true;
  return ownColumn ? prev.width < width - 1.5 || prev.width > width + 3 : !atWrapWidth(prev, layout);
}
