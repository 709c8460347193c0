// Stage: order fragments. poppler's pdftotext (default mode) and pdfminer find no word breaks in CJK
// text, so the lines of a multi-column body come out as text blocks of their own (a line, or a short
// run of one column's lines, a blank line after each), and the blocks are printed row by row across the
// columns side by side, some rows out of step (c1r1, c2r1, c3r1, c1r2, …). This stage puts such a
// fragment soup back into reading order before the lines are classified.
//
// Every block whose last line runs on (a column's full width or set in by the indent, no sentence end:
// it must go on somewhere) is joined to the block that best continues it: the best set of joins taken
// together (an assignment: one successor and one predecessor each), weighed by text continuity (how
// much likelier the characters across the join read as words, word-model.ts; a phrase the page prints
// elsewhere; a number's unit; a mark that never opens a line) and by how far on it was printed (the
// next row of two columns side by side the likeliest, data/fragments.ts). Each chain of joined blocks
// is printed where its first block stood; a block that ends a sentence or a headline is never moved on
// its own evidence (where a paragraph goes on after a sentence, the text does not say: measured, moving
// them lost more articles than it won).
//
// Blocks are moved whole, never cut or merged: every line keeps its text and its source position
// (file, line, column), and the blank lines stay after their blocks, so nothing is lost. The page's
// head (masthead, date, folio: the blocks before its first clause mark or dateline) never moves. A page
// whose blocks already stand in reading order (mutool's pages, a text export) is handed back as it is:
// asked with no preference for any distance, the joins the text is sure of (a word or a number running
// across) lead to the very next block more often than 2 to 4 blocks on, or there are none.
import { fragmentLayout as L, fragmentWeights as w, joinDistanceCost, numberGoesOn } from '../data/fragments.ts';
import { closingMarks } from '../data/punctuation.ts';
import { continuationOpeners } from '../data/threading.ts';
import { assignJoins, countPhrases } from './assign-joins.ts';
import { charLength } from './char-class.ts';
import { endsSentence, opensReport, widthOf } from './line-features.ts';
import type { SourceLine } from './types.ts';
import { joinGain } from './word-model.ts';

/** A run of text lines between blank lines, as printed, with the blank lines after it. */
interface Block {
  /** Place among the page's blocks, as printed. */
  at: number;
  lines: SourceLine[];
  blanks: SourceLine[];
  /** First and last line, trimmed. */
  head: string;
  tail: string;
  headWidth: number;
  tailWidth: number;
}

/** What a line is, against a column width: a full line, a paragraph's set-in first line, or neither. */
type Shape = 'full' | 'indented' | 'other';

export function orderFragments(lines: SourceLine[]): SourceLine[] {
  const { leading, blocks } = blocksOf(lines);
  if (blocks.length < L.minBlocks || !blocks.some(runsOn)) return lines;
  const widths = columnWidths(blocks);
  const evidence = joinEvidence(blocks);
  if (!widths.length || inReadingOrder(blocks, widths, evidence)) return lines;
  // Twice: the joins the text is sure of in a first reading give each block its neighbourhood's stride
  // (the columns side by side there), which the second reading favours.
  const first = linkLines(blocks, widths, joinDistanceCost, evidence);
  const stride = localStrides(blocks, first, evidence);
  const next = linkLines(blocks, widths, (d, at) => joinDistanceCost(d) - (d === stride[at] ? w.strideMatch : 0), evidence);
  return [...leading, ...chains(blocks, next).flat().flatMap((b) => [...b.lines, ...b.blanks])];
}

/**
 * Whether a block's last line runs on: it parts clauses and ends no sentence, so its text must go on
 * somewhere. A page none of whose blocks ends so is no fragment soup: its blocks end where paragraphs,
 * headlines and furniture end, and it is returned as it is before the word model is asked (measured
 * with bench/order-fragments-pretest.ts: every dev and train page this stage reorders has at least one such
 * block, 1 to 26; 441 of the 960 dev and train pages and every bench corpus page have none).
 */
const runsOn = (b: Block): boolean => clauseMark.test(b.tail) && !endsSentence(b.tail);

