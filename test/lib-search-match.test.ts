// Exact-substring check, excerpts and article metadata for the index (src/lib/search/match.ts, record.ts).
import { describe, expect, it } from 'vitest';
import { fold } from '../src/lib/search/fold.ts';
import { excerpt, findRanges, holdsAll } from '../src/lib/search/match.ts';
import { searchRecord, searchText } from '../src/lib/search/record.ts';
import type { ArchiveArticle } from '../src/lib/archive-schema.ts';

describe('holdsAll', () => {
  it('needs every term as a contiguous string', () => {
    expect(holdsAll('创建全国文明城市', ['文明城市'])).toBe(true);
    expect(holdsAll('文明的城市', ['文明城市'])).toBe(false);
    expect(holdsAll('文明城市 党员', ['党员', '文明'])).toBe(true);
    expect(holdsAll('文明城市', ['党员', '文明'])).toBe(false);
  });
  it('matches across width and case, whitespace and punctuation styles', () => {
    expect(holdsAll('建成５Ｇ基站', ['5g基站'])).toBe(true);
    expect(holdsAll('本报记者 林金彦\n报道', ['本报记者林金彦'])).toBe(true);
    expect(holdsAll('一季度"开门红"', [fold('一季度“开门红”')])).toBe(true);
    expect(holdsAll('一季度“开门红”', [fold('一季度「开门红」')])).toBe(true);
  });
  it('no terms is no match', () => {
    expect(holdsAll('x', [])).toBe(false);
  });
});

describe('findRanges and excerpt', () => {
  it('gives original offsets of folded matches, merged', () => {
    expect(findRanges('在２０２２年，2022年', ['2022年'])).toEqual([[1, 6], [7, 12]]);
    expect(findRanges('文明城市', ['文明', '明城'])).toEqual([[0, 3]]);
    // A match across whitespace marks the text as printed, spaces inside, none after.
    expect(findRanges('记者 薛蓓蓓 说', ['记者薛蓓蓓'])).toEqual([[0, 6]]);
  });
  it('cuts an excerpt around the first match with the matches marked', () => {
    const text = `${'甲'.repeat(100)}于连兴${'乙'.repeat(100)}`;
    const segments = excerpt(text, ['于连兴'], 30);
    expect(segments[0]).toEqual({ text: '…', mark: false });
    expect(segments.filter((s) => s.mark)).toEqual([{ text: '于连兴', mark: true }]);
    expect(segments.map((s) => s.text).join('')).toBe(`…${'甲'.repeat(10)}于连兴${'乙'.repeat(17)}…`);
  });
});

const article: ArchiveArticle = {
  id: 'liaocheng-daily/2022-02-07/01/3', paper: 'liaocheng-daily', date: '2022-02-07', page: 1, order: 3,
  kind: 'feature', kicker: '引题', title: '主题', subtitles: ['副题'], byline: '本报记者 某某',
  paragraphs: ['第一段。', '第二段。'], subheads: [], chars: 8, continuedTo: null, continuedFrom: null,
  continuedToId: null, continuedFromId: null, source: { file: 'x.txt', line: 1 },
};

describe('searchRecord', () => {
  it('gives meta, filters and sort key', () => {
    expect(searchRecord(article, '聊城日报', '要闻')).toEqual({
      meta: { title: '主题', paper: '聊城日报', date: '2022-02-07', page: '第01版：要闻' },
      filters: { paper: 'liaocheng-daily', year: '2022', month: '2022-02', date: '2022-02-07', page: 'front', kind: 'feature' },
      sort: { date: '2022-02-07' },
    });
    const inner = searchRecord({ ...article, page: 3, title: null }, '聊城日报', null);
    expect(inner.filters.page).toBe('inner');
    expect(inner.meta.page).toBe('第03版');
  });
  it('searchable text is every field, one a line, in page order', () => {
    expect(searchText(article)).toBe('引题\n主题\n副题\n本报记者 某某\n第一段。\n第二段。');
  });
});
