// Stage: describe lines. A page's lines → one immutable feature record per content line (what it
// measures, how it ends, which hard patterns it matches, where it stands among blank lines) and the
// page's layout (its measured column widths). The labeller (classify-lines.ts) weighs these; nothing
// here decides a role.
import {
  boxLabels,
  bylineStart,
  captionCredit,
  captionCreditNeeds,
  closingCredit,
  dashSubtitle,
  datelineNeeds,
  datelineStart,
  decoratedHead,
  decoratedHeadNeeds,
  headlineCues,
  kickerEnding,
  paragraphOpener,
  shotCredit,
  shotCreditNeeds,
  speakerLine,
  speakerLineNeeds,
} from '../data/article-lines.ts';
import { furniturePatterns } from '../data/furniture.ts';
import { continuationOpeners } from '../data/threading.ts';
import { closers, closingMarks, fullWidth, runOn, sentenceEnd, sentenceInside } from '../data/punctuation.ts';
import { charClass, charLength, CharPresence } from './char-class.ts';
import type { BlockPosition, LineEnding, LineFeatures, PageLayout, SourceLine } from './types.ts';

export interface DescribeResult {
  lines: LineFeatures[];
  layout: PageLayout;
}

const opensClosed = new RegExp(`^[${closingMarks}]`, 'u');

// The patterns asked of every line, each only of lines holding one of the characters it needs
// (data/article-lines.ts, data/furniture.ts): one pass over the line finds which of those it holds.
const needed = new CharPresence('');
const quick = (pattern: RegExp, needs: string) => {
  const bits = needed.bits(needs);
  return (text: string, held: number): boolean => (held & bits) !== 0 && pattern.test(text);
};
const isCaptionCredit = quick(captionCredit, captionCreditNeeds);
const isShotCredit = quick(shotCredit, shotCreditNeeds);
/** A text ending in a photo credit: after a mark (■ 本报记者 …) or with 摄. */
const creditOf = (text: string, held: number): boolean => isCaptionCredit(text, held) || isShotCredit(text, held);
const isDecoratedHead = quick(decoratedHead, decoratedHeadNeeds);
const isSpeakerLine = quick(speakerLine, speakerLineNeeds);
const datelineBits = needed.bits(datelineNeeds);
const furnitureTests = furniturePatterns.map((f) => ({ kind: f.kind, test: f.needs ? quick(f.pattern, f.needs) : (text: string) => f.pattern.test(text) }));
const cuePatterns = Object.entries(headlineCues);

export function describeLines(lines: SourceLine[], skip: Set<number>): DescribeResult {
  // Content lines with the blank (or skipped masthead) lines around them.
  const kept: { source: SourceLine; index: number; gapBefore: boolean }[] = [];
  let gap = false;
  lines.forEach((source, index) => {
    if (source.text.trim() === '' || skip.has(index)) {
      gap = true;
      return;
    }
    // A line set in by a space opens a new text frame, as a blank line does.
    kept.push({ source, index, gapBefore: gap || /^[ \u3000]\S/u.test(source.text) });
    gap = false;
  });
  const base = kept.map(({ source, index, gapBefore }, i) => {
    const gapAfter = kept[i + 1]?.gapBefore ?? true;
    return measure(source, index, gapBefore, gapAfter);
  });
  const credited = base.map((l, i) => ({ ...l, captionEnd: creditEndsAt(base, i) }));
  const layout = measureLayout(credited);
  const inCaption = creditedParagraphs(credited, layout);
  const described = credited.map((l, i) => ({ ...l, widthRatio: layout.wrapWidth ? l.width / layout.wrapWidth : 0, creditedParagraph: inCaption[i]! }));
  return { lines: described, layout };
}

/**
 * A caption's credit may be wrapped onto the next line (…增长221.5%。 ■ / 本报通讯员 王少霏; …踏青。 本报记者
 * 严可 / 心 摄): the credit ends on that line.
 */
