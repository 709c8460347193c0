// Stage: cut layout page. poppler's `pdftotext -layout` prints a page at its place: each row of the
// text is one line, padded with spaces so that every piece stands at its horizontal position, one
// character per cell. Columns, and whole articles, then share rows: `…春运拉    千人次，同比…`; and
// blocks set side by side with a different line pitch take turns on the rows, so that a column's lines
// are parted by rows holding only the next block's text. Read row by row, such a page is a soup.
//
// This stage reads the page as a grid instead and gives its text back in reading order, one line per
// row of each block: a recursive XY-cut. A region of the page is cut where white runs through it, across
// (blank rows) or down (a gutter no row covers), at the widest white (data/layout-page.ts weighs a row
// against a cell); top before bottom, left before right; each part is cut again. A region with no white
// through it but a gutter that only a row or two cross (a headline over the columns under it, set with
// no blank row between) is parted at those rows. What cannot be cut is one block: its rows top to
// bottom, each row's pieces as one line.
//
// A page that shows no such padding (every other extractor) is returned as it is. Nothing is lost:
// every piece of text goes to exactly one block, as printed, and each produced line keeps its file,
// line and the column of its first character. Only the padding between blocks is dropped.
import { layoutGrid as G } from '../data/layout-page.ts';
import type { CellRun, SourceLine } from './types.ts';

export function cutLayoutPage(lines: SourceLine[]): SourceLine[] {
  if (!isLaidOut(lines)) return lines;
  const runs = lines.flatMap((line, row) => cellRuns(line.text, row));
  const out: SourceLine[] = [];
  for (const block of cutRegion(runs)) {
    const rows = [...Map.groupBy(block, (r) => r.row)].sort(([a], [b]) => a - b);
    for (const [row, pieces] of rows) {
      pieces.sort((a, b) => a.from - b.from);
      const line = lines[row]!;
      const first = pieces[0]!;
      out.push({
        text: line.text.slice(first.start, pieces.at(-1)!.end),
        position: { file: line.position.file, line: line.position.line, column: first.from + 1 },
      });
    }
  }
  return out;
}

const padded = new RegExp(`(?:^|\\S) {${G.paddingSpaces},}\\S`, 'u');

/** Enough of the page's lines pad text to its place with runs of spaces. */
export function isLaidOut(lines: SourceLine[]): boolean {
  const text = lines.filter((l) => l.text.trim());
  const n = text.filter((l) => padded.test(l.text)).length;
  return n >= G.minPaddedLines && n >= G.minPaddedShare * text.length;
}

/** The pieces of a row: text parted by `pieceGap` or more spaces, with the cells each covers. */
export function cellRuns(text: string, row: number): CellRun[] {
  const runs: CellRun[] = [];
  let cell = 0;
  let unit = 0;
  const piece = new RegExp(`\\S+(?:\\s{1,${G.pieceGap - 1}}\\S+)*`, 'gu');
  for (const m of text.matchAll(piece)) {
    cell += [...text.slice(unit, m.index)].length;
    const cells = [...m[0]].length;
    runs.push({ row, from: cell, to: cell + cells, start: m.index, end: m.index + m[0].length });
    cell += cells;
    unit = m.index + m[0].length;
  }
  return runs;
}

/** A region's blocks in reading order. */
function cutRegion(runs: CellRun[]): CellRun[][] {
  const rows = [...new Set(runs.map((r) => r.row))].sort((a, b) => a - b);
  if (rows.length < 2) return [runs];
  const cut = widestWhite(runs, rows);
  if (cut) return cut.flatMap(cutRegion);
  const bands = crossedBands(runs, rows);
  if (bands) return bands.flatMap(cutRegion);
  return [runs];
}

/**
 * The region in two at its widest white: blank rows (`singleRow`, `blockRow`) or a gutter of cells no
 * row covers. On a tie, rows first. Null when no white runs through the region.
 */
function widestWhite(runs: CellRun[], rows: number[]): CellRun[][] | null {
  let best: { score: number; parts: () => CellRun[][] } | null = null;
  for (let i = 0; i + 1 < rows.length; i++) {
    const blank = rows[i + 1]! - rows[i]! - 1;
    const score = blank === 1 ? G.singleRow : blank * G.blockRow;
    const at = rows[i]!;
    if (score > 0 && (!best || score > best.score)) best = { score, parts: () => [runs.filter((r) => r.row <= at), runs.filter((r) => r.row > at)] };
  }
  const byFrom = [...runs].sort((a, b) => a.from - b.from);
  let reach = byFrom[0]!.to;
  for (const r of byFrom) {
    const score = r.from - reach;
    const at = r.from;
    if (score >= G.minGutter && (!best || score > best.score)) best = { score, parts: () => [runs.filter((x) => x.to <= at - score), runs.filter((x) => x.from >= at)] };
    reach = Math.max(reach, r.to);
  }
  return best ? best.parts() : null;
}

/**
 * A gutter that only a few rows cross (`maxCrossingRows`, `maxCrossingShare`), with text on both sides
 * in `minSideRows` other rows: the crossing rows span the columns (a headline over them) and part the
 * region into bands, each crossing row a band of its own. The gutter fewest rows cross wins. Null when
 * there is none.
 */
function crossedBands(runs: CellRun[], rows: number[]): CellRun[][] | null {
  const limit = Math.min(G.maxCrossingRows, Math.floor(rows.length * G.maxCrossingShare));
  if (limit < 1) return null;
  const from = Math.min(...runs.map((r) => r.from));
  const to = Math.max(...runs.map((r) => r.to));
  let best: Set<number> | null = null;
  for (let c = from + 1; c + G.minGutter < to; c++) {
    const end = c + G.minGutter;
    const crossing = new Set(runs.filter((r) => r.from < end && r.to > c).map((r) => r.row));
    if (crossing.size > limit || (best && crossing.size >= best.size)) continue;
    const left = new Set(runs.filter((r) => !crossing.has(r.row) && r.to <= c).map((r) => r.row));
    const right = new Set(runs.filter((r) => !crossing.has(r.row) && r.from >= end).map((r) => r.row));
    if (left.size >= G.minSideRows && right.size >= G.minSideRows) best = crossing;
  }
  if (!best) return null;
  const bands: CellRun[][] = [];
  let band: CellRun[] = [];
  for (const row of rows) {
    const here = runs.filter((r) => r.row === row);
    if (best.has(row)) {
      if (band.length) bands.push(band);
      bands.push(here);
      band = [];
    } else band.push(...here);
  }
  if (band.length) bands.push(band);
  return bands;
}
