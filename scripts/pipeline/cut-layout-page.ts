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
import { endsSentence } from './line-features.ts';
import type { CellRun, SourceLine } from './types.ts';

export function cutLayoutPage(lines: SourceLine[]): SourceLine[] {
  if (!isLaidOut(lines)) return lines;
  const runs = lines.flatMap((line, row) => cellRuns(line.text, row));
  const out: SourceLine[] = [];
  const inked = new Set(runs.map((r) => r.row));
  for (const block of cutRegion(runs, inked)) {
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
    runs.push({ row, from: cell, to: cell + cells, start: m.index, end: m.index + m[0].length, text: m[0] });
    cell += cells;
    unit = m.index + m[0].length;
  }
  return runs;
}

/** A region's blocks in reading order. */
function cutRegion(runs: CellRun[], inked: Set<number>): CellRun[][] {
  const rows = [...new Set(runs.map((r) => r.row))].sort((a, b) => a - b);
  if (rows.length < 2) return [runs];
  const cut = widestWhite(runs, rows, inked);
  if (cut) return cut.flatMap((part) => cutRegion(part, inked));
  const bands = crossedBands(runs, rows);
  if (bands) return bands.flatMap((part) => cutRegion(part, inked));
  return [runs];
}

/**
 * The region in two at its widest white: blank rows (`singleRow`, `blockRow`) or a gutter of cells no
 * row covers. A single blank row counts only where the page (`inked`: rows with text anywhere) is blank
 * and no column goes on through it. Blank rows that a gutter runs past, above and below, lie inside
 * columns: they part the blocks stacked in them only where the text above ends a sentence
 * (`finished`); otherwise they are rows other blocks took, and the columns are cut first. On a tie,
 * rows first. Null when no white runs through the region.
 */
function widestWhite(runs: CellRun[], rows: number[], inked: Set<number>): CellRun[][] | null {
  const gutters: { score: number; left: number; right: number }[] = [];
  const byFrom = [...runs].sort((a, b) => a.from - b.from);
  let reach = byFrom[0]!.to;
  for (const r of byFrom) {
    if (r.from - reach >= G.minGutter) gutters.push({ score: r.from - reach, left: reach, right: r.from });
    reach = Math.max(reach, r.to);
  }
  let best: { score: number; parts: () => CellRun[][] } | null = null;
  for (let i = 0; i + 1 < rows.length; i++) {
    const blank = rows[i + 1]! - rows[i]! - 1;
    const score = blank > 1 ? blank * G.blockRow : inked.has(rows[i]! + 1) ? 0 : G.singleRow;
    const at = rows[i]!;
    if (score <= 0 || (best && score <= best.score)) continue;
    if (blank === 1 && columnGoesOn(runs, at)) continue;
    if (gutters.some((g) => runsPast(runs, g, at)) && !finished(runs, gutters, at)) continue;
    best = { score, parts: () => [runs.filter((r) => r.row <= at), runs.filter((r) => r.row > at)] };
  }
  for (const { score, left, right } of gutters) {
    if (!best || score > best.score) best = { score, parts: () => [runs.filter((x) => x.to <= left), runs.filter((x) => x.from >= right)] };
  }
  return best ? best.parts() : null;
}

/**
 * Columns stand either side of the gutter above row `at` (`minSideRows` rows each side) and go on below
 * it (a row each side: the last lines of columns end unevenly), the right-hand one starting at the same
 * cell above and below (`sameEdge`).
 */
