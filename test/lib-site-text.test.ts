// Dates, labels, URLs and short texts the site prints (src/lib/dates.ts, urls.ts, text.ts,
// calendar.ts, page-map.ts, nearest-date.ts, font-scale.ts). Expected weekdays and 农历 dates are
// the ones printed on the sample mastheads and in published calendars, not computed here.
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../src/lib/calendar.ts';
import { chineseDate, lunarDateOf, pageLabel, weekdayOf } from '../src/lib/dates.ts';
import { FONT_SCALES, nextScale } from '../src/lib/font-scale.ts';
import { nearestDate } from '../src/lib/nearest-date.ts';
import { GRID_COLUMNS, pageMap } from '../src/lib/page-map.ts';
import { excerpt, metaText } from '../src/lib/text.ts';
import { absoluteUrl, articlePath, pagePath, withBase } from '../src/lib/urls.ts';

describe('dates', () => {
  it('writes dates, weekdays and 农历 as a Chinese masthead prints them', () => {
    expect(chineseDate('2022-02-07')).toBe('2022年2月7日');
    // 聊城日报 2022年2月7日 星期一 农历壬寅年正月初七 (printed on the sample's masthead).
    expect(weekdayOf('2022-02-07')).toBe('星期一');
    expect(lunarDateOf('2022-02-07')).toBe('壬寅年正月初七');
    // 2023-01-22 was 春节 (Spring Festival): 癸卯年正月初一, a Sunday.
    expect(lunarDateOf('2023-01-22')).toBe('癸卯年正月初一');
    expect(weekdayOf('2023-01-22')).toBe('星期日');
  });

  it('labels pages with two digits and the page name when printed', () => {
    expect(pageLabel({ number: 1, name: '要闻' })).toBe('第01版：要闻');
    expect(pageLabel({ number: 12, name: null })).toBe('第12版');
  });
});

describe('urls', () => {
  it('puts every path under the base, with or without its trailing slash', () => {
    expect(withBase(pagePath('p', '2022-02-07', 3), '/')).toBe('/p/2022-02-07/03/');
    expect(withBase(articlePath('p/2022-02-07/03/2'), '/archive')).toBe('/archive/p/2022-02-07/03/2/');
    expect(withBase('', '/archive/')).toBe('/archive/');
  });

  it('makes canonical URLs absolute from the site address', () => {
    expect(absoluteUrl('p/', new URL('https://intranet.example/'), '/archive/')).toBe('https://intranet.example/archive/p/');
    expect(absoluteUrl('p/', undefined, '/')).toBe('/p/');
  });
});

describe('excerpt', () => {
  it('cuts at whole characters (also outside the BMP) and marks the cut', () => {
    expect(excerpt(['𠮷野家', '开业'], 4)).toBe('𠮷野家…');
    expect(excerpt(['短文'], 10)).toBe('短文');
  });
});

describe('buildCalendar', () => {
  const years = buildCalendar(['2022-02-07', '2021-12-12', '2022-02-07', '2022-03-25', '2024-02-29']);

  it('groups issues by year (newest first) and month (newest first), counting each day once', () => {
    expect(years.map((y) => [y.year, y.count])).toEqual([[2024, 1], [2022, 2], [2021, 1]]);
    expect(years.map((y) => [y.first, y.last])).toEqual([['2024-02-29', '2024-02-29'], ['2022-02-07', '2022-03-25'], ['2021-12-12', '2021-12-12']]);
    expect(years[1].months.map((m) => m.month)).toEqual([3, 2]);
  });

  it('lays months out in Monday-first weeks', () => {
    // 1 February 2022 was a Tuesday: one blank, then 28 days, padded to five full weeks.
    const feb = years[1].months[1];
    expect(feb.weeks).toHaveLength(5);
    expect(feb.weeks[0][0]).toBeNull();
    expect(feb.weeks[0][1]).toEqual({ day: 1, issue: null });
    expect(feb.weeks[1][0]).toEqual({ day: 7, issue: '2022-02-07' });
    expect(feb.weeks.flat().filter(Boolean)).toHaveLength(28);
    // A leap day is a day like any other.
    expect(years[0].months[0].weeks.flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('pageMap', () => {
  const refs = [40, 2000, 0, 600].map((chars, i) => ({ id: `x/${i}`, order: i + 1, kind: 'news' as const, title: null, chars }));
  const blocks = pageMap(refs);

  it('gives every article one block, in reading order, within the page width', () => {
    expect(blocks.map((b) => b.ref.order)).toEqual([1, 2, 3, 4]);
    for (const b of blocks) {
      expect(b.columns).toBeGreaterThanOrEqual(1);
      expect(b.columns).toBeLessThanOrEqual(GRID_COLUMNS);
      expect(b.rows).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws longer articles as larger blocks', () => {
    const area = blocks.map((b) => b.columns * b.rows);
    expect(area[1]).toBeGreaterThan(area[3]);
    expect(area[3]).toBeGreaterThan(area[0]);
  });
});

describe('nearestDate', () => {
  it('finds the closest issue date, the earlier on a tie, none for an empty list or a bad date', () => {
    const dates = ['2022-02-07', '2022-02-11', '2021-12-12'];
    expect(nearestDate(dates, '2022-02-08')).toBe('2022-02-07');
    expect(nearestDate(dates, '2022-02-09')).toBe('2022-02-07');
    expect(nearestDate(dates, '2030-01-01')).toBe('2022-02-11');
    expect(nearestDate([], '2022-02-08')).toBeNull();
    expect(nearestDate(dates, 'not a date')).toBeNull();
  });
});

describe('nextScale', () => {
  it('steps through the font sizes and stops at both ends', () => {
    expect(nextScale(1, 1)).toBe(FONT_SCALES[2]);
    expect(nextScale(1, -1)).toBe(FONT_SCALES[0]);
    expect(nextScale(FONT_SCALES[0], -1)).toBe(FONT_SCALES[0]);
    expect(nextScale(FONT_SCALES.at(-1)!, 1)).toBe(FONT_SCALES.at(-1));
  });
});

describe('metaText', () => {
  it('turns angle brackets full-width so seed markup never reaches a meta attribute as markup', () => {
    expect(metaText('见<script>alert(1)</script>')).toBe('见＜script＞alert(1)＜/script＞');
  });
});
