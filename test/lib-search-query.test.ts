// Search page state in the URL, query parsing, date ranges, Pagefind filters and suggestions
// (src/lib/search/query.ts, suggest.ts) and the index's file formats (index-format.ts).
import { describe, expect, it } from 'vitest';
import { bigramKey, ByteReader, ByteWriter, keyShard, postPath, readDictShard, readIssues, readPostings, unigramKey, writeDictShard, writeIssues } from '../src/lib/search/index-format.ts';
import { dayRange, hasFilter, parseTerms, readState, writeState } from '../src/lib/search/query.ts';
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

describe('index file formats', () => {
  it('varints: 7 bits a byte, low bits first', () => {
    const w = new ByteWriter();
    for (const n of [0, 1, 127, 128, 300, 2 ** 40]) w.varint(n);
    // 300 = 0b10_0101100 → 0xac 0x02 (hand-checked).
    expect([...w.result()].slice(0, 6)).toEqual([0, 1, 127, 0x80, 0x01, 0xac]);
    const r = new ByteReader(w.result());
    expect([0, 1, 2, 3, 4, 5].map(() => r.varint())).toEqual([0, 1, 127, 128, 300, 2 ** 40]);
    expect(r.done).toBe(true);
  });
  it('postings: article differences, count × 2 + title flag, position differences', () => {
    // Articles 5 and 9 (block from 5): article 5 twice at 3 and 10, in the title; article 9 once at 0.
    const bytes = Uint8Array.from([0, 2 * 2 + 1, 3, 7, 4, 2 * 1, 0]);
    expect(readPostings(bytes, 5, true)).toEqual([
      { doc: 5, count: 2, inTitle: true, positions: [3, 10] },
      { doc: 9, count: 1, inTitle: false, positions: [0] },
    ]);
    expect(readPostings(Uint8Array.from([2, 6]), 0, false)).toEqual([{ doc: 2, count: 3, inTitle: false, positions: null }]);
  });
  it('dictionary shards and the issues table read back what was written', () => {
    const entries = [
      { key: unigramKey(0x4e00), docs: 1, bytes: 2, inline: Uint8Array.from([2, 6]), blocks: [], tail: null },
      { key: bigramKey(0x4e00, 0x4e01), docs: 900, bytes: 20_000, inline: null, blocks: [{ first: 0, last: 499 }, { first: 500, last: 1800 }], tail: Uint8Array.from([200, 15, 2, 0, 5]) },
      { key: unigramKey(0x4e02), docs: 1, bytes: 2, inline: null, blocks: [], tail: Uint8Array.from([1, 2]) },
    ];
    expect([...readDictShard(writeDictShard(entries)).values()]).toEqual(entries);
    const rows = [{ date: '2021-12-31', paper: 0, docs: 1, front: 1 }, { date: '2022-03-25', paper: 1, docs: 9, front: 3 }, { date: '2022-03-25', paper: 0, docs: 5, front: 2 }];
    // Oldest first: the first day, then differences (2022-03-25 is 84 days after 2021-12-31).
    expect([...writeIssues(rows)].slice(3, 8)).toEqual([0, 0, 1, 1, 84]);
    expect(readIssues(writeIssues(rows))).toEqual(rows);
  });
  it('a block file is named by its key and first article, so it keeps its name as the index grows', () => {
    expect(postPath(unigramKey(0x4e00), 0)).toBe(`post/${0x4e00 % 1024}/${(0x4e00).toString(36)}-0.bin`);
    expect(postPath(bigramKey(0x4e00, 0x4e01), 1000)).toBe(`post/${bigramKey(0x4e00, 0x4e01) % 1024}/${bigramKey(0x4e00, 0x4e01).toString(36)}-rs.bin`);
  });
  it('a bigram key is never a character key, and shards spread keys', () => {
    expect(bigramKey(0, 0)).toBeGreaterThan(unigramKey(0x10ffff));
    const shards = new Set(Array.from({ length: 200 }, (_, i) => keyShard(bigramKey(0x4e00 + i, 0x4e00), 16)));
    expect(shards.size).toBe(16);
  });
});
