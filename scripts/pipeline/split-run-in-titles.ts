// Stage: split run-in titles. A brief (简讯) often prints its title at the head of its first line, set off
// by a space and followed by the report's dateline: `北塬秋季马拉松开放报名　本报讯 2024北塬秋季马拉松将于…`.
// Text extractors give that as one line; this stage gives the title its own line, so the labeller sees a
// headline over a dateline as everywhere else. Only where the words after the first space open a report
// (a dateline: 本报讯, 新华社…电, also when the line wraps inside it, `… 本` / `报讯 …`) and the words
// before it could be a headline (no sentence or clause marks, not a byline, not furniture), so a line
// of running text is never cut. Lines are only split: every character stays, and each piece keeps the
// position (line, column) of its first character.
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
  const out = lines.flatMap((line, i): SourceLine[] => {
    const m = runIn.exec(line.text);
    if (!m) return [line];
    const [, lead, title, gap, rest] = m as unknown as [string, string, string, string, string];
    if (!/\p{Script=Han}/u.test(title) || bylineStart.test(title) || opensReport(title)) return [line];
    if (furniturePatterns.some((f) => f.pattern.test(title) || f.pattern.test(line.text.trim()))) return [line];
    const next = lines.slice(i + 1).find((l) => l.text.trim() !== '');
    const wrapped = [...rest].length <= MAX_WRAPPED_PREFIX && next !== undefined && opensReport(rest + next.text.trim());
    if (!opensReport(rest) && !wrapped) return [line];
    changed = true;
    const restColumn = line.position.column + [...title].length + [...gap].length;
    return [
      { text: `${lead}${title}`, position: line.position },
      { text: rest, position: { ...line.position, column: restColumn } },
    ];
  });
  return changed ? out : lines;
}
