// Stage order-fragments: test/fixtures/order-fragments/<case>/input.txt (lines as poppler's pdftotext
// prints a CJK page in its default mode: every column line a block of its own, a blank line after it)
// and expected.txt (written by hand from the article's reading order: every non-blank produced line as
// `line:column text`). Regenerate only on purpose with UPDATE_FIXTURES=1, and check the result by hand.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Every ask of the word model, counted (the model itself answers).
const asks = vi.hoisted(() => ({ n: 0 }));
vi.mock('../scripts/pipeline/word-model.ts', async (original) => {
  const real = await original<typeof import('../scripts/pipeline/word-model.ts')>();
  return { ...real, joinGain: (a: string, b: string, reach?: number) => (asks.n++, real.joinGain(a, b, reach)) };
});
import { orderFragments } from '../scripts/pipeline/order-fragments.ts';
import type { SourceLine } from '../scripts/pipeline/types.ts';
import { readLines, showLines } from './stage-lines.ts';
import { joinGain } from '../scripts/pipeline/word-model.ts';

const dir = join('test', 'fixtures', 'order-fragments');
const cases = readdirSync(dir).sort();
const show = (lines: SourceLine[]): string => showLines(lines, true);
const key = (l: SourceLine): string => `${l.position.line}:${l.position.column}:${l.text}`;

describe('stage order-fragments', () => {
  it('has fixtures for two columns printed row by row, and the same page in reading order', () => {
    expect(cases).toEqual(['in-reading-order', 'two-columns']);
  });
  for (const name of cases) {
    const lines = readLines(readFileSync(join(dir, name, 'input.txt'), 'utf8'));
    const out = orderFragments(lines);
    it(`${name}: lines in reading order`, () => {
      const file = join(dir, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(file, show(out));
      expect(show(out)).toBe(readFileSync(file, 'utf8'));
    });
    it(`${name}: moves lines whole, blank ones too: every line once, with its own position`, () => {
      expect(out.map(key).sort()).toEqual(lines.map(key).sort());
      for (const l of out) expect(lines[l.position.line - 1]!.text).toBe(l.text);
    });
  }
  it('leaves a page already in reading order as it is (the same array)', () => {
    const lines = readLines(readFileSync(join(dir, 'in-reading-order', 'input.txt'), 'utf8'));
    expect(orderFragments(lines)).toBe(lines);
  });
  it('returns a page none of whose blocks ends on a line that runs on untouched, without asking the word model', () => {
    // Paragraphs (a line running on, a line ending the sentence) and headlines as wide as the column.
    const para = '今年春运从一月十四日开始，为期四十天的\n客流高峰随之而来。';
    const headline = '湄川市交通运输局发布春运出行提示通知';
    const text = ['湄川晚报', ...Array.from({ length: 5 }, () => [headline, para]).flat()].join('\n\n');
    const lines = readLines(`${text}\n`);
    asks.n = 0;
    expect(orderFragments(lines)).toBe(lines);
    expect(asks.n).toBe(0);
  });
  it('still asks the word model on a fragment soup, and reorders it', () => {
    const lines = readLines(readFileSync(join(dir, 'two-columns', 'input.txt'), 'utf8'));
    asks.n = 0;
    expect(orderFragments(lines)).not.toBe(lines);
    expect(asks.n).toBeGreaterThan(0);
  });
  it('leaves a page of few blocks as it is', () => {
    const lines = readLines('湄川晚报\n\n今年春运从一月十四日开始，\n\n为期四十天。\n');
    expect(orderFragments(lines)).toBe(lines);
  });
  it('reads a dictionary word running across a join as evidence, a join between words as none (word-model.ts)', () => {
    // 交通运|输局 splits 运输局 / 交通运输局; 交通运|汽车站 joins two words; 。| ends a sentence.
    expect(joinGain('交通运', '输局获悉')).toBeGreaterThan(5);
    expect(joinGain('交通运', '汽车站增')).toBe(0);
    expect(joinGain('百分之八。', '湄川站开')).toBe(0);
    // 春运拉|开帷幕 (拉开帷幕) reads better than 春运拉|车区 (a stray 拉车).
    expect(joinGain('春运拉', '开帷幕')).toBeGreaterThan(joinGain('春运拉', '车区，') + 3);
  });
});