function blocksOf(lines: SourceLine[]): { leading: SourceLine[]; blocks: Block[] } {
  const leading: SourceLine[] = [];
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = (): void => {
    if (!current.length) return;
    const head = current[0]!.text.trim();
    const tail = current.at(-1)!.text.trim();
    blocks.push({ at: blocks.length, lines: current, blanks: [], head, tail, headWidth: widthOf(head), tailWidth: widthOf(tail) });
    current = [];
  };
  for (const line of lines) {
    if (line.text.trim()) {
      current.push(line);
      continue;
    }
    flush();
    (blocks.at(-1)?.blanks ?? leading).push(line);
  }
  flush();
  return { leading, blocks };
}

/**
 * Column widths: widths (to the half em) that many lines of running text share, a justified column's
 * full lines; the commonest first.
 */
function columnWidths(blocks: Block[]): number[] {
  // Lines of running text that run on: they hold a punctuation mark (headlines and labels seldom do).
  const widths = blocks
    .flatMap((b) => b.lines.map((l) => l.text.trim()))
    .filter((t) => !endsSentence(t) && /\p{P}/u.test(t))
    .map(widthOf)
    .filter((x) => x >= L.minColumnWidth);
  const exact = (c: number): number => widths.filter((x) => x === c).length;
  const near = (c: number): number => widths.filter((x) => Math.abs(x - c) <= L.widthSlack).length;
  const found: number[] = [];
  for (const c of [...new Set(widths)].sort((x, y) => exact(y) - exact(x) || near(y) - near(x) || y - x)) {
    if (near(c) < L.minColumnLines) continue;
    // Not a width already found. (A width set in by the indent from one stays: the page may have
    // columns of both widths, and the lines' shapes are read against each.)
    if (found.some((f) => Math.abs(f - c) <= 1)) continue;
    found.push(c);
  }
  return found;
}

function shapeOf(width: number, column: number): Shape {
  if (width >= column - L.shortBy && width <= column + L.longBy) return 'full';
  if (Math.abs(width - (column - L.indent)) <= L.widthSlack) return 'indented';
  return 'other';
}

/** The column widths a line can belong to, with its shape in each. */
function fits(text: string, widths: number[]): { column: number; shape: Shape }[] {
  const width = widthOf(text);
  return widths.map((column) => ({ column, shape: shapeOf(width, column) })).filter((f) => f.shape !== 'other');
}

/**
 * Whether the blocks already stand in reading order: asked with no preference among the next few
 * blocks, the joins the text is sure of (a word or a number running across) lead to the very next
 * block at least as often as 2 to 4 blocks on. Measured on dev with strong joins counted (next : further
 * on): mutool's pages 3–35 : 0–1, pdftotext's fragment soups 0–2 : 1–26 (one page 0 : 0, left as it is).
 */
function inReadingOrder(blocks: Block[], widths: number[], evidence: JoinEvidence): boolean {
  const flat = linkLines(blocks, widths, (d) => (d >= 1 && d <= L.rowReach ? 0 : w.outsideRow), evidence);
  let next = 0;
  let further = 0;
  for (const [a, b] of flat) {
    if (!strongJoin(blocks[a]!.tail, blocks[b]!.head)) continue;
    if (b - a === 1) next++;
    else if (b - a > 1 && b - a <= L.rowReach) further++;
  }
  return further === 0 || further < next;
}

/**
 * Each block's local stride: how many blocks on the joins found for the blocks near it lead (the
 * commonest distance; ties to the nearer to 2), counting only joins the text is sure of. Where the
 * columns side by side are three, a line's next line is printed 3 blocks on, not 2, and the text alone
 * often cannot tell (开展|林木 and 开展|将组织 read equally well to the word model).
 */
