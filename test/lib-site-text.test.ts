// Dates, labels, URLs and short texts the site prints (src/lib/dates.ts, urls.ts, text.ts,
// calendar.ts, page-map.ts, nearest-date.ts, font-scale.ts). Expected weekdays and 农历 dates are
// the ones printed on the sample mastheads and in published calendars, not computed here.
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../src/lib/calendar.ts';
import { chineseDate, lunarDateOf, pageLabel, weekdayOf } from '../src/lib/dates.ts';
import { FONT_SCALES, nextScale } from '../src/lib/font-scale.ts';
import { nearestDate } from '../src/lib/nearest-date.ts';
import { leadIndex, pageMap } from '../src/lib/page-map.ts';
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

  it('groups issues by year (newest first), each a whole year January to December, counting each day once', () => {
    expect(years.map((y) => [y.year, y.count])).toEqual([[2024, 1], [2022, 2], [2021, 1]]);
    expect(years.map((y) => [y.first, y.last])).toEqual([['2024-02-29', '2024-02-29'], ['2022-02-07', '2022-03-25'], ['2021-12-12', '2021-12-12']]);
    expect(years[1].months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(years[1].months.map((m) => m.count)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // An empty month is still a calendar: January 2022 began on a Saturday, no day linked.
    expect(years[1].months[0].weeks[0].slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(years[1].months[0].weeks.flat().filter((d) => d?.issue)).toEqual([]);
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
    expect(years[0].months[1].weeks.flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('pageMap', () => {
  const ref = (chars: number, i: number, title: string | null = `标题${i}`) => ({ id: `x/${i}`, order: i + 1, kind: 'news' as const, title, chars });
  // The lead (first headline) is a short piece: it is still drawn largest (issue 16, defect 3).
  const blocks = pageMap([40, 2000, 0, 600].map((chars, i) => ref(chars, i)));

  it('gives every article one block, in reading order, numbered like the list', () => {
    expect(blocks.map((b) => b.ref.order)).toEqual([1, 2, 3, 4]);
    expect(blocks.map((b) => b.number)).toEqual([1, 2, 3, 4]);
  });

  it('draws the lead across the page, taller than any other block', () => {
    expect(blocks.map((b) => b.lead)).toEqual([true, false, false, false]);
    for (const b of blocks.slice(1)) expect(blocks[0].rows).toBeGreaterThan(b.rows);
  });

  it('draws longer articles under the lead as taller blocks, at least one row each', () => {
    const rows = blocks.map((b) => b.rows);
    expect(rows[1]).toBeGreaterThan(rows[3]);
    expect(rows[3]).toBeGreaterThan(rows[2]);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(1);
  });

  it('takes the first printed headline as the lead when an untitled photo opens the page', () => {
    const refs = [ref(30, 0, null), ref(900, 1), ref(900, 2)];
    expect(leadIndex(refs)).toBe(1);
    expect(pageMap(refs).map((b) => b.lead)).toEqual([false, true, false]);
    expect(leadIndex([ref(30, 0, null)])).toBe(0);
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
