// Stage: segment articles. Labelled lines → article drafts (a headline group and the body lines it
// belongs to) and furniture. The labeller (classify-lines.ts) has said which lines are headline parts,
// body, section heads (小标题) and photo captions; this stage decides whether the page prints headlines
// before their bodies (the usual order) or after them (a common flattening of e-paper PDFs), where a
// body run holds two reports (a dateline after a finished paragraph), and which headline groups are
// entries of an index box (导读). It builds new drafts and never changes a line.
import { runOn } from '../data/punctuation.ts';
import { charLength } from './char-class.ts';
import { hanCharacter, hanPairs, pairKey } from './han-pairs.ts';
import type { ArticleDraft, ClassifiedLine, FurnitureKind, SegmentResult } from './types.ts';

export type { ArticleDraft, SegmentResult } from './types.ts';

type Unit =
  | { type: 'group'; lines: ClassifiedLine[] }
  | { type: 'body'; lines: ClassifiedLine[] }
  | { type: 'caption'; lines: ClassifiedLine[] }
  | { type: 'furniture'; line: ClassifiedLine; kind: FurnitureKind };

export function segmentArticles(lines: ClassifiedLine[]): SegmentResult {
  const units = markIndexGroups(toUnits(lines));
  const headlinesAfter = votesHeadlinesAfter(units);
  const furniture: SegmentResult['furniture'] = [];
  const drafts: ArticleDraft[] = [];
  let current: ArticleDraft | null = null;
  /** After-layout: the current draft has had its headline group (what follows starts a new one). */
  let closed = false;
  const open = (headline: ClassifiedLine[]): ArticleDraft => {
    current = { headline, body: [] };
    drafts.push(current);
    closed = false;
    return current;
  };

  units.forEach((unit, u) => {
    const next = units[u + 1];
    if (unit.type === 'furniture') {
      furniture.push({ kind: unit.kind, line: unit.line });
      return;
    }
    if (unit.type === 'caption') {
      // A photo caption is an item of its own beside the flow: the report around it goes on after it.
      // Right under a headline (and no body between) it is that headline's body: a titled photo.
      // A bare credit (■ 张晶) right after body text, its caption printed elsewhere (columns flattened into
      // each other), stays with that text for thread-columns.ts to find its caption.
      const c = current as ArticleDraft | null;
      const bare = unit.lines.length === 1 && !/[。！？!?]/u.test(unit.lines[0]!.text) && units[u - 1]?.type === 'body';
      if (c && ((!headlinesAfter && c.body.length === 0 && units[u - 1]?.type === 'group') || bare)) c.body.push(...unit.lines);
      else drafts.push({ headline: [], body: unit.lines });
      return;
    }
    if (unit.type === 'group') {
      if (headlinesAfter) {
        // Bylines stand above the next body: they open the next draft; headlines close the body before.
        const heads = unit.lines.filter((l) => l.role !== 'byline');
        const bylines = unit.lines.filter((l) => l.role === 'byline');
        if (heads.length) {
          if (current && !closed && current.body.length) {
            current.headline.push(...heads);
            closed = true;
          } else for (const line of heads) furniture.push({ kind: 'other', line });
        }
        if (bylines.length) open(bylines);
        return;
      }
      // A headline with no body after it: furniture, unless a byline waits for text (a lone byline opens its draft).
      if (!next || (next.type !== 'body' && next.type !== 'caption')) {
        if (unit.lines.every((l) => l.role === 'byline')) open(unit.lines);
        else for (const line of unit.lines) furniture.push({ kind: 'other', line });
        return;
      }
      open(unit.lines);
      return;
    }
    // A body run, split where a dateline opens a new report after a finished paragraph.
    for (const piece of splitAtDatelines(unit.lines)) {
      const startsReport = piece[0]!.dateline;
      const c = current as ArticleDraft | null;
      const needNew = c === null || (headlinesAfter && closed) || (startsReport && c.body.length > 0);
      (needNew ? open([]) : c!).body.push(...piece);
    }
  });
  return { drafts, furniture, headlinesAfter };
}

/** Lines grouped by what they are: headline groups, body runs, photo captions (each to its credit), furniture. */
function toUnits(lines: ClassifiedLine[]): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    const last = units.at(-1);
    if (line.role === 'furniture') units.push({ type: 'furniture', line, kind: line.furniture ?? 'other' });
    else if (line.role === 'caption') {
      // A caption ends at its credit: the next caption line opens another photo's caption.
      if (last?.type === 'caption' && !last.lines.at(-1)!.captionEnd) last.lines.push(line);
      else units.push({ type: 'caption', lines: [line] });
    } else if (line.role === 'body' || line.role === 'section') {
      if (last?.type === 'body') last.lines.push(line);
      else units.push({ type: 'body', lines: [line] });
    } else if (last?.type === 'group') last.lines.push(line);
    else units.push({ type: 'group', lines: [line] });
  }
  return units;
}

