// Stage: lay out lines. One PDF page's glyph runs → its printed lines in reading order, each with its
// box, type size, font and column. Runs that share a baseline and follow each other closely make a
// line; lines are put in reading order by recursive cuts of the page's white space (XY-cut): where a
// white band runs down the whole of a region, it is columns, read left to right; elsewhere the region
// is cut across into bands read top to bottom, so a headline spanning columns comes before the columns
// under it. Every character of every run ends up in exactly one line.
import type { GlyphRun, LaidLine, PageBox, PdfPage } from './types.ts';

/**
 * A run joins a line when the white space before it is under this many ems of its type: a word space
 * (0.22–0.33 em) and narrower than any column gutter (a 3 mm gutter under 10 pt type is 0.85 em). Wider
 * white inside a line (an ideographic space, a run-in title's gap) is joined by joinRunIns, which tells
 * it from a gutter.
 */
const JOIN_GAP_EM = 0.5;
/**
 * A space goes between two runs of a line when the white space between them is at least this (ems): a
 * word space is 0.22–0.33 em (0.224 in Noto CJK); justified CJK text is spread by 0.1–0.15 em between characters.
 */
const SPACE_GAP_EM = 0.2;
/** Runs are on one line when their boxes overlap vertically by at least this share of the smaller one. */
const SAME_LINE_OVERLAP = 0.5;
/** Pieces of a line this far apart (ems) may still be one line (a run-in title, a spaced credit line). */
const RUN_IN_GAP_EM = 3;
/**
 * A column starts at a piece's left when at least COLUMN_START_LINES lines below it, within
 * COLUMN_START_REACH_EM of its type (a headline's subtitle, byline and first lines of body), start there
 * too; a word inside a headline line has nothing under it at its left.
 */
const COLUMN_START_LINES = 2;
const COLUMN_START_REACH_EM = 6;
/** Lines this many line heights apart are neighbours in a column. */
const NEIGHBOUR_LINES = 2.5;
/** Edges this close (points) are in line: a justified column's edge, a column's left. */
const EDGE_TOLERANCE = 2;
/**
 * A white band across a whole region at least this many ems of its median type high parts modules of
 * the page: the space between lines of a column is 0.3–0.8 em (line spacing 1.3–1.8), between a
 * headline and its body or between two articles 1.5 em and more.
 */
const WIDE_GAP_EM = 1.5;
/**
 * Above a band in headline type, a white band across the region this many ems high parts modules: the
 * white between two lines of a column is 0.3–0.8 em, above a headline (its margin and half-leading) 1 em
 * and more.
 */
const HEAD_GAP_EM = 0.9;
/**
 * A headline opening a module is set flush with the module's left edge, or centred over the module (its
 * middle at the module's middle), within this many ems of type.
 */
const HEAD_INDENT_EM = 2;
/** A line starting this close (ems) to a column's left starts at that column (a paragraph indents 2 em). */
const COLUMN_EDGE_EM = 0.5;
/** Type this many times the region's (box heights) is headline type: 10.5 pt body → 12 pt is 1.14. */
const HEAD_RATIO = 1.12;
/** The narrowest white band taken for a column gutter, in ems of the region's median type size. */
const GUTTER_EM = 0.6;
/** A column has at least this many lines: a gap inside one row (a masthead's name and date) is no gutter. */
const MIN_COLUMN_LINES = 2;

