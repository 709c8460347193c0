// Stage: classify lines. A seed page's lines → each content line with its features and its role
// (body, heading, subtitle, byline, furniture), plus the page's layout. Pure: no context beyond the
// page (widths are compared with the page's own wrap width).
import { bylineStart, captionCredit, closingCredit, dashSubtitle, datelineStart, decoratedHead, paragraphOpener, speakerLine } from '../data/article-lines.ts';
import { furniturePatterns } from '../data/furniture.ts';
import { closers, fullWidth, runOn, sentenceEnd, sentenceInside } from '../data/punctuation.ts';
import type { FurnitureKind, SourceLine } from './types.ts';

export type LineRole = 'body' | 'heading' | 'subtitle' | 'byline' | 'furniture';

export interface ClassifiedLine {
  /** Index of the line in the page's line list. */
  index: number;
  source: SourceLine;
  /** The line trimmed, Markdown marks (`#`, `**`) taken off. */
  text: string;
  role: LineRole;
  furniture: FurnitureKind | null;
  /** Printed width in ems (CJK 1, ASCII ½). */
  width: number;
  /** A blank line stands between this line and the previous content line. */
  gapBefore: boolean;
  /** The line ends a sentence (。！？； with any closing quotes) or a photo caption (… ■ 张晶). */
  endsSentence: boolean;
  /** The line opens a report with a dateline (本报讯, 新华社…电). */
  dateline: boolean;
  /** Marked as a Markdown heading (`#`, `##`). */
  marked: boolean;
  /** A headline-like line decorated as an in-text section head (……◀ … ▶……). */
  decorated: boolean;
  /** The line ends a photo caption with its credit (…使命。 ■ 张晶). */
  captionEnd: boolean;
}

export interface PageLayout {
  /** Every line stands in its own blank-separated block (a blank after each line): paragraphs are lines. */
  spaced: boolean;
  /** The usual width of a wrapped body line, in ems (0 when lines are not wrapped). */
  wrapWidth: number;
  /** On a spaced page, the width of a narrow column's lines that run on (0 when there is none). */
  narrowWidth: number;
}

export interface ClassifyResult {
  lines: ClassifiedLine[];
  layout: PageLayout;
}

export function classifyLines(lines: SourceLine[], skip: Set<number>): ClassifyResult {
  const content: ClassifiedLine[] = [];
  let gap = false;
  lines.forEach((source, index) => {
    if (source.text.trim() === '') {
      gap = true;
      return;
    }
    if (skip.has(index)) {
      gap = true;
      return;
    }
    // A line set in by a space opens a new text frame, as a blank line does.
    content.push(describeLine(source, index, gap || /^[ \u3000]\S/u.test(source.text)));
    gap = false;
  });
  const layout = measureLayout(content);
  for (const line of content) line.role = roleOf(line);
  keepRunOnLinesInBody(content);
  if (layout.spaced && layout.narrowWidth && interleaved(content, layout.narrowWidth)) keepNarrowColumnsInBody(content, layout);
  else if (layout.spaced) keepWrappedLinesInBody(content);
  else keepBlocksWhole(content, layout);
  // Again, now that wrapped lines that looked like headlines are body.
  keepRunOnLinesInBody(content);
  return { lines: content, layout };
}

/**
 * Bylines and subtitles stand apart from body text. A line that looks like one but follows a body
 * line directly (no blank) is a wrapped body line that happens to start with 记者 or a dash, or end
 * with 主持: a byline or dash subtitle when the sentence before runs on into it, a speaker line
 * whenever body text precedes it.
 */
