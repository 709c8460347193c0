// Stage: classify lines. A page's line features → each line's role (kicker, title, subtitle, byline,
// body, section head, photo caption, furniture), decided by one scored sequence model: every line gets
// a score per role (weights · the line's features and its neighbours'), every pair of roles on
// consecutive lines a transition score, and the best sequence of roles over the page is decoded with
// Viterbi. The weights are fitted on labelled pages by `npm run train` (scripts/train-labeller.ts) and
// kept in scripts/data/labeller-weights.json. Hard facts stay rules: a furniture pattern makes a line
// furniture, a dateline makes it body. Each line keeps the features that weighed most for its role.
import weightsFile from '../data/labeller-weights.json' with { type: 'json' };
import { describeLines } from './line-features.ts';
import type { ClassifiedLine, ClassifyResult, LineFeatures, LineRole, PageLayout, SourceLine } from './types.ts';

export { atWrapWidth, collapseLetterSpacing, endsSentence } from './line-features.ts';
export type { ClassifiedLine, ClassifyResult, LineRole, PageLayout } from './types.ts';

/** The roles in the order of the weight vectors. */
export const roles: readonly LineRole[] = ['kicker', 'title', 'subtitle', 'byline', 'body', 'section', 'caption', 'furniture'];

/** The roles that make up a headline (引题, 主题, 副题, byline). */
export const headlineRoles: ReadonlySet<LineRole> = new Set(['kicker', 'title', 'subtitle', 'byline']);

/** Fitted weights: per feature one weight per role, transitions between roles, scores to open the page. */
export interface LabellerWeights {
  /** What the weights were fitted on (pages, their source). */
  corpus: string;
  roles: readonly LineRole[];
  features: Record<string, ArrayLike<number>>;
  /** transitions[from][to]. */
  transitions: ArrayLike<ArrayLike<number>>;
  start: ArrayLike<number>;
}

const fitted = weightsFile as LabellerWeights;

export function classifyLines(lines: SourceLine[], skip: Set<number>, weights: LabellerWeights = fitted): ClassifyResult {
  const { lines: described, layout } = describeLines(lines, skip);
  // Each line's features with a weight, looked up once for both the scores and the reasons.
  const weighed = described.map((_, i) => weighedFeatures(weights, featureNames(described, i, layout)));
  const allowed = described.map(allowedRoles);
  const path = bestPath(weighed.map(emissionsOf), allowed, (r) => weights.start[r]!, (q, r) => weights.transitions[q]![r]!);
  return {
    lines: described.map((line, i) => ({ ...line, role: roles[path[i]!]!, reasons: reasonsOf(weighed[i]!, path[i]!) })),
    layout,
  };
}

const furnitureRole = roles.indexOf('furniture');
const notFurniture = roles.map((_, r) => r).filter((r) => r !== furnitureRole);
const headingRoles = (['kicker', 'title', 'subtitle', 'byline', 'section'] as const).map((r) => roles.indexOf(r));

/**
 * Hard facts: a furniture pattern is furniture, a dateline opens a report's body, a `#` mark makes a
 * heading, and only a furniture
 * pattern makes a line furniture here (a headline with no body, an index entry: segment-articles.ts
 * tells those from where they stand).
 */
export function allowedRoles(line: LineFeatures): readonly number[] {
  if (line.furniture) return [furnitureRole];
  if (line.dateline) return [roles.indexOf('body')];
  // A line marked as a heading (`## …`, a Markdown export) is a headline part or a section head.
  if (line.marked) return headingRoles;
  return notFurniture;
}

/** Ratio of a line's width to the column width, in bands. */
function ratioBand(r: number): string {
  if (r === 0) return 'none';
  const bands = [0.3, 0.5, 0.7, 0.85, 0.95, 1.05, 1.3, 2];
  const at = bands.findIndex((b) => r < b);
  return at < 0 ? 'wide' : String(at);
}

