// Folding, index words and query words for exact-substring search (src/lib/search/fold.ts, grams.ts).
import { describe, expect, it } from 'vitest';
import { fold, foldText } from '../src/lib/search/fold.ts';
import { gramQuery, gramTerms, queryGrams } from '../src/lib/search/grams.ts';

const enc = (ch: string): string => ch.codePointAt(0)!.toString(36).padStart(4, '0');

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

describe('gramTerms', () => {
  it('writes a bigram per character and an end word for the last one', () => {
    expect(gramTerms('于连兴')).toEqual([`qz${enc('于')}${enc('连')}`, `qz${enc('连')}${enc('兴')}`, `qz${enc('兴')}zzzz`]);
  });
  it('joins characters across whitespace and lines, in text order', () => {
    expect(gramTerms('党 员\n好')).toEqual([`qz${enc('党')}${enc('员')}`, `qz${enc('员')}${enc('好')}`, `qz${enc('好')}zzzz`]);
  });
  it('writes every term with the same length, as one ASCII word, astral characters included', () => {
    for (const t of gramTerms('5G基站，2022年𠀀Ａ가')) expect(t).toMatch(/^qz[0-9a-z]{8}$/);
    expect(new Set(gramTerms('가𠀀')).size).toBe(2);
  });
});

describe('queryGrams', () => {
  it('a single character is the prefix of a term exactly when the text holds it, wherever it stands', () => {
    const [prefix] = queryGrams('兴');
    for (const [text, holds] of [['兴旺', true], ['复兴', true], ['于连兴说', true], ['兴', true], ['连', false], ['光明', false]] as const) {
      expect(gramTerms(text).some((t) => t.startsWith(prefix!)), text).toBe(holds);
    }
  });
  it('the query words of every substring stand at consecutive positions of the text words (no loss of recall)', () => {
    const text = '聊城市创建全国文明城市工作动员会召开，2022年5G基站 建设（下转8版）';
    const words = gramTerms(text);
    const chars = Array.from(fold(text));
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 2; j <= chars.length; j++) {
        const q = queryGrams(chars.slice(i, j).join(''));
        expect(words.slice(i, i + q.length), chars.slice(i, j).join('')).toEqual(q);
      }
    }
  });
  it('a string the text does not hold contiguously needs a word the text lacks', () => {
    const terms = new Set(gramTerms('文明的城市'));
    expect(queryGrams('文明城市').some((q) => !terms.has(q))).toBe(true);
  });
});

describe('gramQuery', () => {
  it('quotes the bigrams of a term (exact search), a single character is a bare prefix', () => {
    expect(gramQuery('文明城')).toBe(`"qz${enc('文')}${enc('明')} qz${enc('明')}${enc('城')}"`);
    expect(gramQuery('文')).toBe(`qz${enc('文')}`);
  });
});
