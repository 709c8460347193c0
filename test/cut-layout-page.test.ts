// Stage cut-layout-page: test/fixtures/cut-layout-page/<case>/input.txt (a page as `pdftotext -layout`
// prints it: every piece of text padded with spaces to its place, one character per cell) and
// expected.txt (written by hand: every produced line as `line:column text`, in reading order). The
// inputs are made up, not copied from the corpus; each isolates one rule of the XY-cut.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellRuns, cutLayoutPage, isLaidOut } from '../scripts/pipeline/cut-layout-page.ts';
import { readLines, showLines, sortedChars } from './stage-lines.ts';

const dir = join('test', 'fixtures', 'cut-layout-page');
const cases = readdirSync(dir).sort();

describe('stage cut-layout-page', () => {
  it('has fixtures for a masthead beside an index box, rows another block took, columns past blank rows, stacked articles and a wider block below', () => {
    expect(cases).toEqual(['columns-past-blank-rows', 'masthead-beside-index', 'rows-another-block-took', 'stacked-articles', 'wider-block-below']);
  });
  for (const name of cases) {
    const input = readFileSync(join(dir, name, 'input.txt'), 'utf8');
    const lines = readLines(input);
    const out = cutLayoutPage(lines);
    it(`${name}: blocks in reading order`, () => {
      expect(isLaidOut(lines)).toBe(true);
      expect(showLines(out)).toBe(readFileSync(join(dir, name, 'expected.txt'), 'utf8'));
    });
    it(`${name}: keeps every character, and each line's position points at its text`, () => {
      expect(sortedChars(out)).toBe(sortedChars(lines));
      for (const l of out) {
        const printed = [...lines[l.position.line - 1]!.text].slice(l.position.column - 1).join('');
        expect(printed.startsWith(l.text), `${l.position.line}:${l.position.column} ${l.text}`).toBe(true);
      }
    });
  }
  it('cuts a row into pieces at two spaces or more, one space stays inside a piece', () => {
    expect(cellRuns('本报讯 公交   新 华 社  电', 0).map((r) => [r.from, r.to, r.text])).toEqual([
      [0, 6, '本报讯 公交'],
      [9, 14, '新 华 社'],
      [16, 17, '电'],
    ]);
  });
  it('leaves a page without padding as it is (the same array)', () => {
    const lines = readLines('一行没有空格的正文。\n第二行 也只有一个空格。\n第三行。\n第四行。\n第五行。\n');
    expect(cutLayoutPage(lines)).toBe(lines);
  });
});
