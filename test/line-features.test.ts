// The labeller's line features (line-features.ts, classify-lines.ts featureNames): what fires for a line,
// checked by hand on small pages.
import { describe, expect, it } from 'vitest';
import { featureNames } from '../scripts/pipeline/classify-lines.ts';
import { describeLines } from '../scripts/pipeline/line-features.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';

const describe_ = (text: string) => describeLines(splitLines({ file: 'p.txt', text, encoding: 'utf-8' }), new Set());
const names = (text: string, i: number): string[] => {
  const { lines, layout } = describe_(text);
  return featureNames(lines, i, layout);
};

const column = [
  '在城西的菜市场里，摊主们早早就摆好',
  '了新鲜蔬菜，前来采购的市民络绎不绝。',
  '入冬以来，蔬菜价格总体保持平稳。',
  '菜篮子稳住了',
  '市农业农村局负责人介绍，全市蔬菜',
  '种植面积比去年增加一成，本地菜供应',
  '充足，外地菜调运渠道也保持畅通。',
  '据市场监测数据显示，白菜萝卜的批发',
  '价格比上月下降了百分之五，豆角青椒',
  '等细菜价格略有上涨，但涨幅不大。',
].join('\n');

describe('line features', () => {
  it('reads a letter-spaced dateline as a dateline', () => {
    const { lines } = describe_('河湾区老旧小区加装电梯全面启动\n新 华 社 河 湾 3 月 8 日 电\n记者从河湾区住建局获悉，今年全区将为');
    expect(lines.map((l) => l.dateline)).toEqual([false, true, false]);
  });

  it('marks a byline-shaped line that closes a bracket the line before opened', () => {
    const text = '本报讯（记者 司马青禾\n通讯员 蒋文远）9月3日上午，随着最\n后一块青石板铺设到位。';
    expect(names(text, 1)).toEqual(expect.arrayContaining(['byline', 'closesBracket', 'bylineInBracket', 'p:openBracket']));
    expect(names(text, 0)).not.toContain('closesBracket');
  });

  it('measures widths against the line’s own column (17 ems here)', () => {
    // The lines that run on (a comma inside, no sentence end) are 17, 16, 17, 17, 17 ems: each line's
    // column is 17. Line 0 (17) is full over an 18-em line ending a sentence (full); line 2 (16) is full
    // over the section head; the head (6 ems, under 0.6 of 17: half) is over a 16-em line that runs on.
    expect(names(column, 0)).toEqual(expect.arrayContaining(['col:full', 'col:full&n:fullends']));
    expect(names(column, 3)).toEqual(expect.arrayContaining(['col:half', 'col:half&n:fullruns']));
    expect(names(column, 2)).toEqual(expect.arrayContaining(['col:full', 'col:full&n:halfruns']));
  });

  it('gives no column where fewer than three lines run on', () => {
    expect(names('菜篮子稳住了\n市农业农村局负责人介绍，全市蔬菜\n种植面积比去年增加一成。', 0)).toContain('col:none');
  });

  it('marks a dash line under a headline-shaped line', () => {
    const text = '守护一方平安\n——记区应急救援队\n\n暴雨过后，救援队员们连夜清理道路。';
    expect(names(text, 1)).toEqual(expect.arrayContaining(['dash', 'dashUnderHeadline']));
    expect(names('暴雨过后，救援队员们连夜清理道路。\n——记区应急救援队', 1)).not.toContain('dashUnderHeadline');
  });
});
