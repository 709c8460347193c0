// Stage: split columns. PDF text extractors that read a page row by row (poppler's pdftotext default
// mode, mupdf) put two or three columns printed side by side on one line, parted by a space or a few:
// `…记者 区,建设全市区域经济…`. This stage finds the blocks of lines that carry columns and gives
// each column its own lines again, in reading order: column 1's lines, then column 2's, then column 3's.
//
// The evidence is weighed over a whole block (a run of lines without a blank between them), never one
// line: a column edge is a display offset (CJK 2, other characters 1) at which many lines show a gap;
// each column line is then about one column wide (a justified column), save a paragraph's first line
// (set in) and last (shorter, ending a sentence); and a dictionary word running across a gap says the
// space is an ordinary one inside running text. A line that fits no column reading (a headline
// spanning the columns, a wide paragraph) stays as printed and ends the columned run. Lines the
// extractor printed with fewer pieces than there are columns (a column that ended early, a row set
// apart) go to the column whose text they best continue.
//
// Nothing is lost or moved within a column: every character stays, in its column's order, and every
// produced line keeps its file and line and the column of its first character. Only the spaces of a
// gap between columns are dropped.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { columnLayout as L, columnWeights as w } from '../data/columns.ts';
import { closers, closingMarks, fullWidth, sentenceEnd } from '../data/punctuation.ts';
import type { SourceLine } from './types.ts';

let jieba: Jieba | null = null;
/** The dictionary segmenter, loaded on first use (only pages with gaps at a column edge need it). */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** A run of text between spaces, with its place in the line (code units) and its display offsets. */
interface Piece {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** One column's part of a printed line. */
interface Segment {
  source: SourceLine;
  text: string;
  start: number;
  width: number;
}

/** A line read under a column width: its segments, and the score of that reading (gaps, less penalties). */
interface Reading {
  segments: Segment[];
  score: number;
  /** How far the segments before the last stray from the column width, summed (ties go to the least). */
  stray: number;
  /** Gaps taken across which a word runs. */
  wordGaps: number;
}

export function splitColumns(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => / \S/u.test(l.text.trim()))) return lines;
  const out: SourceLine[] = [];
  let block: SourceLine[] = [];
  const flush = (): void => {
    if (block.length) out.push(...splitBlock(block));
    block = [];
  };
  for (const line of lines) {
    if (line.text.trim()) {
      block.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}

/** A block's lines with its columned runs given back in column order. */
function splitBlock(block: SourceLine[]): SourceLine[] {
  if (block.length < L.minSplitLines) return block;
  const pieces = block.map(piecesOf);
  const width = columnWidth(block, pieces);
  if (width === null) return block;
  const readings = block.map((line, i) => readLine(line, pieces[i]!, width));
  const out: SourceLine[] = [];
  let i = 0;
  while (i < block.length) {
    // A columned run: from a line read as several columns up to the next line no column reading fits.
    if (!readings[i] || readings[i]!.segments.length < 2) {
      out.push(block[i++]!);
      continue;
    }
    let end = i;
    while (end < block.length && readings[end]) end++;
    const run = readings.slice(i, end) as Reading[];
    out.push(...(isColumned(run) ? restoreColumns(run, width) : block.slice(i, end)));
    i = end;
  }
  return out;
}

/** Enough lines read as columns, and their gaps mostly not inside words. */
function isColumned(run: Reading[]): boolean {
  const split = run.filter((r) => r.segments.length > 1);
  const gaps = split.reduce((n, r) => n + r.segments.length - 1, 0);
  const wordGaps = split.reduce((n, r) => n + r.wordGaps, 0);
  return split.length >= L.minSplitLines && wordGaps < L.maxWordAcrossShare * gaps;
}

/**
 * The block's column width: of the display offsets at which two or more lines show a gap (within
 * `edgeSlack`), the one under which the lines read as the most column segments. A block with no such
 * edge is no columned block (null).
 */
function columnWidth(block: SourceLine[], pieces: Piece[][]): number | null {
  const linesAt = new Map<number, number>();
  for (const ps of pieces) {
    const offsets = new Set(ps.slice(0, -1).map((p) => p.to - ps[0]!.from).filter((o) => o >= L.minWidth));
    for (const o of offsets) linesAt.set(o, (linesAt.get(o) ?? 0) + 1);
  }
  const near = (o: number): number => {
    let n = 0;
    for (let d = -L.edgeSlack; d <= L.edgeSlack; d++) n += linesAt.get(o + d) ?? 0;
    return n;
  };
  const edges = [...linesAt.keys()].filter((o) => near(o) >= 2).sort((a, b) => near(b) - near(a) || a - b);
  let best: { width: number; segments: number } | null = null;
  for (const edge of edges.slice(0, 6)) {
    let segments = 0;
    block.forEach((line, i) => {
      const r = readLine(line, pieces[i]!, edge);
      if (r && r.segments.length > 1) segments += r.segments.length;
    });
    if (segments > (best?.segments ?? 0)) best = { width: edge, segments };
  }
  return best ? best.width : null;
}

/** The pieces of a line between runs of spaces, with display offsets. */
function piecesOf(line: SourceLine): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of line.text.matchAll(/[^ \t]+/gu)) {
    const gap = pieces.length ? m.index - pieces.at(-1)!.end : 0;
    const from = at + gap;
    const to = from + displayWidth(m[0]);
    pieces.push({ start: m.index, end: m.index + m[0].length, from, to });
    at = to;
  }
  return pieces;
}

export function displayWidth(text: string): number {
  let n = 0;
  for (const c of text) n += fullWidth.test(c) ? 2 : 1;
  return n;
}

