// Index terms and query terms for exact-substring search (src/lib/search/grams.ts, fold.ts).
import { describe, expect, it } from 'vitest';
import { fold, foldText } from '../src/lib/search/fold.ts';
import { gramQuery, gramTerms, queryGrams } from '../src/lib/search/grams.ts';

const enc = (ch: string): string => (ch.codePointAt(0)! % 36 ** 3).toString(36).padStart(3, '0');

describe('fold', () => {
  it('folds full-width digits and letters and upper case, as find-in-page does', () => {
    expect(fold('２０２２年５Ｇ基站ABC')).toBe('2022年5g基站abc');
  });
  it('maps folded offsets back to the original text', () => {
    const f = foldText('ＡＢ㎏c');
    expect(f.text).toBe('abkgc');
    expect(f.source).toEqual([0, 1, 2, 2, 3, 4]);
  });
});

describe('gramTerms', () => {
  it('writes a bigram per character and a run-end term for the last one', () => {
    expect(gramTerms('于连兴')).toEqual([`qz${enc('于')}${enc('连')}`, `qz${enc('连')}${enc('兴')}`, `qz${enc('兴')}zzz`]);
  });
  it('does not join characters across whitespace or lines', () => {
    expect(gramTerms('党 员\n好')).toEqual([`qz${enc('党')}zzz`, `qz${enc('员')}zzz`, `qz${enc('好')}zzz`]);
  });
  it('writes every term with the same length, as one ASCII word', () => {
    for (const t of gramTerms('5G基站，2022年𠀀Ａ')) expect(t).toMatch(/^qz[0-9a-z]{6}$/);
  });
});

describe('queryGrams', () => {
  it('a single character is the prefix of a term exactly when the text holds it, wherever it stands', () => {
    const [prefix] = queryGrams('兴');
    for (const [text, holds] of [['兴旺', true], ['复兴', true], ['于连兴说', true], ['兴', true], ['连', false], ['光明', false]] as const) {
      expect(gramTerms(text).some((t) => t.startsWith(prefix!)), text).toBe(holds);
    }
  });
  it('every query term of every substring of a text is among the text terms (no loss of recall)', () => {
    const text = '聊城市创建全国文明城市工作动员会召开，2022年5G基站建设（下转8版）';
    const terms = new Set(gramTerms(text));
    const chars = Array.from(fold(text));
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 2; j <= chars.length; j++) {
        for (const q of queryGrams(chars.slice(i, j).join(''))) expect(terms.has(q), chars.slice(i, j).join('')).toBe(true);
      }
      expect([...terms].some((t) => t.startsWith(queryGrams(chars[i]!)[0]!))).toBe(true);
    }
  });
  it('a string the text does not hold contiguously needs a term the text lacks', () => {
    const terms = new Set(gramTerms('文明的城市'));
    expect(queryGrams('文明城市').some((q) => !terms.has(q))).toBe(true);
  });
});

describe('gramQuery', () => {
  it('joins the grams of all terms once each', () => {
    expect(gramQuery(['文明', '明文', '文明'])).toBe(`qz${enc('文')}${enc('明')} qz${enc('明')}${enc('文')}`);
  });
});