interface Draft {
  /** No runs: a picture the page draws, which stands in the cuts like a block of text and is then dropped. */
  runs: GlyphRun[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Where a piece was joined on across a wide gap (joinRunIns): a run-in title ends before it. */
  joinedAt?: number;
}

export interface LayoutOptions {
  /** The seed's path (relative to the seeds folder): every line's position names it. */
  file: string;
  /** The running line number of the page's first line (pages of one PDF are numbered on). */
  firstLine: number;
  /** The first column number (columns are numbered on across the pages of one PDF). */
  firstColumn: number;
}

export function layoutLines(page: PdfPage, options: LayoutOptions): LaidLine[] {
  const lines = joinRunIns(joinRuns(page.runs));
  // A picture takes up room only where no text is: a box's frame or tint around its text is no picture.
  const pictures = page.graphics
    .map((b) => ({ runs: [], left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height }))
    .filter((p) => !lines.some((l) => l.left < p.right && p.left < l.right && l.top < p.bottom && p.top < l.bottom));
  const placed = readingOrder([...lines, ...pictures], 0, { column: 0 }).filter((p) => p.line.runs.length);
  const lastIn = new Map<number, Draft>();
  return placed.map(({ line, column }, i) => {
    const above = lastIn.get(column);
    lastIn.set(column, line);
    return toLine(line, page.page, {
      file: options.file,
      line: options.firstLine + i,
      column: options.firstColumn + column,
      gapAbove: above ? line.top - above.bottom : null,
    });
  });
}

/** Runs → lines: each run (left to right) joins the line it continues, else starts one. */
function joinRuns(runs: GlyphRun[]): Draft[] {
  const sorted = [...runs].sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y);
  const drafts: Draft[] = [];
  for (const run of sorted) {
    const { x, y, width, height } = run.box;
    let best: Draft | null = null;
    let bestOffset = Infinity;
    for (const d of drafts) {
      const gap = x - d.right;
      const em = Math.min(run.size, d.runs.at(-1)!.size);
      if (gap > JOIN_GAP_EM * em || x < d.left) continue;
      const overlap = Math.min(d.bottom, y + height) - Math.max(d.top, y);
      if (overlap < SAME_LINE_OVERLAP * Math.min(height, d.bottom - d.top)) continue;
      const offset = Math.abs(d.top + d.bottom - (2 * y + height));
      if (offset < bestOffset) [best, bestOffset] = [d, offset];
    }
    if (best) {
      best.runs.push(run);
      best.right = Math.max(best.right, x + width);
      best.top = Math.min(best.top, y);
      best.bottom = Math.max(best.bottom, y + height);
    } else {
      drafts.push({ runs: [run], left: x, right: x + width, top: y, bottom: y + height });
    }
  }
  return drafts;
}

/**
 * Pieces of one printed line that white space wider than JOIN_GAP_EM kept apart, joined again: a run-in
 * title and its text (澜江市发布高温防暑提示  本报讯  市气象台…), a credit line spaced with ideographic
 * spaces. Two pieces on one baseline are one line when the gap is under RUN_IN_GAP_EM and is no gutter:
 * a gutter is where an edge lines up with a neighbouring line's, or the lines just above and below leave
 * white too, where a run-in title's gap has the box's text running over and under it.
 */
function joinRunIns(drafts: Draft[]): Draft[] {
  // The pieces as they were before any joining (joined lines would cover the gutters they cross).
  const pieces = drafts.map(({ left, right, top, bottom }) => ({ left, right, top, bottom }));
  const bodyHeight = median(pieces.map((p) => p.bottom - p.top));
  const columnStart = (piece: Draft) =>
    pieces.filter((o) => o.top > piece.bottom && o.top - piece.bottom <= COLUMN_START_REACH_EM * (piece.bottom - piece.top) && Math.abs(o.left - piece.left) <= EDGE_TOLERANCE).length >= COLUMN_START_LINES;
  const inGutter = (left: Draft, right: Draft) => {
    const height = left.bottom - left.top;
    // Lines just above or below, and over or under the two pieces (text elsewhere on the page says nothing of this gap).
    const neighbours = pieces.filter((o) => (o.top >= left.bottom - 0.1 * height || o.bottom <= left.top + 0.1 * height) && Math.abs(o.top - left.top) <= NEIGHBOUR_LINES * height && o.left < right.right && left.left < o.right);
    // Justified columns: the left piece ends, or the right one starts, in line with a neighbour set in
    // the pieces' type or the body's (justified text). A subtitle or kicker is set ragged: one under a
    // headline that happens to end where the headline's first words do makes no column.
    const justified = (o: { top: number; bottom: number }) => sameSize(o.bottom - o.top, height) || sameSize(o.bottom - o.top, bodyHeight);
    if (neighbours.some((o) => justified(o) && (Math.abs(o.right - left.right) <= EDGE_TOLERANCE || Math.abs(o.left - right.left) <= EDGE_TOLERANCE))) return true;
    // The right piece starts where a column of the page starts: lines under it (within its story) begin there too.
    if (columnStart(right)) return true;
    // Ragged columns: just before the right piece the neighbours are white (inside a box's text for a
    // run-in title). Not in headline type: a headline's second line, shorter than its first, says nothing
    // of a space inside the first (青岚启动防汛四级应急响应　惠及全…); a headline in the next column starts one.
    if (height >= HEAD_RATIO * bodyHeight) return false;
    // A line covering the white must reach over from the left piece's side: one starting after the left
    // piece ends is the next column's (its first line indented, the lines under it further left).
    const probe = right.left - 0.5 * (right.bottom - right.top);
    return neighbours.length > 0 && !neighbours.some((o) => o.left < probe && probe < o.right && o.left < left.right);
  };
  const sorted = [...drafts].sort((a, b) => a.left - b.left);
  const kept: Draft[] = [];
  for (const d of sorted) {
    const em = d.runs[0]!.size;
    const host = kept.find((k) => {
      const gap = d.left - k.right;
      const overlap = Math.min(k.bottom, d.bottom) - Math.max(k.top, d.top);
      const sameLine = gap >= 0 && gap <= RUN_IN_GAP_EM * em && overlap >= SAME_LINE_OVERLAP * Math.min(k.bottom - k.top, d.bottom - d.top);
      return sameLine && sameSize(k.runs.at(-1)!.size, em) && !inGutter(k, d);
    });
    if (!host) {
      kept.push(d);
      continue;
    }
    host.runs.push(...d.runs);
    host.joinedAt ??= d.left;
    host.right = d.right;
    host.top = Math.min(host.top, d.top);
    host.bottom = Math.max(host.bottom, d.bottom);
  }
  return kept;
}

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= 0.1 * Math.max(a, b);

