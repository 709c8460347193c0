// Stage fold-radicals: radical code points (Kangxi Radicals, CJK Radicals Supplement) read as the
// ideographs they stand for, one code point for one, so positions stay; expected values written by hand
// from the Unicode names (⽉ KANGXI RADICAL MOON = 月, ⻓ CJK RADICAL C-SIMPLIFIED LONG = 长, …).
import { describe, expect, it } from 'vitest';
import { extractEdition } from '../scripts/pipeline/extract-edition.ts';
import { foldRadicals } from '../scripts/pipeline/fold-radicals.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';
import { radicalSupplement } from '../scripts/data/radicals.ts';

const seed = (text: string) => ({ file: 'p/2024-07-24/01.txt', text, encoding: 'utf-8' });

describe('stage fold-radicals', () => {
  it('reads Kangxi radicals and the Supplement as ideographs', () => {
    const { seed: out, diagnostics } = foldRadicals(seed('2024年07⽉24⽇ 星期三\n⻓江沿岸居⺠⼀起⾏动，⻔⼝⻘⽯路'));
    expect(out.text).toBe('2024年07月24日 星期三\n长江沿岸居民一起行动，门口青石路');
    expect(diagnostics).toEqual([
      { file: 'p/2024-07-24/01.txt', line: 1, column: 1, severity: 'info', message: '10 radical code points (⽉ ⻓ …) read as the ideographs they stand for', ruleId: 'fold/radicals' },
    ]);
  });
  it('keeps every code point in place (one for one) and leaves other text alone', () => {
    const text = '⺠生⼯程 ＡＢＣ，１２３　（全角）\u2e80';
    const out = foldRadicals(seed(text)).seed.text;
    expect([...out].length).toBe([...text].length);
    expect(out).toBe('民生工程 ＡＢＣ，１２３　（全角）\u2e80');
  });
  it('hands back the same seed when there is nothing to fold', () => {
    const s = seed('没有部首字符的一页');
    expect(foldRadicals(s)).toEqual({ seed: s, diagnostics: [] });
  });
  it('maps every Supplement entry to a unified ideograph (one code point)', () => {
    for (const [radical, ideograph] of radicalSupplement) {
      expect(radical.codePointAt(0)).toBeGreaterThanOrEqual(0x2e80);
      expect(radical.codePointAt(0)).toBeLessThanOrEqual(0x2eff);
      expect([...ideograph].length).toBe(1);
      expect(ideograph, radical).toMatch(/\p{Unified_Ideograph}/u);
    }
  });
  it('lets the masthead date read on a page whose 月 and 日 are radicals', () => {
    const page = '青石日报\n2024年07⽉24⽇ 星期三\n\n本报讯 昨⽇，全市⽤电负荷创下新⾼。\n';
    const { edition } = extractEdition(seed(page), emptyManifest());
    expect(edition.issue.date).toBe('2024-07-24');
    expect(edition.articles[0]?.paragraphs.join('')).toContain('昨日，全市用电负荷创下新高。');
  });
});
