// Search page state in the URL, query parsing and Pagefind filters (src/lib/search/query.ts, bundles.ts).
import { describe, expect, it } from 'vitest';
import { bundleMonths, planBundles } from '../src/lib/search/bundles.ts';
import { monthsInRange, parseTerms, readState, toFilters, toSort, writeState } from '../src/lib/search/query.ts';

describe('URL state', () => {
  it('reads every parameter and round-trips', () => {
    const query = 'q=%E4%BA%8E%E8%BF%9E%E5%85%B4&paper=liaocheng-daily&from=2022-01&to=2022-03&page=front&kind=news&sort=newest';
    const state = readState(new URLSearchParams(query));
    expect(state).toEqual({ q: '于连兴', paper: 'liaocheng-daily', from: '2022-01', to: '2022-03', page: 'front', kind: 'news', sort: 'newest' });
    expect(writeState(state)).toBe(query);
  });
  it('ignores malformed values and leaves defaults out of the URL', () => {
    const state = readState(new URLSearchParams('q=x&from=2022-13&page=back&sort=random&paper=../x'));
    expect(state).toEqual({ q: 'x', paper: null, from: null, to: null, page: null, kind: null, sort: 'relevance' });
    expect(writeState(state)).toBe('q=x');
  });
});

describe('parseTerms', () => {
  it('splits on ASCII and full-width spaces, folds, drops quotes and repeats', () => {
    expect(parseTerms(' “文明城市”　５Ｇ基站  "党员" 党员 ')).toEqual(['文明城市', '5g基站', '党员']);
  });
  it('keeps a quote mark that does not wrap the term: it is searched as printed', () => {
    expect(parseTerms('"老于 " ”')).toEqual(['"老于', '"', '”']);
  });
  it('has no terms for blank input', () => {
    expect(parseTerms('  　 ')).toEqual([]);
  });
});

describe('filters and sort', () => {
  const months = ['2021-02', '2021-12', '2022-02', '2022-03', '2022-11'];
  it('turns a from–to range into the months it covers', () => {
    expect(monthsInRange(months, '2021-12', '2022-03')).toEqual(['2021-12', '2022-02', '2022-03']);
    expect(monthsInRange(months, '2022-03', null)).toEqual(['2022-03', '2022-11']);
    expect(monthsInRange(months, null, null)).toBeNull();
  });
  it('an empty range matches nothing rather than everything', () => {
    const state = readState(new URLSearchParams('q=x&from=2023-01'));
    expect(toFilters(state, months)).toEqual({ month: { any: ['0000-00'] } });
  });
  it('passes paper, page and kind through', () => {
    const state = readState(new URLSearchParams('q=x&paper=jining-daily&page=inner&kind=brief'));
    expect(toFilters(state, months)).toEqual({ paper: 'jining-daily', page: 'inner', kind: 'brief' });
  });
  it('sorts by date for newest and oldest, by score otherwise', () => {
    expect(toSort('newest')).toEqual({ date: 'desc' });
    expect(toSort('oldest')).toEqual({ date: 'asc' });
    expect(toSort('relevance')).toEqual({});
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
});