/** Width in ems, in bands (headlines run about 6–30 ems, a column 10–40). */
function widthBand(w: number): string {
  const bands = [3, 6, 10, 14, 18, 24, 32, 44, 64];
  const at = bands.findIndex((b) => w < b);
  return at < 0 ? 'huge' : String(at);
}

/** What a neighbouring line contributes: how it ends, how wide it is, the hard patterns it matches. */
function neighbour(prefix: string, line: LineFeatures | undefined, out: string[]): void {
  if (!line) {
    out.push(`${prefix}none`);
    return;
  }
  out.push(`${prefix}end:${line.ending}`, `${prefix}w:${ratioBand(line.widthRatio)}`, `${prefix}aw:${widthBand(line.width)}`);
  if (line.dateline) out.push(`${prefix}dateline`);
  if (line.byline) out.push(`${prefix}byline`);
  if (line.dashSubtitle) out.push(`${prefix}dash`);
  if (line.captionEnd) out.push(`${prefix}captionEnd`);
  if (line.creditedParagraph) out.push(`${prefix}creditedParagraph`);
  if (line.paragraphOpener) out.push(`${prefix}opener`);
  if (line.furniture) out.push(`${prefix}furniture`);
  if (line.commas) out.push(`${prefix}comma`);
  if (line.sentenceInside) out.push(`${prefix}sentenceInside`);
  if (line.opensWithCloser) out.push(`${prefix}opensWithCloser`);
  if (line.opensWithContinuation) out.push(`${prefix}opensWithContinuation`);
  if (line.speakerLine) out.push(`${prefix}speaker`);
  if (line.openBracket) out.push(`${prefix}openBracket`);
  if (line.marked) out.push(`${prefix}marked`);
  if (!/\p{P}/u.test(line.text)) out.push(`${prefix}noPunctuation`);
  for (const cue of line.cues) out.push(`${prefix}cue:${cue}`);
}

/** How a line's width compares with a neighbour's (headline parts differ, wrapped parts run full then short). */
function widthAgainst(prefix: string, line: LineFeatures, other: LineFeatures | undefined, out: string[]): void {
  if (!other) return;
  out.push(`${prefix}${compareWidths(line, other)}`);
}

function compareWidths(line: LineFeatures, other: LineFeatures): string {
  const d = line.width - other.width;
  return d < -4 ? 'narrower' : d > 4 ? 'wider' : 'alike';
}

/** More brackets closed than opened: the line goes on inside a bracket opened before it (…（记者 欧阳晓岚 / 通讯员 祁明远）7月23日…). */
function closesBracket(text: string): boolean {
  return (text.match(/[”」）)》]/gu)?.length ?? 0) > (text.match(/[“「（(《]/gu)?.length ?? 0);
}

/** Could be a headline line: no sentence, no clause, no dateline, at most a wide column's width. */
export function headlineShaped(l: LineFeatures | undefined): boolean {
  return l !== undefined && !l.endsSentence && l.commas === 0 && !l.sentenceInside && !l.dateline && !l.furniture && l.ending !== 'clause' && l.width <= 44;
}

/** Each line's run of headline-shaped lines printed together: its first and last index (one pass each way, once per page). */
const runsOfPage = new WeakMap<readonly LineFeatures[], { from: Int32Array; to: Int32Array }>();
function headlineRuns(lines: readonly LineFeatures[]): { from: Int32Array; to: Int32Array } {
  let runs = runsOfPage.get(lines);
  if (runs) return runs;
  const n = lines.length;
  const shaped = lines.map((l) => headlineShaped(l));
  const from = new Int32Array(n), to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i > 0 && shaped[i] && shaped[i - 1] && !lines[i]!.gapBefore ? from[i - 1]! : i;
  for (let i = n - 1; i >= 0; i--) to[i] = i < n - 1 && shaped[i] && shaped[i + 1] && !lines[i + 1]!.gapBefore ? to[i + 1]! : i;
  runs = { from, to };
  runsOfPage.set(lines, runs);
  return runs;
}

