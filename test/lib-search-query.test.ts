// Search page state in the URL, query parsing, date ranges, Pagefind filters and suggestions
// (src/lib/search/query.ts, bundles.ts, suggest.ts).
import { describe, expect, it } from 'vitest';
import { archiveSpan, bundleMonths, planBundles } from '../src/lib/search/bundles.ts';
import { dayRange, daysBetween, hasFilter, parseTerms, readState, toFilters, toSort, writeState } from '../src/lib/search/query.ts';
import { emptyReason, suggestions } from '../src/lib/search/suggest.ts';

describe('URL state', () => {
  it('reads every parameter and round-trips', () => {
    const query = 'q=%E4%BA%8E%E8%BF%9E%E5%85%B4&paper=liaocheng-daily&from=2022-01&to=2022-03-25&page=front&kind=news&sort=newest';
    const state = readState(new URLSearchParams(query));
    expect(state).toEqual({ q: '于连兴', paper: 'liaocheng-daily', from: '2022-01', to: '2022-03-25', page: 'front', kind: 'news', sort: 'newest' });
    expect(writeState(state)).toBe(query);
  });
  it('ignores malformed values and leaves defaults out of the URL', () => {
    const state = readState(new URLSearchParams('q=x&from=2022-13&to=2022-02-30&page=back&sort=random&paper=../x'));
    expect(state).toEqual({ q: 'x', paper: null, from: null, to: null, page: null, kind: null, sort: 'relevance' });
    expect(writeState(state)).toBe('q=x');
  });
  it('knows when a filter is set', () => {
    expect(hasFilter(readState(new URLSearchParams('q=x&sort=newest')))).toBe(false);
    expect(hasFilter(readState(new URLSearchParams('page=front')))).toBe(true);
  });
});

describe('parseTerms', () => {
  it('splits on ASCII and full-width spaces, folds, drops wrapping quotes and repeats', () => {
    expect(parseTerms(' “文明城市”　５Ｇ基站  "党员" 党员 ')).toEqual(['文明城市', '5g基站', '党员']);
  });
  it('a quoted phrase keeps its spaces from splitting it, in any quote style', () => {
    expect(parseTerms('"记者 薛蓓蓓" 报道')).toEqual(['记者薛蓓蓓', '报道']);
    expect(parseTerms('「一季度 开门红」')).toEqual(['一季度开门红']);
  });
  it('keeps a quote mark that does not wrap the term: it is sought as printed (folded)', () => {
    expect(parseTerms('一季度“开门红”')).toEqual(['一季度"开门红"']);
    expect(parseTerms('"老于 ” ”')).toEqual(['老于', '"']);
    expect(parseTerms('"老于 ”x')).toEqual(['"老于', '"x']);
  });
  it('has no terms for blank input', () => {
    expect(parseTerms('  　 ')).toEqual([]);
  });
});

describe('date ranges', () => {
  it('takes days, and months as their first and last days', () => {
    expect(dayRange({ from: '2022-02', to: '2022-02' })).toEqual({ first: '2022-02-01', last: '2022-02-28' });
    expect(dayRange({ from: '2024-02-03', to: '2024-02' })).toEqual({ first: '2024-02-03', last: '2024-02-29' });
    expect(dayRange({ from: null, to: null })).toEqual({ first: null, last: null });
  });
  it('lists the calendar days of a range', () => {
    expect(daysBetween('2022-02-27', '2022-03-02')).toEqual(['2022-02-27', '2022-02-28', '2022-03-01', '2022-03-02']);
    expect(daysBetween('2022-03-02', '2022-03-01')).toEqual([]);
  });
});

