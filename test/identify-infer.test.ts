// Inference of a masthead-less page's paper and date from its text.
import { describe, expect, it } from 'vitest';
import { inferDate, inferPaper } from '../scripts/pipeline/infer-identity.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';

describe('inferPaper', () => {
  it('names the daily of the city the page reports on, counting its counties', () => {
    const text = '本报讯 临清市、高唐县、阳谷县三地联合开展活动。济宁客商参加。聊城市领导出席。';
    expect(inferPaper(text, emptyManifest())?.name).toBe('聊城日报');
  });
  it('weighs a 本报<place>讯 dateline above plain mentions', () => {
    const text = '本报泗水讯 聊城、聊城两地客商来访。';
    expect(inferPaper(text, emptyManifest())?.name).toBe('济宁日报');
  });
  it('takes the manifest’s paper of that city', () => {
    const manifest = { publications: { 'jn-evening': { name: '济宁晚报' }, 'jn-bulletin': { name: '济宁市工作简报' } }, pages: {} };
    expect(inferPaper('本报济宁讯 全市会议召开。', manifest)?.name).toBe('济宁晚报');
  });
  it('does not read everyday words as cities', () => {
    expect(inferPaper('祝全市人民幸福安康，长治久安。中外来宾齐聚菏泽。', emptyManifest())?.name).toBe('菏泽日报');
  });
  it('reads a place-named paper from reports that open with its name', () => {
    const text = '东昌府讯 11月18日，全区会议召开。\n聊城市领导出席，聊城、聊城。\n东昌府讯（通讯员 某某）近日，活动举行。\n新华社讯 全文。';
    expect(inferPaper(text, emptyManifest())?.name).toBe('东昌府讯');
  });
  it('gives nothing when no place is named', () => {
    expect(inferPaper('今天天气很好。', emptyManifest())).toBeNull();
  });
});

describe('inferDate', () => {
  it('is the day after the latest dated dateline, across a year end', () => {
    const text = '新华社北京12月31日电 全文。\n本报讯（记者 某某）12月30日\n上午，会议召开。\n自2021年12月1日起施行。';
    expect(inferDate(text)?.date).toBe('2022-01-01');
  });
  it('takes the year a future full date points back to', () => {
    const text = '本报济宁12月11日讯 会议召开。新规定自2022年1月1日起施行。';
    expect(inferDate(text)?.date).toBe('2021-12-12');
  });
  it('reads the year from a year-month and skips the end of a year range', () => {
    const text = '本报讯 2月6日，会议召开。2021年9月，他作出决定。《规划(2021—2025年)》发布。';
    expect(inferDate(text)?.date).toBe('2022-02-07');
  });
  it('ignores years named as targets', () => {
    const text = '本报讯 3月24日，会议指出，2021年全市经济平稳，到2035年基本实现现代化。';
    expect(inferDate(text)?.date).toBe('2021-03-25');
  });
  it('without datelines, uses the date the text names most', () => {
    const text = '5月8日，活动启动。5月8日下午，会议召开。5月20日将举行闭幕式。2023年全市计划……';
    expect(inferDate(text)?.date).toBe('2023-05-09');
  });
  it('gives nothing without a year', () => {
    expect(inferDate('本报讯 3月24日，会议召开。')).toBeNull();
  });
});