function keepRunOnLinesInBody(lines: ClassifiedLine[]): void {
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (line.gapBefore || prev?.role !== 'body') return;
    // A photo credit wrapped onto the next line (…增长221.5%。 ■ / 本报通讯员 王少霏, or …■ 本报通 /
    // 讯员 王少霏): that line ends the caption. After a whole credit, only a short remainder goes on: the
    // end of a name (霏), or a role and a name (讯员 王少霏), not a headline printed under the caption.
    const remainder = line.width <= 3 || (line.width <= 8 && /\s/u.test(line.text));
    const creditGoesOn = !/[。！？!?]/u.test(line.text) && (!prev.captionEnd || remainder);
    if (creditGoesOn && captionCredit.test(prev.text + line.text)) {
      Object.assign(prev, { captionEnd: false, endsSentence: endsSentence(prev.text) });
      Object.assign(line, { role: 'body', captionEnd: true, endsSentence: true });
      return;
    }
    const runsOn = !prev.endsSentence;
    if (((line.role === 'byline' || line.role === 'subtitle') && runsOn) || (line.role === 'subtitle' && speakerLine.test(line.text))) line.role = 'body';
  });
}

/** A narrow column's lines and wide paragraphs alternate: a sentence runs on from one into the other. */
function interleaved(lines: ClassifiedLine[], narrow: number): boolean {
  const isNarrow = (l: ClassifiedLine): boolean => l.width <= narrow + 1;
  const isWide = (l: ClassifiedLine): boolean => l.width >= narrow * 2;
  const switches = lines.filter((l, i) => {
    const next = lines[i + 1];
    return next && !l.endsSentence && ((isNarrow(l) && isWide(next)) || (isWide(l) && isNarrow(next)));
  });
  return switches.length >= 2;
}

/**
 * On a spaced page, a line after a body line that runs on (mid-sentence) continues it, and a line
 * holding a clause or an enumeration (， 、) that runs on into body text is a paragraph's first line.
 */
function keepWrappedLinesInBody(lines: ClassifiedLine[]): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!, next = lines[i + 1];
    if (line.role === 'heading' && !line.marked && !line.decorated && /[，,、]/u.test(line.text) && next?.role === 'body' && !next.dateline) line.role = 'body';
  }
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (line.role === 'heading' && !line.marked && !line.decorated && prev?.role === 'body' && !prev.endsSentence) line.role = 'body';
  });
}

/** A blank-separated block that holds prose (a body line, clauses) is all body: its headline-like lines are wrapped lines. */
function keepBlocksWhole(lines: ClassifiedLine[], layout: PageLayout): void {
  // Blocks are split where text surely ends or starts: after a paragraph's short last line, around
  // datelines, bylines, subtitles and furniture. A page printed without blank lines still has these.
  const ends = (l: ClassifiedLine): boolean => l.endsSentence && !atWrapWidth(l, layout);
  // (A rule line is no such edge: a Markdown `---` may stand inside quoted text.)
  const apart = (l: ClassifiedLine): boolean => l.role === 'byline' || l.role === 'subtitle' || (l.role === 'furniture' && l.furniture !== 'other');
  // Headline-like lines (no clause: no comma) after a sentence's end that lead straight to a dateline,
  // byline, subtitle or a line opening a report (a date: 3月18日，…) are a headline group even when
  // that sentence ends at the wrap width: body text ends a sentence before those. Returns the index of
  // the line after the group, or -1.

  const headlineGroupEnd = (i: number): number => {
    let k = i;
    while (lines[k]?.role === 'heading' && !lines[k]!.marked && !/[，,]/u.test(lines[k]!.text) && (k === i || !lines[k]!.gapBefore)) k++;
    const next = lines[k];
    return k > i && next !== undefined && !next.gapBefore && (next.dateline || apart(next) || paragraphOpener.test(next.text)) ? k : -1;
  };
  let start = 0;
  let groupEnd = -1;
  for (let i = 1; i <= lines.length; i++) {
    const line = lines[i], prev = lines[i - 1]!;
    const group = prev.endsSentence && i !== groupEnd ? headlineGroupEnd(i) : -1;
    if (line && !line.gapBefore && !line.dateline && !ends(prev) && !apart(line) && !apart(prev) && group < 0 && i !== groupEnd) continue;
    if (group >= 0) groupEnd = group;
    const block = lines.slice(start, i);
    const commas = block.reduce((n, l) => n + (l.text.match(/[，,]/gu)?.length ?? 0), 0);
    // A full line that runs on into body text is wrapped body, whatever it looks like (not the last
    // line of a headline group found above: the line after it opens a report).
    const runsIntoBody = i !== groupEnd && line?.role === 'body' && !line.gapBefore && !line.dateline && !prev.endsSentence && layout.wrapWidth > 0 && prev.width >= layout.wrapWidth - 1;
    // A block's first line well short of the wrap width, with no punctuation, right after a finished
    // paragraph (no blank: after a blank it may be a fragment cut off by a column break) is no wrapped
    // line of prose but a head over the text (a section head, 小标题, on a page without blank lines).
    const head = (l: ClassifiedLine): boolean =>
      l === block[0] && block.length > 1 && !l.gapBefore && layout.wrapWidth > 0 && l.width < layout.wrapWidth - 3 && !/\p{P}/u.test(l.text);
    if (commas >= 2 || runsIntoBody || block.some((l) => l.role === 'body')) for (const l of block) if (l.role === 'heading' && !l.marked && !head(l)) l.role = 'body';
    start = i;
  }
}