function localStrides(blocks: Block[], next: Map<number, number>, evidence: JoinEvidence): (number | undefined)[] {
  const sure = [...next].filter(([a, b]) => Math.abs(b - a) <= L.strideSpan && evidence.score(blocks[a]!, blocks[b]!) >= w.strideEvidence);
  return blocks.map((_, at) => {
    const tally = new Map<number, number>();
    for (const [a, b] of sure) if (a !== at && Math.abs(a - at) <= L.strideReach) tally.set(b - a, (tally.get(b - a) ?? 0) + 1);
    let best: number | undefined;
    let most = 0;
    for (const [d, n] of tally) if (best === undefined || n > most || (n === most && Math.abs(d - 2) < Math.abs(best - 2))) [best, most] = [d, n];
    return best;
  });
}

function strongJoin(tail: string, head: string): boolean {
  return joinGain(tail, head) >= w.strongGain || numberRunsOn(tail, head);
}

/**
 * The block that continues each block whose last line runs on (block index → block index), the best
 * set taken together, `cost(d, at)` for a block printed `d` blocks on (negative: back) from the block
 * at `at`.
 */
function linkLines(blocks: Block[], widths: number[], cost: (d: number, at: number) => number, evidence: JoinEvidence): Map<number, number> {
  const widest = Math.max(...widths);
  // Tails: a body line (a column's full or set-in width), or a dateline standing apart from its text
  // (本报讯). A line of running text wider than any column found (a box's wider lines, a clause mark in
  // it) is a column of its own.
  const columnsOf = (b: Block): number[] => {
    const found = fits(b.tail, widths).map((f) => f.column);
    return found.length || !clauseMark.test(b.tail) || b.tailWidth <= widest ? found : [b.tailWidth, b.tailWidth + L.indent];
  };
  // The page's head (masthead, date, folio) is printed before its first line of running text (a
  // clause mark in it) or its first dateline: it stays.
  const text = blocks.findIndex((b) => opensReport(b.head) || b.lines.some((l) => clauseMark.test(l.text)));
  const tails = blocks
    .filter((b) => b.at >= text && !endsSentence(b.tail))
    .map((b) => ({ b, columns: columnsOf(b), dateline: opensReport(b.tail) && b.lines.length === 1 }))
    .filter((t) => t.columns.length || t.dateline);
  // The head continues a line of the column: it is full width too, or shorter and ends a sentence (a
  // paragraph's last line). A line opening a report continues nothing.
  const score = (r: number, c: number): number | null => {
    const t = tails[r]!;
    const h = blocks[c]!;
    const d = h.at - t.b.at;
    if (d === 0 || d > L.reachAhead || -d > L.reachBack || h.at < text || opensReport(h.head)) return null;
    if (!t.dateline && !t.columns.some((x) => shapeOf(h.headWidth, x) === 'full' || (endsSentence(h.head) && h.headWidth <= x + L.longBy))) return null;
    return evidence.score(t.b, h) - cost(d, t.b.at);
  };
  const none = (r: number): number => (innerMark.test(tails[r]!.b.tail) ? w.endAfterRunOn : w.endAfterBare);
  const found = assignJoins(tails.length, blocks.length, score, none);
  return new Map([...found].map(([r, c]) => [tails[r]!.b.at, c]));
}

/**
 * What the page's text says of a join, for the reading-order test and the linking alike (both ask it
 * of the same pairs): the phrases the page prints, counted once on first need, and each pair's
 * joinScoreOf, computed once (each line's ends read once).
 */
interface JoinEvidence {
  score(tail: Block, head: Block): number;
}

function joinEvidence(blocks: Block[]): JoinEvidence {
  let corpus: Map<string, number> | null = null;
  const known = new Map<number, number>();
  const tails: (TailEnd | undefined)[] = [], heads: (HeadEnd | undefined)[] = [];
  return {
    score(tail, head) {
      const key = tail.at * blocks.length + head.at;
      let s = known.get(key);
      if (s === undefined) {
        corpus ??= countPhrases(blocks.flatMap((b) => b.lines.map((l) => l.text.trim())), L.minPhrase, L.maxPhrase);
        s = joinScoreOf((tails[tail.at] ??= tailEnd(tail.tail)), (heads[head.at] ??= headEnd(head.head)), corpus);
        known.set(key, s);
      }
      return s;
    },
  };
}