/** A line in reading order with the column it was read in. */
interface Placed {
  line: Draft;
  column: number;
}

/**
 * Lines in reading order. A region is cut, in this order of preference: across at wide white bands
 * (modules of the page: masthead, a spanning headline, the footer under the columns), down at gutters
 * (columns, left to right), else across at every band, bands grouped while they still stand in columns.
 * A column keeps the number given when it was cut out; lines outside any column keep the region's.
 */
function readingOrder(lines: Draft[], column: number, next: { column: number }): Placed[] {
  if (lines.length <= 1) return lines.map((line) => ({ line, column }));
  const across = bands(lines);
  const wide = splitWide(across);
  if (wide) return wide.flatMap((part) => readingOrder(part, column, next));
  const head = splitHeadline(across);
  if (head) return head.flatMap((part) => readingOrder(part, column, next));
  const columns = splitColumns(lines);
  const regions = columns && groupModules(columns);
  if (regions && regions.length > 1) return regions.flatMap((part) => readingOrder(part, ++next.column, next));
  const groups: Draft[][] = [];
  for (const band of across) {
    const last = groups.at(-1);
    if (last && splitColumns([...last, ...band])) last.push(...band);
    else groups.push([...band]);
  }
  // No cut left (lines side by side across a narrow gap): top to bottom, left to right.
  if (groups.length === 1) return [...lines].sort((a, b) => a.top - b.top || a.left - b.left).map((line) => ({ line, column }));
  return groups.flatMap((part) => readingOrder(part, column, next));
}

/** Bands regrouped at the white bands wider than WIDE_GAP_EM of type, or null when there is none. */
function splitWide(across: Draft[][]): Draft[][] | null {
  if (across.length < 2) return null;
  const em = typeSize(across.flat());
  const parts: Draft[][] = [[...across[0]!]];
  for (let i = 1; i < across.length; i++) {
    const gap = Math.min(...across[i]!.map((l) => l.top)) - Math.max(...across[i - 1]!.map((l) => l.bottom));
    if (gap >= WIDE_GAP_EM * em || (gap >= HEAD_GAP_EM * em && opensModule(across[i]!, across.flat(), em) && closesModule(across[i - 1]!, em))) parts.push([]);
    parts.at(-1)!.push(...across[i]!);
  }
  return parts.length > 1 ? parts : null;
}

/**
 * A region that opens with a headline group (bands all in headline type) over columns of text, the
 * headline standing within no one of those columns (a title spanning the legs of its story, set flush
 * left or centred, or centred over legs its short story fills only some of): the headline first, then
 * the columns. Headlines level in two legs (two flowing
 * columns' stories) each stand within their own leg and cross no gutter; headlines side by side (a
 * lead's title level with a story's in the next column) are no one group.
 */
