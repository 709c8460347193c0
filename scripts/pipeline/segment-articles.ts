// Stage: segment articles. Classified lines → article drafts (a headline group and the body lines it
// belongs to) and furniture. Decides whether the page prints headlines before their bodies (the usual
// order) or after them (a common flattening of e-paper PDFs), and which headline-like lines are only
// section heads (小标题) inside a body.
import { paragraphOpener } from '../data/article-lines.ts';
import { runOn } from '../data/punctuation.ts';
import { atWrapWidth, type ClassifiedLine, type PageLayout } from './classify-lines.ts';
import type { FurnitureKind } from './types.ts';

export interface ArticleDraft {
  /** Headline lines (heading, subtitle, byline roles) in page order. */
  headline: ClassifiedLine[];
  /** Body lines in reading order; headings among them are section heads. */
  body: ClassifiedLine[];
  /** Line indices that open a paragraph, when re-threading has decided them (thread-columns.ts). */
  paragraphStarts?: number[];
}

export interface SegmentResult {
  drafts: ArticleDraft[];
  furniture: { kind: FurnitureKind; line: ClassifiedLine }[];
  /** Headlines stand after their bodies on this page. */
  headlinesAfter: boolean;
}

type Unit = { type: 'group'; lines: ClassifiedLine[] } | { type: 'body'; lines: ClassifiedLine[] } | { type: 'furniture'; line: ClassifiedLine };

export function segmentArticles(lines: ClassifiedLine[], layout: PageLayout): SegmentResult {
  const furniture: SegmentResult['furniture'] = [];
  const units = toUnits(lines);
  markIndexGroups(units);
  const headlinesAfter = votesHeadlinesAfter(units, layout);
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
      furniture.push({ kind: unit.line.furniture ?? 'other', line: unit.line });
      return;
    }
    if (unit.type === 'group') {
      if (headlinesAfter) {
        // Bylines stand above the next body: what follows them in the group is that body's first text.
        const at = unit.lines.findIndex((l) => l.role === 'byline');
        const heads = at < 0 ? unit.lines : unit.lines.slice(0, at);
        const trailing = at < 0 ? [] : unit.lines.slice(at).filter((l) => l.role === 'byline');
        const lead = at < 0 ? [] : unit.lines.slice(at).filter((l) => l.role !== 'byline');
        if (heads.length) {
          if (current && !closed && current.body.length && !trailing.length && !closesBody(heads, current.body, next, layout)) current.body.push(...heads);
          else if (current && !closed && current.body.length) {
            current.headline.push(...heads);
            closed = true;
          } else for (const line of heads) furniture.push({ kind: 'other', line });
        }
        if (trailing.length) {
          open(trailing).body.push(...lead.map((l) => ({ ...l, role: 'body' as const })));
          closed = false;
        }
        return;
      }
      if (isSectionHead(unit.lines, next) && current && current.body.length) {
        current.body.push(...unit.lines);
        return;
      }
      // Headlines stand above the byline: headline-like lines after it are the body's first text.
      const bylineAt = unit.lines.findLastIndex((l) => l.role === 'byline');
      const lead = unit.lines.slice(bylineAt + 1).filter((l) => bylineAt >= 0 && l.role === 'heading' && !l.marked);
      const heads = unit.lines.filter((l) => !lead.includes(l));
      if (!lead.length && (!next || next.type !== 'body')) {
        if (heads.every((l) => l.role === 'byline')) open(heads);
        else for (const line of heads) furniture.push({ kind: 'other', line });
        return;
      }
      open(heads).body.push(...lead.map((l) => ({ ...l, role: 'body' as const })));
      return;
    }
    // A body run, split where a dateline opens a new report after a finished paragraph. A photo
    // caption is an item of its own beside the flow: the report around it goes on after it.
    for (const piece of splitBody(unit.lines, layout)) {
      if (piece.caption) {
        drafts.push({ headline: [], body: piece.lines });
        continue;
      }
      const startsReport = piece.lines[0]!.dateline;
      const needNew: boolean =
        current === null ||
        (headlinesAfter && closed) || (startsReport && current.body.length > 0);
      const draft: ArticleDraft = needNew ? open([]) : current!;
      draft.body.push(...piece.lines);
    }
  });
  return { drafts, furniture, headlinesAfter };
}

