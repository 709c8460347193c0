// Folding for exact-substring search (src/lib/search/fold.ts): what the index, the query and the check of each result compare.
import { describe, expect, it } from 'vitest';
import { fold, foldText } from '../src/lib/search/fold.ts';

describe('fold', () => {
  it('folds full-width digits and letters and upper case, as find-in-page does', () => {
    expect(fold('２０２２年５Ｇ基站ABC')).toBe('2022年5g基站abc');
  });
  it('drops spaces, ideographic spaces, line breaks and zero-width spaces', () => {
    expect(fold('记者 薛蓓蓓\n3 月　24 日\u200B')).toBe('记者薛蓓蓓3月24日');
  });
  it('folds every quote style to one', () => {
    const forms = ['"开门红"', '“开门红”', '＂开门红＂', "'开门红'", '‘开门红’', '「开门红」', '『开门红』', '﹁开门红﹂'];
    expect(new Set(forms.map(fold))).toEqual(new Set(['"开门红"']));
  });
  it('folds full- and half-width ，。：；！？（） and the dash and middle-dot families', () => {
    expect(fold('，。：；！？（）')).toBe(fold(',.:;!?()'));
    expect(fold('｡')).toBe(fold('。'));
    expect(new Set(['—', '–', '-', '―', '─', '－', '‐', '−'].map(fold)).size).toBe(1);
    expect(new Set(['·', '•', '・', '･', '‧'].map(fold)).size).toBe(1);
    expect(fold('《人民日报》【快讯】〔2022〕')).toBe(fold('<人民日报>[快讯][2022]'));
  });
  it('keeps apart what a reader means differently', () => {
    for (const [a, b] of [['、', '，'], ['·', '.'], ['-', '~'], ['《', '"'], ['《', '（'], ['党', '堂']]) expect(fold(a), `${a} ${b}`).not.toBe(fold(b));
  });
  it('maps folded offsets back to the original text, whitespace left out', () => {
    const f = foldText('Ａ B\n㎏c');
    expect(f.text).toBe('abkgc');
    expect(f.start).toEqual([0, 2, 4, 4, 5]);
    expect(f.end).toEqual([1, 3, 5, 5, 6]);
  });
});