function splitHeadline(across: Draft[][]): Draft[][] | null {
  const em = typeSize(across.flat());
  let n = 0;
  while (n < across.length && across[n]!.every((l) => l.runs.length && size(l) >= HEAD_RATIO * em)) n++;
  if (n === 0 || n === across.length) return null;
  const head = across.slice(0, n).flat();
  // One headline group: its lines stand one over another (headlines side by side are two stories').
  if (!head.every((a) => head.every((b) => a.left < b.right && b.left < a.right))) return null;
  const rest = across.slice(n).flat();
  const columns = splitColumns(rest);
  if (!columns) return null;
  // Within no one column: over a gutter, or centred over the page's legs where the story fills only some.
  const edges = columns.map((c) => [Math.min(...c.map((l) => l.left)), Math.max(...c.map((l) => l.right))] as const);
  const inOne = edges.some(([left, right]) => head.every((h) => h.left >= left - EDGE_TOLERANCE && h.right <= right + EDGE_TOLERANCE));
  return inOne ? null : [head, rest];
}

/**
 * A band in headline type (a kicker or title set at least HEAD_RATIO times the region's type) opens a
 * module of its own: a headline over body legs narrower than the headline's line (a story set in four
 * legs under a title that spans only the first) starts a new module where a white band runs across the
 * whole region above it and the headline stands at the region's left (closesModule: the band above holds
 * no headline type). Beside a column of text going on, no white band crosses the region.
 */
function opensModule(band: Draft[], region: Draft[], em: number): boolean {
  const left = Math.min(...region.map((l) => l.left));
  const right = Math.max(...region.map((l) => l.right));
  const heads = band.filter((l) => l.runs.length && size(l) >= HEAD_RATIO * em);
  // All of them at the left, or all centred over the region (a page that centres its headlines): headlines
  // level in two legs are two flowing columns' stories. A headline set at a column's left (body lines start
  // there too) is a leg's, whatever its middle.
  const atLeft = (l: Draft) => l.left - left <= HEAD_INDENT_EM * em;
  const atColumn = (l: Draft) => region.some((o) => o.runs.length && size(o) < HEAD_RATIO * em && Math.abs(o.left - l.left) <= COLUMN_EDGE_EM * em);
  const centred = (l: Draft) => Math.abs(l.left + l.right - left - right) / 2 <= HEAD_INDENT_EM * em && !atColumn(l);
  return heads.length > 0 && (heads.every(atLeft) || heads.every(centred));
}

/**
 * A band that can end a module: no headline type in it. Between a title and its subtitle (or a kicker
 * and its title) the white is a headline group's own, and a story beside may leave white level with it.
 */
function closesModule(band: Draft[], em: number): boolean {
  return band.every((l) => !l.runs.length || size(l) < HEAD_RATIO * em);
}

/**
 * Columns cut at every gutter, regrouped where legs are of modules stacked across them: two neighbouring
 * columns are one region when, taken together, a white band over headline type set at their left edge
 * runs across both (stories set in two legs, one under another, in a main column beside a sidebar).
 * The region is then cut across into its modules before each is cut into legs.
 */
function groupModules(columns: Draft[][]): Draft[][] {
  const groups: Draft[][] = [columns[0]!];
  for (const column of columns.slice(1)) {
    const joined = [...groups.at(-1)!, ...column];
    if (stacksModules(joined, column)) groups[groups.length - 1] = joined;
    else groups.push(column);
  }
  return groups;
}

/**
 * Whether a white band over headline type crosses the region, the headline standing left of the leg
 * joined on, which has lines above and under it: a leg with a headline of its own at that height is a
 * column of its own (flowing columns whose stories happen to start level), one with nothing under the
 * band a column that ends short.
 */
function stacksModules(lines: Draft[], leg: Draft[]): boolean {
  const legLeft = Math.min(...leg.map((l) => l.left));
  const across = bands(lines);
  const em = typeSize(lines);
  for (let i = 1; i < across.length; i++) {
    const band = across[i]!;
    const gap = Math.min(...band.map((l) => l.top)) - Math.max(...across[i - 1]!.map((l) => l.bottom));
    if (gap < HEAD_GAP_EM * em || !opensModule(band, lines, em) || !closesModule(across[i - 1]!, em) || !band.every((l) => l.left < legLeft)) continue;
    // The leg goes on under the headline, and was there above it: a story's legs, not a column ending short.
    const top = Math.min(...band.map((l) => l.top));
    if (leg.some((l) => l.top > top) && leg.some((l) => l.bottom < top)) return true;
  }
  return false;
}