/**
 * A headline group next to an index label or an index page reference is an index entry (导读): before
 * an index line; after one only when no body follows (else it heads that body). Returns a new unit list.
 */
function markIndexGroups(units: Unit[]): Unit[] {
  const isIndex = (n: Unit | undefined): boolean => n?.type === 'furniture' && n.kind === 'index';
  return units.flatMap((unit, u): Unit[] => {
    if (unit.type !== 'group') return [unit];
    if (!isIndex(units[u + 1]) && !(isIndex(units[u - 1]) && units[u + 1]?.type !== 'body')) return [unit];
    return unit.lines.map((line) => ({ type: 'furniture', line, kind: 'index' }));
  });
}

/**
 * Whether this page prints headlines after their bodies, by votes: the page opens with body text or a
 * lone byline (after) or with a headline (before); it closes with a headline group (after) or body text
 * (before); a report opened by a dateline with a headline group on one side only votes for that side;
 * a headline between two reports votes for the one it shares more words with. Photo captions do not
 * vote. Markdown-marked headings are always printed before their bodies.
 */
function votesHeadlinesAfter(units: Unit[]): boolean {
  const content = units.filter((u) => u.type === 'group' || u.type === 'body');
  if (!content.length || units.some((u) => u.type === 'group' && u.lines.some((l) => l.marked))) return false;
  const headed = (u: Unit | undefined): u is Extract<Unit, { type: 'group' }> => u?.type === 'group' && u.lines.some((l) => l.role === 'title' || l.role === 'kicker');
  let after = 0;
  let before = 0;
  const first = content[0]!, last = content.at(-1)!;
  if (headed(first)) before++;
  else after++;
  if (headed(last)) after++;
  else if (last.type === 'body') before++;
  content.forEach((unit, u) => {
    if (unit.type !== 'body') return;
    const pieces = splitAtDatelines(unit.lines);
    pieces.forEach((piece, p) => {
      if (!piece[0]!.dateline) return;
      const prev = p === 0 && headed(content[u - 1]), next = p === pieces.length - 1 && headed(content[u + 1]);
      if (prev && !next) before++;
      else if (next && !prev) after++;
    });
  });
  // A headline shares words with its own report: one between two reports votes for the closer in wording.
  content.forEach((unit, u) => {
    const prev = content[u - 1], next = content[u + 1];
    if (!headed(unit) || prev?.type !== 'body' || next?.type !== 'body') return;
    const lead = splitAtDatelines(next.lines)[0]!, tail = splitAtDatelines(prev.lines).at(-1)!;
    const diff = sharedWords(unit.lines, tail) - sharedWords(unit.lines, lead);
    if (diff >= minSharedWords) after++;
    else if (diff <= -minSharedWords) before++;
  });
  return after > before;
}

/** How many more two-character words a headline must share with one neighbouring report than with the other to vote. */
const minSharedWords = 2;

/** How many two-character words the title and kicker lines of `headline` share with `text`. */
function sharedWords(headline: ClassifiedLine[], text: ClassifiedLine[]): number {
  const words = hanPairs(headline.filter((l) => l.role === 'title' || l.role === 'kicker').map((l) => l.text).join(''));
  if (!words.size) return 0;
  // The text's Han pairs, read in one pass (only the shared ones are kept), by code point: no string per character.
  const found = new Set<number>();
  let previous = -1;
  for (const line of text) {
    const t = line.text;
    for (let i = 0; i < t.length; i++) {
      const pair = charLength(t, i) === 2;
      const c = pair ? (hanCharacter.has(t.slice(i, i + 2)) ? t.codePointAt(i)! : -1) : hanCharacter.hasUnit(t.charCodeAt(i)) ? t.charCodeAt(i) : -1;
      if (pair) i++;
      if (c < 0) continue;
      if (previous >= 0 && words.has(pairKey(previous, c))) found.add(pairKey(previous, c));
      previous = c;
    }
  }
  return found.size;
}

/** Unless the line before runs on into it (a comma, an open clause), a dateline opens a new report. */
function splitAtDatelines(lines: ClassifiedLine[]): ClassifiedLine[][] {
  const pieces: ClassifiedLine[][] = [[]];
  lines.forEach((line, i) => {
    if (i > 0 && line.dateline && (lines[i - 1]!.endsSentence || line.gapBefore || !runOn.has([...lines[i - 1]!.text].at(-1) ?? ''))) pieces.push([]);
    pieces.at(-1)!.push(line);
  });
  return pieces;
}