function toUnits(lines: ClassifiedLine[]): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    const last = units.at(-1);
    if (line.role === 'furniture') units.push({ type: 'furniture', line });
    else if (line.role === 'body') {
      if (last?.type === 'body') last.lines.push(line);
      else units.push({ type: 'body', lines: [line] });
    } else if (last?.type === 'group') last.lines.push(line);
    else units.push({ type: 'group', lines: [line] });
  }
  return units;
}

/** A headline group next to an index label or an index page reference is an index entry (导读). */
function markIndexGroups(units: Unit[]): void {
  units.forEach((unit, u) => {
    if (unit.type !== 'group') return;
    const isIndex = (n: Unit | undefined): boolean => n?.type === 'furniture' && n.line.furniture === 'index';
    // Before an index label or page reference; after one only when no body follows (else it heads that body).
    if (isIndex(units[u + 1]) || (isIndex(units[u - 1]) && units[u + 1]?.type !== 'body')) {
      const entries = unit.lines.map((line) => ({ ...line, role: 'furniture' as const, furniture: 'index' as const }));
      units.splice(u, 1, ...entries.map((line) => ({ type: 'furniture' as const, line })));
    }
  });
}

/**
 * Whether this page prints headlines after their bodies, by votes: the page opens with body text or a
 * lone byline (after) or with a headline (before); it closes with a headline group (after) or body text
 * (before); a report opened by a dateline with a headline group on one side only votes for that side;
 * a headline between two reports votes for the one it shares more words with. Photo captions do not
 * vote. Markdown-marked headings are always printed before their bodies.
 */
function votesHeadlinesAfter(units: Unit[], layout: PageLayout): boolean {
  const content = units.filter((u) => u.type !== 'furniture' && !captionsOnly(u, layout));
  if (!content.length || units.some((u) => u.type === 'group' && u.lines.some((l) => l.marked))) return false;
  const headed = (u: Unit | undefined): u is Extract<Unit, { type: 'group' }> => u?.type === 'group' && u.lines.some((l) => l.role === 'heading');
  let after = 0;
  let before = 0;
  const first = content[0]!, last = content.at(-1)!;
  if (headed(first)) before++;
  else after++;
  if (headed(last)) after++;
  else if (last.type === 'body') before++;
  content.forEach((unit, u) => {
    if (unit.type !== 'body') return;
    const pieces = splitBody(unit.lines, layout);
    pieces.forEach((piece, p) => {
      if (piece.caption || !piece.lines[0]!.dateline) return;
      const prev = p === 0 && headed(content[u - 1]), next = p === pieces.length - 1 && headed(content[u + 1]);
      if (prev && !next) before++;
      else if (next && !prev) after++;
    });
  });
  // A headline shares words with its own report: one between two reports votes for the closer in wording.
  content.forEach((unit, u) => {
    const prev = content[u - 1], next = content[u + 1];
    if (!headed(unit) || prev?.type !== 'body' || next?.type !== 'body') return;
    const lead = splitBody(next.lines, layout).find((p) => !p.caption), tail = splitBody(prev.lines, layout).findLast((p) => !p.caption);
    // A lone heading line before text that opens no report may be a section head (小标题) of that text.
    if (!lead || !tail || (unit.lines.length === 1 && !lead.lines[0]!.dateline)) return;
    const diff = sharedWords(unit.lines, tail.lines) - sharedWords(unit.lines, lead.lines);
    if (diff >= minSharedWords) after++;
    else if (diff <= -minSharedWords) before++;
  });
  return after > before;
}

/** How many more two-character words a headline must share with one neighbouring report than with the other to vote. */
const minSharedWords = 2;