/** Where a line stands in a run of headline-shaped lines printed together (no blank between), and how long that run is. */
function runFeatures(lines: readonly LineFeatures[], i: number, layout: PageLayout, out: string[]): void {
  if (!headlineShaped(lines[i])) return;
  const runs = headlineRuns(lines);
  const from = runs.from[i]!, to = runs.to[i]!;
  const len = Math.min(to - from + 1, 4);
  const pos = from === to ? 'single' : i === from ? 'first' : i === to ? 'last' : 'inner';
  out.push(`run:${pos}`, `run:${pos}&len${len}`, `run:${pos}&${pageKind(layout)}`);
  // Headline parts differ in size: a kicker or subtitle narrower than the title beside it.
  if (pos === 'first' || pos === 'inner') out.push(`run:${pos}&vsNext:${compareWidths(lines[i]!, lines[i + 1]!)}`);
  if (pos === 'last' || pos === 'inner') out.push(`run:${pos}&vsPrev:${compareWidths(lines[i]!, lines[i - 1]!)}`);
  for (const cue of lines[i]!.cues) out.push(`run:${pos}&cue:${cue}`);
  if (pos === 'first' || pos === 'inner') for (const cue of lines[i + 1]!.cues) out.push(`run:${pos}&n:cue:${cue}`);
  if (pos === 'last' || pos === 'inner') for (const cue of lines[i - 1]!.cues) out.push(`run:${pos}&p:cue:${cue}`);
  const after = lines[to + 1];
  out.push(`run:${pos}&after:${after ? (after.dateline ? 'dateline' : after.byline ? 'byline' : after.dashSubtitle ? 'dash' : after.ending) : 'none'}`);
}

/**
 * Each line's local column width (ems): the commonest width of the running-text lines that run on (no
 * sentence ends there, some punctuation inside) among the LOCAL_WINDOW lines either side, or 0 when fewer
 * than 3 agree. One page sets its articles in columns of several widths (a cell of two grid columns
 * beside one of four, a boxed brief), so a width means something only against its own column: full, set
 * in by a paragraph's 2-em indent, or short (a last line, a headline in a larger type).
 */
// 10 lines either side: a paragraph or two of one column (not tuned; 3 agreeing lines keep one odd line out).
const LOCAL_WINDOW = 10;
const localOfPage = new WeakMap<readonly LineFeatures[], Float64Array>();
function localWidths(lines: readonly LineFeatures[]): Float64Array {
  let out = localOfPage.get(lines);
  if (out) return out;
  const runOn = lines.map((l) => !l.endsSentence && !headlineShaped(l) && !l.dateline && !l.furniture);
  out = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const counts = new Map<number, number>();
    for (let j = Math.max(0, i - LOCAL_WINDOW); j <= Math.min(lines.length - 1, i + LOCAL_WINDOW); j++) {
      if (j === i || !runOn[j]) continue;
      const w = Math.round(lines[j]!.width);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    let best = 0, most = 2;
    for (const [w, n] of counts) if (n > most || (n === most && w > best)) [best, most] = [w, n];
    out[i] = best;
  }
  localOfPage.set(lines, out);
  return out;
}

/** A width against the local column: full, indented (2 ems in), short, much shorter, over it, or unknown. */
function againstColumn(width: number, local: number): string {
  if (!local) return 'none';
  const d = local - width;
  if (d < -1.5) return 'over';
  if (d <= 1) return 'full';
  if (d <= 2.5) return 'indent';
  return width < local * 0.6 ? 'half' : 'short';
}

function pageKind(layout: PageLayout): string {
  return layout.spaced ? 'spaced' : layout.blankless ? 'blankless' : 'blocks';
}

