// Stage split-run-in-titles: test/fixtures/split-run-in-titles/<case>/input.txt (lines as a text
// extractor printed a brief whose title runs in before its dateline) and expected.txt (checked by hand:
// every produced line as `line:column text`). Regenerate only on purpose with UPDATE_FIXTURES=1.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitRunInTitles } from '../scripts/pipeline/split-run-in-titles.ts';
import { readLines, showLines, sortedChars } from './stage-lines.ts';

const dir = join('test', 'fixtures', 'split-run-in-titles');
const cases = readdirSync(dir).sort();

describe('stage split-run-in-titles', () => {
  it('has fixtures for a dateline, a dateline wrapped after 本, and running text left alone', () => {
    expect(cases).toEqual(['dateline', 'running-text', 'wrapped-dateline']);
  });
  for (const name of cases) {
    const input = readFileSync(join(dir, name, 'input.txt'), 'utf8');
    const lines = readLines(input);
    const out = splitRunInTitles(lines);
    it(`${name}: titles on their own line`, () => {
      const file = join(dir, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(file, showLines(out));
      expect(showLines(out)).toBe(readFileSync(file, 'utf8'));
    });
    it(`${name}: keeps every character, and each line's position points at its text`, () => {
      expect(sortedChars(out)).toBe(sortedChars(lines));
      for (const l of out) {
        if (!l.text.trim()) continue;
        const printed = [...lines[l.position.line - 1]!.text].slice(l.position.column - 1).join('');
        expect(printed.startsWith(l.text.trimStart()), `${l.position.line}:${l.position.column} ${l.text}`).toBe(true);
      }
    });
  }
  it('leaves a page without run-in titles as it is (the same array)', () => {
    const lines = readLines('一行没有空格的正文。\n第二行也没有。\n');
    expect(splitRunInTitles(lines)).toBe(lines);
  });
});
