// The corpus generator's metadata helpers (test/corpus/layouts.ts): the gold's 农历 date and weekday come
// from them, so they are checked against dates printed on real mastheads (the samples in ../shared/seeds
// print 2022年2月7日 星期一 壬寅年正月初七 and 2022年11月22日 星期二 农历壬寅年十月廿九).
import { describe, expect, it } from 'vitest';
import { lunarDate, printedDate, weekday } from './corpus/layouts.ts';

describe('corpus masthead dates', () => {
  it('gives the 农历 date as printed after 农历', () => {
    expect(lunarDate('2022-02-07')).toBe('壬寅年正月初七');
    expect(lunarDate('2022-11-22')).toBe('壬寅年十月廿九');
  });
  it('gives the weekday and the printed date', () => {
    expect(weekday('2022-02-07')).toBe('星期一');
    expect(weekday('2022-11-22')).toBe('星期二');
    expect(printedDate('2024-07-04')).toBe('2024年7月4日');
  });
});