/** The region's lines split at every white band that runs down its whole height, or null when none does. */
function splitColumns(lines: Draft[]): Draft[][] | null {
  const em = typeSize(lines);
  const spans = [...lines].sort((a, b) => a.left - b.left);
  const columns: Draft[][] = [];
  let current: Draft[] = [];
  let reach = -Infinity;
  for (const line of spans) {
    if (current.length && line.left - reach >= GUTTER_EM * em) {
      columns.push(current);
      current = [];
    }
    current.push(line);
    reach = Math.max(reach, line.right);
  }
  columns.push(current);
  if (columns.length < 2 || !columns.every((c) => c.length >= MIN_COLUMN_LINES || startsAtTop(c, columns))) return null;
  return columns.map((c) => c.sort((a, b) => a.top - b.top || a.left - b.left));
}

/**
 * A column shorter than MIN_COLUMN_LINES is still a column when it starts level with a full column
 * beside it: balanced columns (CSS column-count, a newspaper's body set in 3–5 legs) all start at the top
 * of their block and the last leg may hold one line; a row's pieces (a masthead's name and date) have no
 * full column beside them.
 */
function startsAtTop(column: Draft[], columns: Draft[][]): boolean {
  const top = Math.min(...column.map((l) => l.top));
  const height = Math.min(...column.map(size));
  return columns.some((c) => c.length >= MIN_COLUMN_LINES && Math.abs(Math.min(...c.map((l) => l.top)) - top) <= 0.5 * height);
}

/** The region cut across its white bands: runs of lines whose heights overlap, top to bottom. */
function bands(lines: Draft[]): Draft[][] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.left - b.left);
  const found: Draft[][] = [];
  let bottom = -Infinity;
  for (const line of sorted) {
    // Lines touching by a hair (rounding, a descender) are not one band: they must truly overlap.
    if (!found.length || line.top >= bottom - 0.1 * Math.min(size(line), 10)) {
      found.push([]);
      bottom = line.bottom;
    }
    found.at(-1)!.push(line);
    bottom = Math.max(bottom, line.bottom);
  }
  return found;
}

function toLine(d: Draft, page: number, at: { file: string; line: number; column: number; gapAbove: number | null }): LaidLine {
  const runs = [...d.runs].sort((a, b) => a.box.x - b.box.x);
  let text = '';
  let right = -Infinity;
  /** Where the text of each run starts. */
  const starts: number[] = [];
  for (const run of runs) {
    if (text && run.box.x - right >= SPACE_GAP_EM * run.size && spaced(text.at(-1)!, run.text[0]!)) text += ' ';
    starts.push(text.length);
    text += run.text;
    right = Math.max(right, run.box.x + run.box.width);
  }
  // A run-in title: bold runs opening a line whose other runs are regular, or the words before a wide
  // gap in the line (an em space or more, which justified text never opens between words).
  const firstRegular = runs.findIndex((r) => !r.bold);
  const bold = firstRegular > 0 && runs.slice(firstRegular).every((r) => !r.bold);
  const split = bold ? firstRegular : d.joinedAt === undefined ? -1 : runs.findIndex((r) => r.box.x >= d.joinedAt! - 0.01);
  const title = split > 0 ? text.slice(0, starts[split]).trim() : '';
  const rest = split > 0 ? text.slice(starts[split]).trim() : '';
  // Words before a gap are a title only when they read as one: no sentence punctuation, no dateline.
  const runIn = rest && (bold || !/[，。、；：！？,;:!?]|^(?:本报|记者|通讯员|新华社|■)/u.test(title)) ? { title, rest } : null;
  // The face and size most of the line's characters are set in.
  const weight = new Map<GlyphRun, number>(runs.map((r) => [r, [...r.text.replace(/\s/gu, '')].length]));
  const main = runs.reduce((best, r) => (weight.get(r)! > weight.get(best)! ? r : best), runs[0]!);
  const box: PageBox = { page, x: d.left, y: d.top, width: d.right - d.left, height: d.bottom - d.top };
  const trimmed = text.trim();
  return {
    text: trimmed,
    position: { file: at.file, line: at.line, column: 1 },
    box,
    size: main.size,
    font: main.font,
    bold: main.bold,
    column: at.column,
    gapAbove: at.gapAbove,
    runIn,
  };
}

/** Whether white space between two runs needs a space: not when one is already there. */
function spaced(before: string, after: string): boolean {
  return !/\s/u.test(before) && !/\s/u.test(after);
}

const size = (d: Draft): number => d.bottom - d.top;

/** The median height of a region's lines of text (pictures left out). */
function typeSize(lines: Draft[]): number {
  const text = lines.filter((l) => l.runs.length);
  return median((text.length ? text : lines).map(size));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}
