// Stage lay out lines (layout-lines.ts) on pages built by hand: each line one glyph run of CJK type
// (one em wide a character, the box one em high), placed as a layout engine would place it. The
// expected reading orders were worked out by hand from the drawings in the comments.
import { describe, expect, it } from 'vitest';
import { layoutLines } from '../scripts/pipeline/layout-lines.ts';
import type { GlyphRun, PdfPage } from '../scripts/pipeline/types.ts';
import { glyphRun as run } from './pdf-runs.ts';

const page = (runs: GlyphRun[]): PdfPage => ({ page: 1, width: 600, height: 800, runs, graphics: [] });
const read = (runs: GlyphRun[]) => layoutLines(page(runs), { file: 'p.pdf', firstLine: 1, firstColumn: 1 });

/** A leg of body lines (10 pt, 15 pt apart), named leg+row: 甲一 甲二 …, each line `chars` wide. */
function leg(name: string, x: number, top: number, rows: number, chars = 10): GlyphRun[] {
  const digits = '一二三四五六七八九十';
  return Array.from({ length: rows }, (_, i) => run(`${name}${digits[i]}${'文'.repeat(chars - 1 - [...name].length)}`, x, top + 15 * i, 10));
}

describe('layout-lines', () => {
  it('reads legs set 0.85 em apart (a 3 mm gutter under 10 pt type) as columns, not as one line across them', () => {
    // |甲一……| |乙一……| |丙一……|   legs 100 pt wide, gutters 8.5 pt
    const lines = read([...leg('甲', 40, 100, 3), ...leg('乙', 148.5, 100, 3), ...leg('丙', 257, 100, 3)]);
    expect(lines.map((l) => l.text.slice(0, 2))).toEqual(['甲一', '甲二', '甲三', '乙一', '乙二', '乙三', '丙一', '丙二', '丙三']);
    expect(new Set(lines.map((l) => l.column)).size).toBe(3);
  });

  it('puts a centred title spanning the legs of its story before the legs', () => {
    //          大标题居中在此          (18 pt, over legs 2 and 3)
    // |甲一……| |乙一……| |丙一……| |丁一……|
    const title = run('大标题居中在此', 40 + (4 * 100 + 3 * 12) / 2 - 63, 60, 18, true);
    const lines = read([title, ...leg('甲', 40, 86, 2), ...leg('乙', 152, 86, 2), ...leg('丙', 264, 86, 2), ...leg('丁', 376, 86, 2)]);
    expect(lines.map((l) => l.text.slice(0, 2))).toEqual(['大标', '甲一', '甲二', '乙一', '乙二', '丙一', '丙二', '丁一', '丁二']);
  });

  it('cuts the page across over a centred headline: one story read whole before the next', () => {
    // Two stories one over another, each a centred title over four legs; 12 pt of white (1.2 em) over the second.
    const story = (name: string, top: number) => [
      run(`${name}标题居中`, 258 - 45, top, 18, true),
      ...leg(`${name}甲`, 40, top + 26, 2),
      ...leg(`${name}乙`, 152, top + 26, 2),
      ...leg(`${name}丙`, 264, top + 26, 2),
      ...leg(`${name}丁`, 376, top + 26, 2),
    ];
    const lines = read([...story('春', 60), ...story('秋', 60 + 26 + 25 + 12)]);
    const order = lines.map((l) => l.text.slice(0, 2));
    expect(order.indexOf('秋标')).toBe(order.lastIndexOf('春丁') + 1);
    expect(order.slice(0, 3)).toEqual(['春标', '春甲', '春甲']);
  });

  it('reads headlines level in two legs with their own legs (two flowing columns), not as one headline group', () => {
    // 标题甲 (14 pt)   标题乙 (14 pt)
    // |甲一……|        |乙一……|
    const lines = read([run('标题甲', 40, 60, 14, true), ...leg('甲', 40, 82, 3), run('标题乙', 152, 60, 14, true), ...leg('乙', 152, 82, 3)]);
    expect(lines.map((l) => l.text.slice(0, 3))).toEqual(['标题甲', '甲一文', '甲二文', '甲三文', '标题乙', '乙一文', '乙二文', '乙三文']);
  });

  it('joins a headline across its ideographic space when only a ragged subtitle under it ends in line with the first words', () => {
    // 湖畔课堂里的暑假　惠及全市十万居民   (15 pt, the space 1 em)
    // ——来自基层一线的报道                (12 pt, ending where 暑假 ends)
    // |甲一……|  |乙一……|                  body legs
    const lines = read([
      run('湖畔课堂里的暑假', 40, 60, 15, true),
      run('惠及全市十万居民', 40 + 8 * 15 + 15, 60, 15, true),
      run('——来自基层一线的', 40, 82, 15),
      ...leg('甲', 40, 110, 3, 18),
      ...leg('乙', 232, 110, 3, 18),
    ].map((r) => (r.text.startsWith('——') ? { ...r, text: '——来自基层一线的报道', size: 12, box: { ...r.box, y: 82, width: 120, height: 12 } } : r)));
    expect(lines[0]!.text).toBe('湖畔课堂里的暑假 惠及全市十万居民');
  });

  it('parts two short legs at their gutter where the next leg opens a paragraph indented (the lines under it start further left)', () => {
    // |甲一文文文文文文文文文文| |　　乙一文文文文文文|     legs 120 pt wide, 9 pt apart, 10 pt type
    // |甲二文文文|               |乙二文文文文文文文文文文|
    const lines = read([
      run('甲一文文文文文文文文文文', 40, 100, 10),
      run('甲二文文文', 40, 115, 10),
      run('乙一文文文文文文文文', 169 + 20, 100, 10),
      run('乙二文文文文文文文文文文', 169, 115, 10),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['甲一文文文文文文文文文文', '甲二文文文', '乙一文文文文文文文文', '乙二文文文文文文文文文文']);
  });

  it('puts a title centred over the page before its short story, which fills only the first legs', () => {
    //              短讯标题居中于版面之上              (18 pt, centred over four legs' width, 40–476)
    // |甲一……| |乙一……|                               (the story fills two legs)
    const title = run('短讯标题居中于版面之上', 258 - 99, 60, 18, true);
    const lines = read([title, ...leg('甲', 40, 86, 2), ...leg('乙', 152, 86, 2)]);
    expect(lines.map((l) => l.text.slice(0, 2))).toEqual(['短讯', '甲一', '甲二', '乙一', '乙二']);
  });
});