/** The names of the features that fire for line `i` (its own, its neighbours', the page's). */
export function featureNames(lines: readonly LineFeatures[], i: number, layout: PageLayout): string[] {
  const l = lines[i]!;
  const prev = lines[i - 1], next = lines[i + 1];
  const page = pageKind(layout);
  const w = ratioBand(l.widthRatio);
  const out = ['bias', `page:${page}`, `w:${w}`, `aw:${widthBand(l.width)}`, `end:${l.ending}`, `end:${l.ending}&w:${w}`, `block:${l.block}`, `block:${l.block}&${page}`];
  out.push(`commas:${Math.min(l.commas, 2)}`);
  const flags: [boolean, string][] = [
    [l.opensWithCloser, 'opensWithCloser'],
    [l.opensWithContinuation, 'opensWithContinuation'],
    [l.punctuationOnly, 'punctuationOnly'],
    [l.sentenceInside, 'sentenceInside'],
    [l.openBracket, 'openBracket'],
    [l.gapBefore, 'gapBefore'],
    [l.gapAfter, 'gapAfter'],
    [l.marked, 'marked'],
    [l.dateline, 'dateline'],
    [l.byline, 'byline'],
    [l.byline && l.width <= 30 && l.commas === 0 && !l.endsSentence, 'bylineShort'],
    [l.closingCredit, 'closingCredit'],
    [l.captionEnd, 'captionEnd'],
    [l.creditedParagraph, 'creditedParagraph'],
    [l.dashSubtitle, 'dash'],
    // A dash line under a headline-shaped line is the subtitle of that headline (——记区应急救援队).
    [l.dashSubtitle && headlineShaped(prev), 'dashUnderHeadline'],
    [l.speakerLine, 'speaker'],
    [l.decorated, 'decorated'],
    // A date or dateline opening a line counts as a paragraph's opening only after a finished line or a
    // blank; after a line that runs on it is a wrapped sentence going on (…将于 / 12月17日开幕).
    [l.paragraphOpener && (l.gapBefore || !prev || prev.endsSentence), 'opener'],
    [l.paragraphOpener && !l.gapBefore && prev !== undefined && !prev.endsSentence, 'openerRunOn'],
    [!/\p{P}/u.test(l.text), 'noPunctuation'],
    [/\s/u.test(l.text), 'innerSpace'],
    [closesBracket(l.text), 'closesBracket'],
    [l.byline && prev !== undefined && prev.openBracket && !prev.endsSentence, 'bylineInBracket'],
    [l.text.includes('、'), 'enumeration'],
  ];
  for (const [on, name] of flags) if (on) out.push(name);
  if (l.furniture) out.push(`furniture:${l.furniture}`);
  for (const cue of l.cues) out.push(`cue:${cue}`);
  neighbour('p:', prev, out);
  neighbour('n:', next, out);
  runFeatures(lines, i, layout, out);
  widthAgainst('vsPrev:', l, prev, out);
  widthAgainst('vsNext:', l, next, out);
  const next2 = lines[i + 2];
  if (next2?.dateline) out.push('n2:dateline');
  if (next2?.byline) out.push('n2:byline');
  // Conjunctions the roles hinge on: a short unpunctuated line after a finished sentence, before a dateline.
  out.push(`end:${l.ending}&p:${prev?.ending ?? 'none'}`, `end:${l.ending}&n:${next?.ending ?? 'none'}`);
  if (next?.dateline) out.push(`w:${w}&n:dateline`, `end:${l.ending}&n:dateline`);
  if (prev?.endsSentence && !l.endsSentence) out.push(`afterSentence&w:${w}`);
  // Widths against the line's own column (localWidths), and the next line's against its own with how it
  // ends: a full line running on is body; a short unpunctuated one over a full line, a section head or a title.
  // (Of the conjunctions tried with a left-out dev split, these two weighed most: its mutool and -raw lines
  // wrong 0.91 / 0.61% → 0.49 / 0.49%; with the ending, the line before, the next alone no better.)
  const local = localWidths(lines);
  const col = againstColumn(l.width, local[i]!);
  const nCol = next ? `${againstColumn(next.width, local[i + 1]!)}${next.endsSentence ? 'ends' : 'runs'}` : 'edge';
  out.push(`col:${col}`, `col:${col}&n:${nCol}`);
  return out;
}