/**
 * The best reading of a line as at most `maxColumns` column segments of about `width`: each about one
 * column wide, or shorter where it ends a sentence (a paragraph's last line); a line read whole, no
 * wider than a column. Taking a gap scores 1, less a penalty where a word runs across it.
 * Null when no reading fits (the line is wider than the columns allow): it is no column line.
 */
function readLine(line: SourceLine, pieces: Piece[], width: number): Reading | null {
  if (!pieces.length) return null;
  const text = line.text;
  const wordGap = new Map<number, boolean>();
  const across = (g: number): boolean => {
    let v = wordGap.get(g);
    if (v === undefined) wordGap.set(g, (v = runsAcross(text.slice(0, pieces[g]!.end), text.slice(pieces[g + 1]!.start))));
    return v;
  };
  const segment = (a: number, b: number): Segment => ({
    source: line,
    text: text.slice(pieces[a]!.start, pieces[b]!.end),
    start: pieces[a]!.start,
    width: pieces[b]!.to - pieces[a]!.from,
  });
  // A column's line is about a column wide, or shorter where it ends a sentence (a paragraph's last line).
  const fits = (s: Segment): boolean => (s.width >= width - L.narrower && s.width <= width + L.wider) || (endsSentence(s.text) && s.width < width);
  let best: Reading | null = null;
  // Segments from piece `a` on, `left` more segments allowed; few pieces fit a column, so this stays small.
  const walk = (a: number, left: number, taken: Segment[], score: number, wordGaps: number, stray: number): void => {
    const last = segment(a, pieces.length - 1);
    const better = !best || score > best.score || (score === best.score && stray < best.stray);
    // A line read whole may be any width up to a column's; read as columns, its last piece is a column line too.
    if ((taken.length ? fits(last) : last.width <= width + L.wider) && better) best = { segments: [...taken, last], score, stray, wordGaps };
    if (left <= 1) return;
    for (let b = a; b < pieces.length - 1; b++) {
      const s = segment(a, b);
      if (s.width > width + L.wider) break;
      if (!fits(s)) continue;
      const word = across(b);
      walk(b + 1, left - 1, [...taken, s], score + 1 - (word ? w.gapAcrossWord : 0), wordGaps + (word ? 1 : 0), stray + Math.abs(s.width - width));
    }
  };
  walk(0, L.maxColumns, [], 0, 0, 0);
  return best;
}

/** Run-in text across a gap: a dictionary word (CJK), or Latin letters or digits on both sides. */
function runsAcross(left: string, right: string): boolean {
  const l = [...left.trimEnd()].slice(-3).join('');
  const r = [...right.trimStart()].slice(0, 3).join('');
  if (/[\p{Script=Latin}\d]$/u.test(l) && /^[\p{Script=Latin}\d]/u.test(r)) return true;
  if (!/\p{Script=Han}$/u.test(l) || !/^\p{Script=Han}/u.test(r)) return false;
  let at = 0;
  for (const word of segmenter().cut(l + r, false)) {
    const end = at + word.length;
    if (at < l.length && end > l.length && word.length >= 2) return true;
    at = end;
  }
  return false;
}

/**
 * Each segment of the run given to a column, in order, then the columns one after the other. A line
 * with as many segments as there are columns fills them left to right; one with fewer goes, keeping
 * its order, to the columns it best continues (weights in data/columns.ts).
 */
function restoreColumns(run: Reading[], width: number): SourceLine[] {
  const count = Math.max(...run.map((r) => r.segments.length));
  const columns: Segment[][] = Array.from({ length: count }, () => []);
  const fit = (c: number, s: Segment): number => {
    const column = columns[c]!;
    const prev = column.at(-1);
    let score = 0;
    if (prev) {
      if (!endsSentence(prev.text)) score += w.runsOn + (runsAcross(prev.text, s.text) ? w.wordAcross : 0);
      else if (closingMarks.includes(s.text[0]!)) score += w.closingAfterFinished;
      else if (s.width >= width - L.narrower && s.width <= width - 3 && !endsSentence(s.text)) score += w.openerAfterFinished;
    }
    const fullest = Math.max(...columns.map((col) => col.length));
    if (column.length < fullest) score += w.perLineBehind;
    return score;
  };
  for (const { segments } of run) {
    let best: { cols: number[]; score: number } | null = null;
    for (const cols of orderedChoices(count, segments.length)) {
      const score = cols.reduce((n, c, k) => n + fit(c, segments[k]!), 0);
      if (!best || score > best.score) best = { cols, score };
    }
    best!.cols.forEach((c, k) => columns[c]!.push(segments[k]!));
  }
  return columns.flat().map(toLine);
}

/** The ways to give `m` segments to `n` columns keeping their order, leftmost first. */
function orderedChoices(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - m; first++) {
    for (const rest of orderedChoices(n - first - 1, m - 1)) out.push([first, ...rest.map((c) => c + first + 1)]);
  }
  return out;
}

function toLine(s: Segment): SourceLine {
  const { file, line } = s.source.position;
  const lead = /^\s*/u.exec(s.text)![0].length;
  return { text: s.text, position: { file, line, column: [...s.source.text.slice(0, s.start + lead)].length + 1 } };
}

/** The segment ends a sentence (。！？； behind any closing quotes), or a bracketed note closes it (（记者 王某）). */
function endsSentence(text: string): boolean {
  const chars = [...text.trimEnd()];
  while (chars.length && closers.has(chars.at(-1)!)) {
    if (/[）)]/u.test(chars.pop()!)) return true;
  }
  return chars.length > 0 && sentenceEnd.has(chars.at(-1)!);
}