/**
 * On a spaced page a narrow column (its lines wrapped at `narrowWidth`) may run between wide
 * paragraphs: a headline-like line of that width next to the column's run-on lines is one of them.
 */
function keepNarrowColumnsInBody(lines: ClassifiedLine[], layout: PageLayout): void {
  const narrow = layout.narrowWidth;
  if (!narrow) return;
  const inBand = (l: ClassifiedLine | undefined): boolean =>
    l !== undefined && (l.role === 'body' || l.role === 'heading') && !l.marked && l.width >= narrow - 4 && l.width <= narrow + 1;
  const runOn = (l: ClassifiedLine | undefined): boolean => inBand(l) && !l!.endsSentence;
  lines.forEach((line, i) => {
    if (line.role !== 'heading' || line.decorated || !inBand(line)) return;
    // A line as wide as the column looks further for its neighbours than an indented one.
    const reach = line.width >= narrow - 1 ? 4 : 2;
    for (let j = i - reach; j <= i + reach; j++) if (j !== i && runOn(lines[j])) line.role = 'body';
  });
}

/** Markdown marks around a line: `## ` headings, `**bold**`, `<autolinks>` keep their text. */
function stripMarks(text: string): string {
  return text.trim().replace(/^#{1,6}\s*/u, '').replace(/\*\*/gu, '').trim();
}

/** Spaces put between every character of a letter-spaced line (今 日 导 读) taken out. */
export function collapseLetterSpacing(text: string): string {
  const tokens = text.split(/[ \u3000]+/u).filter(Boolean);
  const single = tokens.filter((t) => [...t].length === 1).length;
  return tokens.length >= 4 && single / tokens.length >= 0.6 ? tokens.join('') : text;
}

function widthOf(text: string): number {
  let w = 0;
  for (const c of text) w += fullWidth.test(c) ? 1 : 0.5;
  return w;
}

/** The line ends a sentence (。！？； behind any closing quotes), or a bracketed note closes it. */
export function endsSentence(text: string): boolean {
  const chars = [...text.trim()];
  while (chars.length && closers.has(chars.at(-1)!)) {
    const closer = chars.pop()!;
    // （下转8版）, (融媒体 …): a bracketed note closes what precedes it.
    if (closer === '）' || closer === ')') return true;
  }
  const last = chars.at(-1);
  if (last === '.') return !/\d\.$/u.test(chars.join(''));
  return last !== undefined && sentenceEnd.has(last);
}

function describeLine(source: SourceLine, index: number, gapBefore: boolean): ClassifiedLine {
  const trimmed = source.text.trim();
  const text = stripMarks(trimmed);
  const captionEnd = captionCredit.test(text);
  return {
    index,
    source,
    text,
    role: 'body',
    furniture: null,
    width: widthOf(text),
    gapBefore,
    // A photo credit closes its caption as a full stop would.
    endsSentence: captionEnd || endsSentence(text),
    dateline: datelineStart.some((p) => p.test(text)),
    marked: /^#{1,6}\s/u.test(trimmed),
    decorated: decoratedHead.test(text),
    captionEnd,
  };
}

/** Layout: spaced when nearly every line has a blank before it; wrap width = the usual full body line. */
function measureLayout(lines: ClassifiedLine[]): PageLayout {
  const spaced = lines.length > 0 && lines.filter((l) => l.gapBefore).length / lines.length > 0.75;
  // A wrapped line is one followed directly (no blank) by more text of the same paragraph.
  const widths = lines
    .filter((l, i) => !l.endsSentence && lines[i + 1] && !lines[i + 1]!.gapBefore)
    .map((l) => Math.round(l.width))
    .sort((a, b) => a - b);
  // On a spaced page a narrow column shows as many short lines of one width that run on into the next:
  // cut from running text, most hold a punctuation mark; headlines and section heads (小标题) seldom do.
  const short = spaced ? lines.filter((l) => l.width <= 24 && !l.endsSentence && !l.marked && /\p{P}/u.test(l.text)) : [];
  let narrowWidth = 0;
  let best = 4;
  for (const w of new Set(short.map((l) => Math.round(l.width)))) {
    const count = short.filter((l) => l.width >= w - 1 && l.width <= w + 0.5).length;
    if (count > best || (count === best && w < narrowWidth)) [best, narrowWidth] = [count, w];
  }
  return {
    spaced,
    wrapWidth: widths.length >= 3 ? widths[Math.floor(widths.length / 2)]! : 0,
    narrowWidth,
  };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** A line as wide as the page's wrapped lines (it may run on); shorter or much longer lines end there. */
export function atWrapWidth(line: ClassifiedLine, layout: PageLayout): boolean {
  return layout.wrapWidth > 0 && line.width >= layout.wrapWidth - 1.5 && line.width <= layout.wrapWidth + 3;
}

/** Text that could be a headline: short, no sentence inside, not ending a sentence or running on. */
function headlineLike(line: ClassifiedLine): boolean {
  const last = [...line.text].at(-1) ?? '';
  return (
    // One headline is at most a column's width; parts glued with spaces (引题 主题 副题) at most twice that.
    (line.width <= 40 || (line.width <= 80 && line.text.split(/[ \u3000]+/u).every((part) => widthOf(part) <= 40))) &&
    !line.endsSentence &&
    !sentenceInside.test(line.text) &&
    !runOn.has(last) &&
    !line.dateline &&
    // An enumeration (、) with a clause (，) is prose; a 副题 may list (提升1个位次、6个位次).
    !(line.text.includes('、') && /[，,]/u.test(line.text)) &&
    // A quotation or bracket left open runs on into the next line.
    count(line.text, /[“「（(]/gu) <= count(line.text, /[”」）)]/gu) &&
    (line.text.match(/[，,]/gu)?.length ?? 0) <= 1
  );
}

function roleOf(line: ClassifiedLine): LineRole {
  if (line.decorated) return 'heading';
  const flat = collapseLetterSpacing(line.text);
  for (const f of furniturePatterns) {
    if (f.pattern.test(flat)) {
      line.furniture = f.kind;
      return 'furniture';
    }
  }
  // A byline names people; a comma makes the line a clause of a sentence (记者从…获悉，).
  if (bylineStart.test(line.text) && line.width <= 30 && !line.endsSentence && !sentenceInside.test(line.text) && !/[，,]/u.test(line.text)) return 'byline';
  if (closingCredit.test(line.text)) return 'body';
  if (dashSubtitle.test(line.text) && line.width <= 40 && !sentenceInside.test(line.text)) return 'subtitle';
  if (line.marked || line.decorated) return 'heading';
  if (speakerLine.test(line.text)) return 'subtitle';
  if (!headlineLike(line)) return 'body';
  return 'heading';
}