/** How many two-character words the heading lines of `headline` share with `text`. */
function sharedWords(headline: ClassifiedLine[], text: ClassifiedLine[]): number {
  const words = bigrams(headline.filter((l) => l.role === 'heading').map((l) => l.text).join(''));
  return [...bigrams(text.map((l) => l.text).join(''))].filter((w) => words.has(w)).length;
}

/** The Han character pairs of a text (its candidate two-character words). */
function bigrams(text: string): Set<string> {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  return new Set(han.slice(1).map((c, i) => han[i]! + c));
}

/**
 * After-layout: a headline group ends the body before it when a new report, furniture or the end
 * follows, or when it shares clearly more words with that body than with the text after it (else a
 * lone heading line is a section head, 小标题, of the text after it).
 */
function closesBody(group: ClassifiedLine[], body: ClassifiedLine[], next: Unit | undefined, layout: PageLayout): boolean {
  if (group.some((l) => l.role !== 'heading') || group.length > 1) return true;
  if (!next || next.type !== 'body') return true;
  const first = splitBody(next.lines, layout)[0]!;
  return first.caption || first.lines[0]!.dateline || sharedWords(group, body) - sharedWords(group, first.lines) >= minSharedWords;
}

/** Before-layout: one unmarked heading line followed by body that opens no report is a section head. */
function isSectionHead(group: ClassifiedLine[], next: Unit | undefined): boolean {
  if (group.length === 1 && group[0]!.decorated) return true;
  if (group.length !== 1 || group[0]!.role !== 'heading' || group[0]!.marked) return false;
  return next?.type === 'body' && !next.lines[0]!.dateline;
}

interface BodyPiece {
  lines: ClassifiedLine[];
  /** A photo caption: from its paragraph's first line to the line ending with the credit. */
  caption: boolean;
}

/** A body run → reports (split at datelines) and the photo captions among them. */
function splitBody(lines: ClassifiedLine[], layout: PageLayout): BodyPiece[] {
  return splitAtDatelines(lines).flatMap((piece) => {
    const pieces: BodyPiece[] = [];
    let start = 0;
    piece.forEach((line, i) => {
      if (!line.captionEnd) return;
      // The caption opens where its paragraph does: after a blank, a set-in line or a line ending a
      // sentence short of the wrap width; a credit wrapped onto a line of its own belongs to the line above.
      const ends = (l: ClassifiedLine): boolean => l.endsSentence && !atWrapWidth(l, layout);
      let from = i;
      const bareCredit = !/[。！？!?]/u.test(line.text);
      // (On a spaced page every line stands after a blank: only sentence ends tell.)
      const opens = (l: ClassifiedLine): boolean => l.gapBefore && !layout.spaced;
      // A line opening a report (3月18日，…) after a finished sentence opens it too, even at the wrap width.
      const opensAfterSentence = (at: number): boolean => piece[at - 1]!.endsSentence && paragraphOpener.test(piece[at]!.text);
      while (from > start && !opens(piece[from]!) && !(from < i && opensAfterSentence(from)) && (!ends(piece[from - 1]!) || (from === i && bareCredit))) from--;
      if (from > start) pieces.push({ lines: piece.slice(start, from), caption: false });
      pieces.push({ lines: piece.slice(from, i + 1), caption: true });
      start = i + 1;
    });
    if (start < piece.length) pieces.push({ lines: piece.slice(start), caption: false });
    return pieces;
  });
}

/** A body run that holds nothing but photo captions. */
function captionsOnly(unit: Unit, layout: PageLayout): boolean {
  return unit.type === 'body' && splitBody(unit.lines, layout).every((p) => p.caption);
}

function splitAtDatelines(lines: ClassifiedLine[]): ClassifiedLine[][] {
  const pieces: ClassifiedLine[][] = [[]];
  lines.forEach((line, i) => {
    // Unless the line before runs on into it (a comma, an open clause), a dateline opens a new report.
    if (i > 0 && line.dateline && (lines[i - 1]!.endsSentence || line.gapBefore || !runOn.has([...lines[i - 1]!.text].at(-1) ?? ''))) pieces.push([]);
    pieces.at(-1)!.push(line);
  });
  return pieces;
}