function creditEndsAt(lines: readonly Omit<LineFeatures, 'widthRatio' | 'creditedParagraph'>[], i: number): boolean {
  const line = lines[i]!, next = lines[i + 1], prev = lines[i - 1];
  // A short rest of a credit: the end of a name (霏), a role and a name (讯员 王少霏); no sentence in it.
  const rest = (l: typeof line, before: typeof line): boolean =>
    !l.gapBefore && !/[。！？!?]/u.test(l.text) && (l.width <= 3 || (l.width <= 9 && /\s/u.test(l.text)) || !before.captionEnd) && creditOf(before.text + l.text, needed.mask(before.text) | needed.mask(l.text));
  if (next && rest(next, line)) return false;
  return line.captionEnd || (prev !== undefined && rest(line, prev));
}

/**
 * For each line, whether its paragraph ends with a photo credit. A paragraph ends after a finished
 * sentence (or a bracketed note) before a blank, or after a sentence short of the column's width (a
 * blank inside a sentence is a column break; a bracket closing mid-line, （RCEP）, ends nothing).
 */
function creditedParagraphs(lines: readonly { gapBefore: boolean; ending: LineEnding; captionEnd: boolean; width: number }[], layout: PageLayout): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  let start = 0;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const finished = line.ending === 'sentence' || line.ending === 'bracket';
    const ends = !next || line.captionEnd || (finished && next.gapBefore) || (line.ending === 'sentence' && !atWrapWidth(line, layout));
    if (!ends) return;
    if (line.captionEnd) out.fill(true, start, i + 1);
    start = i + 1;
  });
  return out;
}

/** Spaces put between every character of a letter-spaced line (今 日 导 读) taken out. */
export function collapseLetterSpacing(text: string): string {
  const tokens = text.split(/[ \u3000]+/u).filter(Boolean);
  const single = tokens.filter((t) => [...t].length === 1).length;
  return tokens.length >= 4 && single / tokens.length >= 0.6 ? tokens.join('') : text;
}

/** Printed width in ems: full-width characters 1, others ½. */
export function widthOf(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    if (charLength(text, i) === 2) {
      w += fullWidthChar.has(text.slice(i, i + 2)) ? 1 : 0.5;
      i++;
    } else w += fullWidthChar.hasUnit(text.charCodeAt(i)) ? 1 : 0.5;
  }
  return w;
}

const fullWidthChar = charClass(fullWidth);

/** The line ends a sentence (。！？； behind any closing quotes), or a bracketed note closes it. */
/** True when the text opens a report: a dateline (本报讯, 新华社…电; data/article-lines.ts). */
export function opensReport(text: string): boolean {
  return datelineStart.some((p) => p.test(text));
}

export function endsSentence(text: string): boolean {
  const e = endingOf(text);
  return e === 'sentence' || e === 'bracket';
}

/** A line as wide as the page's wrapped lines (it may run on); shorter or much longer lines end there. */
export function atWrapWidth(line: { width: number }, layout: PageLayout): boolean {
  return layout.wrapWidth > 0 && line.width >= layout.wrapWidth - 1.5 && line.width <= layout.wrapWidth + 3;
}

function endingOf(text: string): LineEnding {
  // By code unit from the end: the closers and end marks are all single BMP characters, so half of a
  // surrogate pair is never one of them, as the whole pair is not.
  const t = text.trim();
  let end = t.length;
  let quoted = false;
  while (end > 0 && closers.has(t[end - 1]!)) {
    const closer = t[--end]!;
    // （下转8版）, (融媒体 …): a bracketed note closes what precedes it.
    if (closer === '）' || closer === ')') return 'bracket';
    quoted = true;
  }
  if (end === 0) return quoted ? 'quote' : 'text';
  const last = t[end - 1]!;
  if (last === '.') return /\d\.$/u.test(t.slice(0, end)) ? 'text' : 'sentence';
  if (sentenceEnd.has(last)) return 'sentence';
  if (runOn.has(last)) return 'clause';
  return quoted ? 'quote' : 'text';
}

