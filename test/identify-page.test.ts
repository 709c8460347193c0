// identifyPage against hand-written fixtures: test/fixtures/identify-page/<case>/input.txt, an optional
// meta.json (the seed's path and the manifest), and expected.json (identity, masthead lines, and the
// rule ids of the diagnostics, sorted).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyPage, lunarAgrees } from '../scripts/pipeline/identify-page.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import type { Manifest } from '../scripts/pipeline/types.ts';

const root = 'test/fixtures/identify-page';

describe('identifyPage fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const meta: { file?: string; manifest?: Manifest } = existsSync(join(dir, 'meta.json'))
        ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))
        : {};
      const file = meta.file ?? `${name}.txt`;
      const lines = splitLines({ file, text: readFileSync(join(dir, 'input.txt'), 'utf8'), encoding: 'utf-8' });
      const result = identifyPage(lines, file, meta.manifest ?? emptyManifest());
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      expect(result.identity).toEqual(expected.identity);
      expect(result.mastheadLines).toEqual(expected.mastheadLines);
      expect(result.diagnostics.map((d) => d.ruleId).sort()).toEqual(expected.ruleIds);
    });
  }
});

describe('lunarAgrees', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it('accepts the 农历 date of the day, with 冬月/腊月 and without the day', () => {
    expect(lunarAgrees('壬寅年十月廿九', day('2022-11-22'))).toBe(true);
    expect(lunarAgrees('癸卯年闰二月初一', day('2023-03-22'))).toBe(true);
    expect(lunarAgrees('壬寅年冬月初一', day('2022-11-24'))).toBe(true);
    expect(lunarAgrees('壬寅年正月', day('2022-02-07'))).toBe(true);
    expect(lunarAgrees('正月初七', day('2022-02-07'))).toBe(true);
    expect(lunarAgrees('壬寅年十二月十九', day('2023-01-10'))).toBe(true);
    expect(lunarAgrees('壬寅年腊月十九', day('2023-01-10'))).toBe(true);
  });
  it('rejects another day, month or year', () => {
    expect(lunarAgrees('壬寅年正月初八', day('2022-02-07'))).toBe(false);
    expect(lunarAgrees('壬寅年二月初七', day('2022-02-07'))).toBe(false);
    expect(lunarAgrees('辛丑年正月初七', day('2022-02-07'))).toBe(false);
    expect(lunarAgrees('正月初六', day('2022-02-07'))).toBe(false);
  });
});