/** Marks inside running text (headlines seldom print them; quotes and brackets they do). */
const innerMark = /[，,、；;：:。！？]/u;

/** Marks parting the clauses of running text (a label's colon is none: 第07版：民生). */
const clauseMark = /[，,、；;]/u;

/** A line that opens a report (a dateline, 本报讯 …) continues no line. */
/**
 * Items in reading order: each chain of joins (`next`: item → the item that goes on from it) from an
 * item nothing goes on to, the chains in the order their first items stand. A cycle (joins only, no
 * start) is read from its item printed first.
 */
function chains<T>(items: T[], next: Map<number, number>): T[][] {
  const continued = new Set(next.values());
  const seen = new Set<number>();
  const out: { at: number; chain: T[] }[] = [];
  const walk = (start: number): void => {
    const chain: T[] = [];
    for (let i: number | undefined = start; i !== undefined && !seen.has(i); i = next.get(i)) {
      seen.add(i);
      chain.push(items[i]!);
    }
    out.push({ at: start, chain });
  };
  items.forEach((_, i) => {
    if (!continued.has(i)) walk(i);
  });
  items.forEach((_, i) => {
    if (!seen.has(i)) walk(i);
  });
  return out.sort((a, b) => a.at - b.at).map((c) => c.chain);
}

function numberRunsOn(tail: string, head: string): boolean {
  return /\d$/u.test(tail) && numberGoesOn.test(head);
}

const opensClosed = new RegExp(`^[${closingMarks}]`, 'u');

/** What joinScoreOf reads of a line's end (its last 4 characters, their closing run of Han) and of a line's start. */
interface TailEnd {
  tail: string;
  left: string;
}
interface HeadEnd {
  head: string;
  right: string;
  /** What the mark opening the line adds: a mark that never opens a line, a continuation word. */
  opener: number;
}

function tailEnd(a: string): TailEnd {
  const tail = lastChars(a, 4);
  return { tail, left: /\p{Script=Han}+$/u.exec(tail)?.[0] ?? '' };
}

function headEnd(b: string): HeadEnd {
  const head = firstChars(b, 4);
  const opener = opensClosed.test(head) ? w.opensWithCloser : continuationOpeners.has(firstChars(head, 1)) ? w.continuationOpener : 0;
  return { head, right: /^\p{Script=Han}+/u.exec(head)?.[0] ?? '', opener };
}

/** How well a block's head continues a block's tail: words across the join, a phrase printed elsewhere, a number's unit, a mark. */
function joinScoreOf({ tail, left }: TailEnd, { head, right, opener }: HeadEnd, corpus: Map<string, number>): number {
  let score = w.perGain * Math.min(w.maxGain, joinGain(tail, head)) - w.noWordAcross;
  if (numberRunsOn(tail, head)) score += w.numberAcross;
  // A run of Han characters across the join (a name, a term: 摊主黎|小满 … 黎小满收摊) printed elsewhere.
  // (Code units on both sides, so a phrase of l + r units; whether there is one is all that counts.)
  let printed = false;
  for (let l = 1; l <= left.length && !printed; l++) {
    for (let r = Math.max(1, L.minPhrase - l); r <= right.length; r++) {
      if ((corpus.get(left.slice(-l) + right.slice(0, r)) ?? 0) > 0) {
        printed = true;
        break;
      }
    }
  }
  if (printed) score += w.phraseAcross;
  if (opener) score += opener;
  return score;
}

/** The first `n` characters (code points) of a text, as `[...text].slice(0, n).join('')` without spreading all of it. */
function firstChars(text: string, n: number): string {
  let end = 0;
  for (let k = 0; k < n && end < text.length; k++) end += charLength(text, end);
  return text.slice(0, end);
}

/** The last `n` characters (code points) of a text. */
function lastChars(text: string, n: number): string {
  let start = text.length;
  for (let k = 0; k < n && start > 0; k++) {
    const low = text.charCodeAt(start - 1);
    const high = start >= 2 ? text.charCodeAt(start - 2) : 0;
    start -= low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  }
  return text.slice(start);
}