function runsPast(runs: CellRun[], gutter: { left: number; right: number }, at: number): boolean {
  const count = (above: boolean, left: boolean): number =>
    new Set(runs.filter((r) => r.row <= at === above && (left ? r.to <= gutter.left : r.from >= gutter.right)).map((r) => r.row)).size;
  const least = (above: boolean): number => (above ? G.minSideRows : 1);
  if (![true, false].every((above) => count(above, true) >= least(above) && count(above, false) >= least(above))) return false;
  const edge = (above: boolean): number => Math.min(...runs.filter((r) => r.row <= at === above && r.from >= gutter.right).map((r) => r.from));
  if (Math.abs(edge(true) - edge(false)) > G.sameEdge) return false;
  // The columns above go on below: the first rows below start no piece left of a column's start above
  // (white before it, `minSideRows` rows starting there) and run on across it (a block below set wider
  // is not those columns going on).
  const above = runs.filter((r) => r.row <= at).sort((a, b) => a.from - b.from);
  const starts: number[] = [];
  let reach = above[0]!.to;
  for (const r of above) {
    const aligned = () => new Set(above.filter((x) => Math.abs(x.from - r.from) <= G.sameEdge).map((x) => x.row)).size;
    if (r.from - reach >= G.minGutter && aligned() >= G.minSideRows) starts.push(r.from);
    reach = Math.max(reach, r.to);
  }
  const next = [...new Set(runs.filter((r) => r.row > at).map((r) => r.row))].sort((a, b) => a - b).slice(0, G.nextRows);
  return !runs.some((r) => next.includes(r.row) && starts.some((s) => r.from < s - G.sameEdge && r.to > s));
}

/**
 * Under row `at`, one blank row, a column goes on: above it stand columns side by side (a gutter with
 * `minSideRows` rows of text each side, but for at most `maxCrossingRows` rows that cross it, a
 * headline or a footer), the row just above is not one of those, and the first text below keeps to the
 * side of that gutter the row just above has text on, under text of `minSideRows` of the last rows,
 * starting at that column's edge or a paragraph's indent in from it (`indent`).
 */
function columnGoesOn(runs: CellRun[], at: number): boolean {
  const above = runs.filter((r) => r.row <= at);
  const next = Math.min(...runs.filter((r) => r.row > at).map((r) => r.row));
  const below = runs.filter((r) => r.row === next);
  const from = Math.min(...above.map((r) => r.from));
  const to = Math.max(...above.map((r) => r.to));
  for (let c = from + 1; c + G.minGutter < to; c++) {
    const end = c + G.minGutter;
    if (below.some((r) => r.from < end && r.to > c)) continue;
    const crossing = new Set(above.filter((r) => r.from < end && r.to > c).map((r) => r.row));
    if (crossing.size > G.maxCrossingRows || crossing.has(at)) continue;
    const onLeft = below.every((r) => r.to <= c);
    const first = below.filter((r) => (onLeft ? r.to <= c : r.from >= end)).sort((a, b) => a.from - b.from)[0]!;
    const inColumn = above.filter((r) => r.row > at - 2 * G.minSideRows && (onLeft ? r.to <= c : r.from >= end) && r.from < first.to && r.to > first.from);
    const column = new Set(inColumn.map((r) => r.row));
    if (!column.has(at) || column.size < G.minSideRows) continue;
    const indent = first.from - Math.min(...inColumn.map((r) => r.from));
    if (indent < -G.sameEdge || indent > G.indent) continue;
    if (first.to - first.from < G.goesOnShare * Math.max(...inColumn.map((r) => r.to - r.from))) continue;
    const side = (left: boolean) => new Set(above.filter((r) => !crossing.has(r.row) && (left ? r.to <= c : r.from >= end)).map((r) => r.row)).size;
    if (side(true) >= G.minSideRows && side(false) >= G.minSideRows) return true;
  }
  return false;
}

/**
 * What stands above the blank rows under row `at` is finished: in one of the columns the gutters part,
 * the lowest text above ends a sentence (a block's end), so the white may part blocks.
 */
function finished(runs: CellRun[], gutters: { left: number; right: number }[], at: number): boolean {
  const edges = [-Infinity, ...gutters.map((g) => g.right), Infinity];
  return edges.slice(1).some((end, i) => {
    const above = runs.filter((r) => r.row <= at && r.from >= edges[i]! && r.from < end);
    const lowest = Math.max(...above.map((r) => r.row));
    return above.some((r) => r.row === lowest && endsSentence(r.text));
  });
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
