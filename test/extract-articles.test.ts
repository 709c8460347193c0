// The composed extraction on small pages: pages of run-on text, kinds, continuations, diagnostics.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '../scripts/pipeline/extract-articles.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';

const extract = (text: string) => extractArticles(splitLines({ file: 'p.txt', text, encoding: 'utf-8' }), new Set(), 3);

describe('extractArticles', () => {
  it('puts a headline without the page’s # mark, after marked ones, on the next page', () => {
    const result = extract(
      ['## 全区防汛工作会议召开', '', '区防汛指挥部 5月20日，全区防汛工作会议召开。', '', '守护一方平安', '——记区应急救援队', '', '暴雨过后，救援队员们连夜清理道路。'].join('\n'),
    );
    expect(result.articles.map((a) => [a.title, a.page])).toEqual([
      ['全区防汛工作会议召开', 3],
      ['守护一方平安', 4],
    ]);
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[5, 'extract/next-page']]);
  });

  it('reads a headline-after page: continuation, feature with standalone byline, photo caption', () => {
    const result = extract(
      [
        ' 5月11日，志愿者在城北湿地公园栽种树苗。 ■ 本报通讯员 赵八',
        '',
        '本报讯（记者 王明）5月12日，全市',
        '春季植树活动在城北湿地公园举行。（下转2版）',
        '',
        '全市春季植树活动举行',
        '',
        '■ 本报记者 李华',
        '',
        '清晨的河堤上，志愿者们早早赶',
        '到现场，分组领取树苗和工具。',
        '',
        '河堤披绿装',
        '——记城北湿地公园植树现场',
      ].join('\n'),
    );
    expect(result.articles.map((a) => [a.kind, a.title, a.byline, a.subtitles, a.continued_to])).toEqual([
      ['photo', null, null, [], null],
      ['news', '全市春季植树活动举行', null, [], 2],
      ['feature', '河堤披绿装', '■ 本报记者 李华', ['——记城北湿地公园植树现场'], null],
    ]);
    expect(result.articles[1]!.paragraphs).toEqual(['本报讯（记者 王明）5月12日，全市春季植树活动在城北湿地公园举行。（下转2版）']);
  });
});
