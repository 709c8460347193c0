// Stage: normalise spacing. Some flattening tools print a blank line after every line of the page
// (double spacing, 隔行): a wrapped paragraph then looks like one line per block, and a block ends at
// two or more blanks. Such a page is brought back to the single-spaced form the later stages read, by
// taking one blank line out of every run of blanks. Only blank lines are dropped: every other line
// keeps its source position, so no character and no position is lost.
import { doubleSpacing } from '../data/spacing.ts';
import { endsSentence } from './classify-lines.ts';
import type { SourceLine } from './types.ts';

export function normaliseSpacing(lines: SourceLine[]): SourceLine[] {
  if (!isDoubleSpaced(lines)) return lines;
  // Drop the first blank of each run: the one the tool printed after the line above.
  return lines.filter((line, i) => !(isBlank(line) && i > 0 && !isBlank(lines[i - 1]!)));
}

/**
 * Double spaced: nearly every text line is followed by a blank, and blocks end at runs of two or more
 * blanks, either at most gaps (a spaced page, doubled) or at enough of them while the lines parted by
 * one blank mostly run on into the next (a wrapped page, doubled). A page whose single blanks part
 * whole paragraphs or interleaved column lines (and which seldom shows two blanks) is left as it is.
 */
export function isDoubleSpaced(lines: SourceLine[]): boolean {
  const runs: { before: SourceLine; blanks: number }[] = [];
  let before: SourceLine | undefined;
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line)) {
      blanks++;
      continue;
    }
    if (before) runs.push({ before, blanks });
    before = line;
    blanks = 0;
  }
  if (runs.length < doubleSpacing.minGaps) return false;
  const followed = runs.filter((r) => r.blanks >= 1).length / runs.length;
  if (followed < doubleSpacing.minFollowed) return false;
  const wide = runs.filter((r) => r.blanks >= 2).length / runs.length;
  if (wide >= doubleSpacing.mostGapsWide) return true;
  const single = runs.filter((r) => r.blanks === 1);
  const runningOn = single.filter((r) => !endsSentence(r.before.text)).length / Math.max(1, single.length);
  return wide >= doubleSpacing.minWide && runningOn >= doubleSpacing.minRunningOn;
}

function isBlank(line: SourceLine): boolean {
  return !line.text.trim();
}