/** Markdown marks around a line: `## ` headings, `**bold**` keep their text. */
function stripMarks(text: string): string {
  return text.trim().replace(/^#{1,6}\s*/u, '').replace(/\*\*/gu, '').trim();
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function blockPosition(gapBefore: boolean, gapAfter: boolean): BlockPosition {
  if (gapBefore && gapAfter) return 'single';
  if (gapBefore) return 'first';
  if (gapAfter) return 'last';
  return 'inner';
}

/** The cues of Chinese headline writing a line shows (article-lines.ts `headlineCues`, `kickerEnding`, `boxLabels`). */
function cuesOf(text: string): string[] {
  const cues: string[] = [];
  for (const [name, pattern] of cuePatterns) if (pattern.test(text)) cues.push(name);
  if (kickerEnding.test(text)) cues.push('kickerEnding');
  if (boxLabels.some((label) => text.startsWith(label) && text.length > label.length)) cues.push('boxLabelStart');
  if (boxLabels.includes(text)) cues.push('boxLabel');
  return cues;
}

function measure(source: SourceLine, index: number, gapBefore: boolean, gapAfter: boolean): Omit<LineFeatures, 'widthRatio' | 'creditedParagraph'> {
  const trimmed = source.text.trim();
  const text = stripMarks(trimmed);
  const flat = collapseLetterSpacing(text);
  // flat holds the line's characters less spaces: what the text holds serves it too.
  const held = needed.mask(text);
  const captionEnd = creditOf(text, held);
  const ending = endingOf(text);
  const decorated = isDecoratedHead(text, held);
  return {
    index,
    source,
    text,
    width: widthOf(text),
    ending,
    // A photo credit closes its caption as a full stop would.
    endsSentence: captionEnd || ending === 'sentence' || ending === 'bracket',
    opensWithCloser: opensClosed.test(text),
    opensWithContinuation: continuationOpeners.has(text.slice(0, charLength(text, 0))),
    punctuationOnly: /^[\p{P}\s]+$/u.test(text),
    commas: count(text, /[，,]/gu),
    sentenceInside: sentenceInside.test(text.replace(/[。；;]$/u, '')),
    openBracket: count(text, /[“「（(《]/gu) > count(text, /[”」）)》]/gu),
    gapBefore,
    gapAfter,
    block: blockPosition(gapBefore, gapAfter),
    marked: /^#{1,6}\s/u.test(trimmed),
    // A short dateline the engine letter-spaced to the column's width (新 华 社 湄 川 1 月 16 日 电) is read with its spaces out.
    dateline: (held & datelineBits) !== 0 && datelineStart.some((p) => p.test(text) || (flat !== text && p.test(flat))),
    byline: bylineStart.test(text),
    closingCredit: closingCredit.test(text),
    captionEnd,
    dashSubtitle: dashSubtitle.test(text),
    speakerLine: isSpeakerLine(text, held),
    decorated,
    paragraphOpener: paragraphOpener.test(text),
    // A section head decorated with rules (……◀ 瞄准突出问题发力 ▶……) is no banner between dots.
    furniture: decorated ? null : (furnitureTests.find((f) => f.test(flat, held))?.kind ?? null),
    cues: cuesOf(text),
  };
}

/** Layout: spaced when nearly every line has a blank before it; wrap width = the usual full body line. */
function measureLayout(lines: Omit<LineFeatures, 'widthRatio' | 'creditedParagraph'>[]): PageLayout {
  const spaced = lines.length > 0 && lines.filter((l) => l.gapBefore).length / lines.length > 0.75;
  const blankless = lines.length > 3 && lines.slice(1).every((l) => !l.gapBefore);
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
    const n = short.filter((l) => l.width >= w - 1 && l.width <= w + 0.5).length;
    if (n > best || (n === best && w < narrowWidth)) [best, narrowWidth] = [n, w];
  }
  return {
    spaced,
    blankless,
    wrapWidth: widths.length >= 3 ? widths[Math.floor(widths.length / 2)]! : 0,
    narrowWidth,
  };
}