/** A line's features that have weights (in the order they fire) and those weights, one vector per role each. */
interface Weighed {
  names: string[];
  vectors: ArrayLike<number>[];
}

function weighedFeatures(weights: LabellerWeights, names: readonly string[]): Weighed {
  const out: Weighed = { names: [], vectors: [] };
  for (const name of names) {
    const w = weights.features[name];
    if (w) {
      out.names.push(name);
      out.vectors.push(w);
    }
  }
  return out;
}

/** Score of each role for one line: the sum of its features' weights. */
function emissions(weights: LabellerWeights, names: readonly string[]): Float64Array {
  return emissionsOf(weighedFeatures(weights, names));
}

function emissionsOf({ vectors }: Weighed): Float64Array {
  const scores = new Float64Array(roles.length);
  for (const w of vectors) for (let r = 0; r < scores.length; r++) scores[r]! += w[r]!;
  return scores;
}

/** The best role sequence (Viterbi) over per-line scores and role transitions, within the allowed roles. */
export function decode(weights: LabellerWeights, vectors: readonly string[][], allowed: readonly (readonly number[])[]): number[] {
  return bestPath(vectors.map((v) => emissions(weights, v)), allowed, (r) => weights.start[r]!, (q, r) => weights.transitions[q]![r]!);
}

/**
 * Viterbi: the role sequence with the highest sum of per-line scores (`emission[i][role]`), the first
 * line's start score and each consecutive pair's transition score, each line within its allowed roles.
 * Shared by labelling (decode) and training (scripts/train-labeller.ts, over its flat weight vector).
 */
export function bestPath(
  emission: readonly Float64Array[],
  allowed: readonly (readonly number[])[],
  start: (role: number) => number,
  transition: (from: number, to: number) => number,
): number[] {
  const n = emission.length, k = roles.length;
  if (!n) return [];
  const score: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const e = emission[i]!;
    const s = new Float64Array(k).fill(-Infinity);
    const b = new Int32Array(k);
    for (const r of allowed[i]!) {
      if (i === 0) {
        s[r] = start(r) + e[r]!;
        continue;
      }
      let best = -Infinity, from = 0;
      for (let q = 0; q < k; q++) {
        const v = score[i - 1]![q]! + transition(q, r);
        if (v > best) [best, from] = [v, q];
      }
      s[r] = best + e[r]!;
      b[r] = from;
    }
    score.push(s);
    back.push(b);
  }
  const path = new Array<number>(n);
  let last = 0;
  for (let r = 1; r < k; r++) if (score[n - 1]![r]! > score[n - 1]![last]!) last = r;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = last;
    last = back[i]![last]!;
  }
  return path;
}

/** The features that weighed most for `role` over the runner-up role, strongest first. */
function reasonsOf({ names, vectors }: Weighed, role: number): string[] {
  // The three strongest kept as they come (weight, then name: a line's feature names are all
  // different, so this is the order a full sort gives).
  const top: { name: string; w: number }[] = [];
  for (let k = 0; k < names.length; k++) {
    const w = vectors[k]![role] ?? 0;
    if (!(w > 0)) continue;
    const name = names[k]!;
    let at = top.length;
    while (at > 0 && (w > top[at - 1]!.w || (w === top[at - 1]!.w && name < top[at - 1]!.name))) at--;
    if (at < 3) {
      top.splice(at, 0, { name, w });
      if (top.length > 3) top.pop();
    }
  }
  return top.map((f) => `${f.name} +${f.w.toFixed(2)}`);
}
