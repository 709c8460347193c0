// Text the archive cannot carry, at the boundary (issue 14 #1, #3, #7): a page with a few bad bytes, a
// NUL, a lone surrogate, a noncharacter or a control character is kept, each such place read as U+FFFD
// with a warning at its line and column. Fixtures: test/fixtures/hostile/text/README.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { commonChinese, commonHanzi } from '../scripts/data/common-hanzi.ts';
import { decodeSeed, plausibility } from '../scripts/pipeline/decode.ts';
import { foldDiagnostics, positionsAt } from '../scripts/pipeline/diagnostics.ts';
import { sanitiseText } from '../scripts/pipeline/sanitise-text.ts';
import type { Diagnostic } from '../scripts/pipeline/types.ts';

const root = 'test/fixtures/hostile/text';
const brief = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`;

describe('hostile text fixtures: kept, each bad place a U+FFFD with a warning', () => {
  for (const name of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    it(`${name}: ${expected.about}`, () => {
      const decoded = decodeSeed(readFileSync(join(root, name, 'input.txt')), `${name}/input.txt`);
      expect(decoded.seed, JSON.stringify(decoded.diagnostics)).not.toBeNull();
      const sanitised = sanitiseText(decoded.seed!);
      expect(sanitised.seed.text).toBe(expected.text);
      expect(sanitised.seed.encoding).toBe(expected.encoding);
      expect([...decoded.diagnostics, ...sanitised.diagnostics].map(brief)).toEqual(expected.diagnostics);
      for (const d of [...decoded.diagnostics, ...sanitised.diagnostics]) expect(d.file).toBe(`${name}/input.txt`);
    });
  }
});

describe('choosing between UTF-8 and GB18030 by plausibility', () => {
  it('the common-character table is GB 2312 level 1: 3,755 characters, 啊 first, 座 last', () => {
    expect(commonHanzi.size).toBe(3755);
    expect([...commonHanzi][0]).toBe('啊');
    expect([...commonHanzi].at(-1)).toBe('座');
    for (const c of '的一是在不了有和人这中大为上个国我以要他') expect(commonHanzi.has(c), c).toBe(true);
    for (const c of '寤細鍚勭晫瀬備笌鏈姤璁') expect(commonHanzi.has(c), c).toBe(false);
    for (const c of '，。、“”《》（）：；！？①') expect(commonChinese.has(c), c).toBe(true);
  });

  const samples = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
  it.each(samples)('%s reads as Chinese in its own encoding, not misread in the other', (file) => {
    const text = readFileSync(join('seeds', file), 'utf8');
    expect(plausibility(text)).toBeGreaterThan(0.99);
    expect(plausibility(new TextDecoder('gb18030').decode(Buffer.from(text)))).toBeLessThan(0.25);
    expect(plausibility(new TextDecoder('utf-8').decode(iconv.encode(text, 'gb18030')))).toBeLessThan(0.05);
  });

  it.each(samples)('%s with one stray byte in the middle stays UTF-8 (a warning there), and as GB18030 stays GB18030', (file) => {
    const bytes = readFileSync(join('seeds', file));
    const cut = bytes.indexOf(0x0a, bytes.length >> 1) + 1;
    const damaged = Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xa0]), bytes.subarray(cut)]);
    const decoded = decodeSeed(damaged, file);
    expect(decoded.seed?.encoding).toBe('utf-8');
    expect(decoded.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning decode/bad-bytes']);
    const line = bytes.subarray(0, cut).toString('utf8').split('\n').length;
    expect(decoded.diagnostics[0]).toMatchObject({ line, column: 1 });
    const gb = decodeSeed(iconv.encode(bytes.toString('utf8'), 'gb18030'), file);
    expect(gb.seed?.encoding).toBe('gb18030');
    expect(gb.diagnostics.find((d) => d.ruleId === 'decode/encoding')?.severity).toBe('info');
  });

  // Common characters whose GB18030 bytes are also valid UTF-8 (lead 0xC2–0xDF, trail 0x80–0xBF): 隆垄拢… read as UTF-8 is ¡¢£….
  const alsoUtf8 = [...commonHanzi].filter((c) => {
    const b = iconv.encode(c, 'gb18030');
    return b[0]! >= 0xc2 && b[0]! <= 0xdf && b[1]! <= 0xbf;
  });

  it('GB18030 text that happens to be valid UTF-8 is read as GB18030 when there is enough of it', () => {
    const text = `${alsoUtf8.slice(0, 30).join('')}\n`;
    const bytes = iconv.encode(text, 'gb18030');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toMatch(/^¡¢£/u);
    const decoded = decodeSeed(bytes, 'gb.txt');
    expect(decoded.seed?.text).toBe(text);
    expect(decoded.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['info decode/encoding']);
  });

  it('a doubtful choice is a warning, not info: too little text to tell, or readings close', () => {
    for (const bytes of [iconv.encode(alsoUtf8.slice(0, 5).join(''), 'gb18030'), Buffer.from('A naïve line.\n')]) {
      const decoded = decodeSeed(bytes, 'short.txt');
      expect(decoded.seed?.encoding).toBe('utf-8');
      expect(decoded.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning decode/encoding']);
      expect(decoded.diagnostics[0]!.message).toMatch(/^encoding doubtful: read as UTF-8 \(valid\), but \d+% common Chinese characters as UTF-8, \d+% as GB18030/u);
    }
  });

  it('bytes that are text in neither encoding are still skipped', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    expect(decodeSeed(random, 'random.txt').seed).toBeNull();
  });
});

describe('folding repeated diagnostics', () => {
  it('keeps three of a kind per file and folds the rest into one line with a count and the range', () => {
    const many: Diagnostic[] = Array.from({ length: 50_000 }, (_, i) => ({ file: 'a.txt', line: i + 1, column: 1, severity: 'info', message: `line ${i + 1}`, ruleId: 'x/y' }));
    const other: Diagnostic = { file: 'a.txt', line: 7, column: 1, severity: 'warning', message: 'other', ruleId: 'x/z' };
    const folded = foldDiagnostics([...many, other]);
    expect(folded).toHaveLength(5);
    expect(folded.filter((d) => d.ruleId === 'x/y').map((d) => d.message)).toEqual(['line 1', 'line 2', 'line 3', '49997 more like this on this page (4:1 to 50000:1); first: line 4']);
    expect(foldDiagnostics(many.slice(0, 4))).toHaveLength(4);
  });

  it('positions count characters, not UTF-16 units, and lines after LF', () => {
    expect(positionsAt('𠀀a\n𠀀𠀀b', [2, 8], 'f')).toEqual([{ file: 'f', line: 1, column: 2 }, { file: 'f', line: 2, column: 3 }]);
  });
});