describe('filters and sort', () => {
  const span = { first: '2022-02-07', last: '2022-03-25' };
  it('turns a from–to range into its days within the archive', () => {
    const state = readState(new URLSearchParams('q=x&from=2022-03-23&to=2022-03-24'));
    expect(toFilters(state, span)).toEqual({ date: { any: ['2022-03-23', '2022-03-24'] } });
    const open = toFilters(readState(new URLSearchParams('from=2022-03-24')), span);
    expect(open).toEqual({ date: { any: ['2022-03-24', '2022-03-25'] } });
    const month = toFilters(readState(new URLSearchParams('to=2022-02')), span);
    expect(month.date).toEqual({ any: daysBetween('2022-02-07', '2022-02-28') });
  });
  it('an empty range matches nothing rather than everything', () => {
    const state = readState(new URLSearchParams('q=x&from=2023-01'));
    expect(toFilters(state, span)).toEqual({ date: { any: ['0000-00-00'] } });
  });
  it('passes paper, page and kind through', () => {
    const state = readState(new URLSearchParams('q=x&paper=jining-daily&page=inner&kind=brief'));
    expect(toFilters(state, span)).toEqual({ paper: 'jining-daily', page: 'inner', kind: 'brief' });
  });
  it('sorts by date for newest and oldest, by score otherwise, newest first without a query', () => {
    expect(toSort('newest')).toEqual({ date: 'desc' });
    expect(toSort('oldest')).toEqual({ date: 'asc' });
    expect(toSort('relevance')).toEqual({});
    expect(toSort('relevance', false)).toEqual({ date: 'desc' });
  });
});

describe('suggestions when nothing is found', () => {
  const state = (q: string) => readState(new URLSearchParams(q));
  it('offers the query without quotes, each term alone, and each filter dropped', () => {
    const offers = suggestions(state('q=一季度“开门红” 党员&paper=jining-daily&from=2022-03-01&to=2022-03-05'));
    expect(offers.map((o) => o.label)).toEqual([
      '去掉引号：一季度开门红 党员', '只搜“一季度"开门红"”', '只搜“党员”', '不限日期', '搜索全部报纸', '去掉全部筛选',
    ]);
    expect(offers[3]!.state).toMatchObject({ from: null, to: null, paper: 'jining-daily', q: '一季度“开门红” 党员' });
    expect(offers[4]!.state).toMatchObject({ paper: null, from: '2022-03-01' });
  });
  it('offers nothing for a plain single term without filters', () => {
    expect(suggestions(state('q=氙氪'))).toEqual([]);
  });
  it('says what was sought and where', () => {
    expect(emptyReason(state('q=甲 乙&paper=x&from=2022-03-01'), { paper: '某报' })).toBe('在某报、2022-03-01至最新中没有找到同时包含“甲”、“乙”的文章。');
    expect(emptyReason(state('q=甲'), {})).toBe('归档中没有找到包含“甲”的文章。');
  });
});

describe('planBundles', () => {
  const ids = ['a/2021-02-25/01/1', 'a/2022-02-07/01/1', 'b/2022-03-25/02/3'];
  it('keeps one bundle up to the threshold', () => {
    expect(planBundles(ids, 3)).toEqual([{ path: 'pagefind/', ids }]);
  });
  it('splits per year, newest first, above it', () => {
    expect(planBundles(ids, 2)).toEqual([
      { path: 'pagefind/2022/', ids: ['a/2022-02-07/01/1', 'b/2022-03-25/02/3'] },
      { path: 'pagefind/2021/', ids: ['a/2021-02-25/01/1'] },
    ]);
  });
  it('splits a year that alone is above it per month', () => {
    expect(planBundles(ids, 1)).toEqual([
      { path: 'pagefind/2022-03/', ids: ['b/2022-03-25/02/3'] },
      { path: 'pagefind/2022-02/', ids: ['a/2022-02-07/01/1'] },
      { path: 'pagefind/2021/', ids: ['a/2021-02-25/01/1'] },
    ]);
  });
  it('reads the months a bundle holds from its path', () => {
    expect(bundleMonths('pagefind/')).toBeNull();
    expect(bundleMonths('pagefind/2021/')).toEqual({ first: '2021-01', last: '2021-12' });
    expect(bundleMonths('pagefind/2022-03/')).toEqual({ first: '2022-03', last: '2022-03' });
  });
  it('gives the first and last day of the archive', () => {
    expect(archiveSpan([ids[2]!, ids[0]!, ids[1]!])).toEqual({ first: '2021-02-25', last: '2022-03-25' });
  });
});
