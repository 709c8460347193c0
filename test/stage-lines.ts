// Helpers the line stages' fixture tests share (split-columns, cut-layout-page, split-run-in-titles,
// order-fragments): a fixture's text as source lines, lines as an expected.txt shows them, and the
// characters conservation compares.
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import type { SourceLine } from '../scripts/pipeline/types.ts';

/** A fixture's text as the stages get it: lines of `input.txt`. */
export const readLines = (text: string): SourceLine[] => splitLines({ file: 'input.txt', text, encoding: 'utf-8' });

/** Every line as `line:column text`, one a row (blank lines too, unless `skipBlank`): an expected.txt. */
export const showLines = (lines: readonly SourceLine[], skipBlank = false): string =>
  lines
    .filter((l) => !skipBlank || l.text.trim())
    .map((l) => `${l.position.line}:${l.position.column} ${l.text}\n`)
    .join('');

/** The characters of some lines, spaces aside, sorted: what conservation compares. */
export const sortedChars = (lines: readonly SourceLine[]): string => [...lines.map((l) => l.text).join('').replace(/\s/gu, '')].sort().join('');
