// Stage: split run-in titles. A brief (简讯) often prints its title at the head of its first line, set off
// by a space and followed by the report's dateline: `北塬秋季马拉松开放报名　本报讯 2024北塬秋季马拉松将于…`.
// Text extractors give that as one line; this stage gives the title its own line, so the labeller sees a
// headline over a dateline as everywhere else. Only where the words after the first space open a report
// (a dateline: 本报讯, 新华社…电) and the words before it could be a headline (no sentence or clause
// marks, not a byline, not furniture), so a line of running text is never cut. Where the line wraps
// inside the dateline (`… 本` / `报讯 …`), the dateline's first characters go down to the line they
// open (`本报讯 …`), which then starts at their position: a one-character line `本` would read as part
// of the headline above it. Every character stays, and each line keeps the position (line, column) of
// its first character.
import { bylineStart } from '../data/article-lines.ts';
import { furniturePatterns } from '../data/furniture.ts';
import { opensReport } from './line-features.ts';
import type { SourceLine } from './types.ts';

/** A title and the rest of its line: the title 4–30 characters without punctuation of running text. */
const runIn = /^([ \u3000]*)([^\s，。、；：！？,.;:!?（）()]{4,30}?)([ \u3000]+)(\S.*)$/u;
/** Characters of a dateline that a line may end on before it wraps (本 / 报讯). */
const MAX_WRAPPED_PREFIX = 3;

export function splitRunInTitles(lines: SourceLine[]): SourceLine[] {
  let changed = false;
  // Lines that open with a wrapped dateline's first characters, by index: those characters and their place.
  const carried = new Map<number, SourceLine>();
  const out = lines.flatMap((line, i): SourceLine[] => {
    const lead = carried.get(i);
    if (lead) return [{ text: lead.text + line.text.trimStart(), position: lead.position }];
    const m = runIn.exec(line.text);
    if (!m) return [line];
    const [, indent, title, gap, rest] = m as unknown as [string, string, string, string, string];
    if (!/\p{Script=Han}/u.test(title) || bylineStart.test(title) || opensReport(title)) return [line];
    if (furniturePatterns.some((f) => f.pattern.test(title) || f.pattern.test(line.text.trim()))) return [line];
    const next = lines.findIndex((l, j) => j > i && l.text.trim() !== '');
    const wrapped = !opensReport(rest) && [...rest].length <= MAX_WRAPPED_PREFIX && next > 0 && opensReport(rest + lines[next]!.text.trim());
    if (!opensReport(rest) && !wrapped) return [line];
    changed = true;
    // (A line's column is that of its first character, past any indent.)
    const restLine = { text: rest, position: { ...line.position, column: line.position.column + [...title].length + [...gap].length } };
    const titleLine = { text: `${indent}${title}`, position: line.position };
    if (!wrapped) return [titleLine, restLine];
    carried.set(next, restLine);
    return [titleLine];
  });
  return changed ? out : lines;
}
