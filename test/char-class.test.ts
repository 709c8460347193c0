// The quick paths of the text pipeline (scripts/pipeline/char-class.ts) answer as the regexes they stand in
// for: per-character tables, and the characters a pattern needs (its `needs` in scripts/data/) tested
// before the pattern, checked on every line of the real-tool corpus's dev and train seeds and on
// examples from the patterns' own notes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  captionCredit,
  captionCreditNeeds,
  datelineNeeds,
  datelineStart,
  decoratedHead,
  decoratedHeadNeeds,
  shotCredit,
  shotCreditNeeds,
  speakerLine,
  speakerLineNeeds,
} from '../scripts/data/article-lines.ts';
import { commonChinese } from '../scripts/data/common-hanzi.ts';
import { fullWidth } from '../scripts/data/punctuation.ts';
import { furniturePatterns } from '../scripts/data/furniture.ts';
import { mastheadTokenNeeds, mastheadTokens } from '../scripts/data/mastheads.ts';
import { charClass, CharPresence, charLength, holdsAny } from '../scripts/pipeline/char-class.ts';
import { plausibility } from '../scripts/pipeline/decode.ts';
import { collapseLetterSpacing, widthOf } from '../scripts/pipeline/line-features.ts';

const corpusLines = (): string[] => {
  const lines: string[] = [];
  for (const split of ['dev', 'train']) {
    const dir = join(import.meta.dirname, 'corpus', split, 'seeds');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) lines.push(line.trim(), collapseLetterSpacing(line.trim()));
    }
  }
  return lines;
};

// Lines the patterns are meant to match (from their notes in scripts/data/), so no check below is empty.
const examples = [
  '本报讯', '本报济宁12月11日讯 记者', '新华社北京3月24日电', '东昌府讯 11月18日', '…践行初心使命。 ■ 张晶', '…增长221.5%。 ■ 本报通讯员 王少霏',
  '蒋雨朵 摄', '（记者 李四 摄）', '孙爱军讲话 李长萍主持 王彤宇曾晓黎张百顺出席', '……◀ 瞄准突出问题发力 ▶……', '【聚焦】', '8版', '第 8 版',
  '中国女足夺得亚洲杯冠军 8版', '▶澜江大桥主体完工（6版）', '湄川老街年货市集开市……第07版', '本地简讯', '今日评论', '2022年2月7日 星期一',
  '农历壬寅年正月初七', '第9534期', '总第1486期', '今日8版', '第01版：要闻', 'CN 37-0048', '邮发代号 23-56', '网址：http://www.example.cn',
  'www.example.cn', 'tougao@example.cn', '地址：聊城市', '定价：1.50元', '聊城日报社出版', '中共聊城市委机关报', '主管主办：聊城日报社', '2022-02-07',
];

describe('quick tests stand in for their patterns', () => {
  const lines = [...corpusLines(), ...examples];
  const checks: [string, RegExp, string][] = [
    ...datelineStart.map((p, i) => [`dateline ${i}`, p, datelineNeeds] as [string, RegExp, string]),
    ['captionCredit', captionCredit, captionCreditNeeds],
    ['shotCredit', shotCredit, shotCreditNeeds],
    ['speakerLine', speakerLine, speakerLineNeeds],
    ['decoratedHead', decoratedHead, decoratedHeadNeeds],
    ...furniturePatterns.filter((f) => f.needs).map((f) => [`furniture ${f.note}`, f.pattern, f.needs!] as [string, RegExp, string]),
    ...Object.entries(mastheadTokens).map(([kind, p]) => [`masthead ${kind}`, p, mastheadTokenNeeds[kind as keyof typeof mastheadTokens]] as [string, RegExp, string]),
  ];
  for (const [name, pattern, needs] of checks) {
    it(`${name}: every line it matches holds one of ${needs}`, () => {
      const matched = lines.filter((l) => pattern.test(l));
      expect(matched.length).toBeGreaterThan(0);
      expect(matched.filter((l) => !holdsAny(l, [...needs]))).toEqual([]);
    });
  }
});

describe('per-character tables', () => {
  it('answer as the regex for every BMP character and for surrogate pairs', () => {
    const han = charClass(/\p{Script=Han}/u);
    const wide = charClass(fullWidth);
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      expect(han.hasUnit(u)).toBe(/\p{Script=Han}/u.test(c));
      expect(wide.has(c)).toBe(fullWidth.test(c));
    }
    for (const c of ['𠀀', '𪚥', '😀']) expect(han.has(c)).toBe(/\p{Script=Han}/u.test(c));
    expect(charLength('𠀀a', 0)).toBe(2);
    expect(charLength('\ud840a', 0)).toBe(1);
    expect(charLength('\udc00\ud840', 0)).toBe(1);
  });

  it('tell which of the watched characters a text holds', () => {
    const watched = new CharPresence('讯电摄');
    const [xun, dian, she] = [watched.bits('讯'), watched.bits('电'), watched.bits('摄')];
    expect(watched.mask('本报讯 新华社北京电')).toBe(xun | dian);
    expect(watched.mask('蒋雨朵 摄')).toBe(she);
    expect(watched.mask('𠀀 abc 的')).toBe(0);
    expect(watched.bits('讯摄')).toBe(xun | she);
    expect(() => new CharPresence('𠀀')).toThrow();
  });

  it('plausibility and widthOf count as a for…of over the characters does', () => {
    const reference = (text: string): number => {
      let total = 0, common = 0;
      for (const c of text) {
        if (c < '\u0080') continue;
        total++;
        if (commonChinese.has(c) || (c >= '\u2000' && c <= '\u206f') || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef')) common++;
      }
      return total ? common / total : 1;
    };
    const width = (text: string): number => [...text].reduce((w, c) => w + (fullWidth.test(c) ? 1 : 0.5), 0);
    // Edges of the ranges counted, surrogates paired, lone and reversed, Han inside and outside the BMP.
    const pool = ['a', '\u0080', '\u1fff', '\u2000', '\u206f', '\u2070', '\u3000', '\u303f', '\u3040', '啊', '的', '龘', '\ud840', '\udc00', '𠀀', '😀', '\uff00', '\uffef', '\ufff0', '\ufffd', '■', '—'];
    let seed = 1;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 5000; t++) {
      let s = '';
      for (let k = next(10); k > 0; k--) s += pool[next(pool.length)];
      expect(plausibility(s)).toBe(reference(s));
      expect(widthOf(s)).toBe(width(s));
    }
  });
});
