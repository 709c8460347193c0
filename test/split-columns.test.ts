// Stage split-columns: test/fixtures/split-columns/<case>/input.txt (a page as a PDF text extractor
// printed it, columns side by side on one line) and expected.txt (checked by hand: every produced line
// as `line:column text`, in reading order). Regenerate only on purpose with UPDATE_FIXTURES=1.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitColumns } from '../scripts/pipeline/split-columns.ts';
import { readLines, showLines, sortedChars } from './stage-lines.ts';

const dir = join('test', 'fixtures', 'split-columns');
const cases = readdirSync(dir).sort();

describe('stage split-columns', () => {
  it('has fixtures for 2 and 3 columns, uneven ends, a spanning headline and ordinary spaces', () => {
    expect(cases).toEqual(expect.arrayContaining(['two-columns', 'three-columns', 'first-column-shorter', 'spanning-headline', 'ordinary-spaces']));
  });
  for (const name of cases) {
    const input = readFileSync(join(dir, name, 'input.txt'), 'utf8');
    const lines = readLines(input);
    const out = splitColumns(lines);
    it(`${name}: columns in reading order`, () => {
      const file = join(dir, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(file, showLines(out));
      expect(showLines(out)).toBe(readFileSync(file, 'utf8'));
    });
    it(`${name}: keeps every character, and each line's position points at its text`, () => {
      expect(sortedChars(out)).toBe(sortedChars(lines));
      for (const l of out) {
        const printed = [...lines[l.position.line - 1]!.text].slice(l.position.column - 1).join('');
        expect(printed.startsWith(l.text.trimStart()), `${l.position.line}:${l.position.column} ${l.text}`).toBe(true);
      }
    });
  }
  it('leaves a page without gaps as it is (the same array)', () => {
    const lines = readLines('一行没有空格的正文。\n第二行也没有。\n');
    expect(splitColumns(lines)).toBe(lines);
  });
});
