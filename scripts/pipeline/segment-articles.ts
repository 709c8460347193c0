// Stage: segment articles. Classified lines → article drafts (a headline group and the body lines it
// belongs to) and furniture. Decides whether the page prints headlines before their bodies (the usual
// order) or after them (a common flattening of e-paper PDFs), and which headline-like lines are only
// section heads (小标题) inside a body.
import { runOn } from '../data/punctuation.ts';
import type { ClassifiedLine, PageLayout } from './classify-lines.ts';
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
  const headlinesAfter = votesHeadlinesAfter(units);
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
          if (current && !closed && current.body.length && !trailing.length && !closesBody(heads, next)) current.body.push(...heads);
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
    // A body run, split where a dateline opens a new report after a finished paragraph.
    for (const piece of splitAtDatelines(unit.lines)) {
      const startsReport = piece[0]!.dateline;
      const needNew: boolean =
        current === null ||
        (headlinesAfter && closed) || (startsReport && current.body.length > 0);
      const draft: ArticleDraft = needNew ? open([]) : current!;
      draft.body.push(...piece);
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
 * Whether this page prints headlines after their bodies: it opens with body text (not a headline) and
 * closes with a headline group; Markdown-marked headings are always printed before their bodies.
 */
function votesHeadlinesAfter(units: Unit[]): boolean {
  const content = units.filter((u) => u.type !== 'furniture');
  if (!content.length || units.some((u) => u.type === 'group' && u.lines.some((l) => l.marked))) return false;
  let after = 0;
  let before = 0;
  const first = content[0]!, last = content.at(-1)!;
  if (first.type === 'body') after++;
  else if (first.lines.some((l) => l.role === 'heading')) before++;
  if (last.type === 'group' && last.lines.some((l) => l.role === 'heading')) after++;
  else if (last.type === 'body') before++;
  return after > before;
}

/** After-layout: a headline group ends the body before it when a new report, furniture or the end follows. */
function closesBody(group: ClassifiedLine[], next: Unit | undefined): boolean {
  if (group.some((l) => l.role !== 'heading') || group.length > 1) return true;
  if (!next || next.type !== 'body') return true;
  return next.lines[0]!.dateline;
}

/** Before-layout: one unmarked heading line followed by body that opens no report is a section head. */
function isSectionHead(group: ClassifiedLine[], next: Unit | undefined): boolean {
  if (group.length === 1 && group[0]!.decorated) return true;
  if (group.length !== 1 || group[0]!.role !== 'heading' || group[0]!.marked) return false;
  return next?.type === 'body' && !next.lines[0]!.dateline;
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
