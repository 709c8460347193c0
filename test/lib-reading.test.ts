// The reading helpers of issue 16, on hand-written inputs: display titles of untitled pieces, furniture
// without Markdown marks, word-wrapped headlines, continuations in one view, citations, 往年今日, text
// export, the 朗读 voice choice and short derived paper slugs.
import { describe, expect, it } from 'vitest';
import { slugifyPublication, SLUG_MAX } from '../scripts/pipeline/slugify-publication.ts';
import { buildArchiveNav } from '../src/lib/archive-nav.ts';
import type { ArchiveArticle, ArchiveIssue } from '../src/lib/archive-schema.ts';
import { authorsOf, chicago, gbtOnline, gbtPrint } from '../src/lib/cite.ts';
import { displayTitle, firstClause, titleOf } from '../src/lib/display-title.ts';
import { exportRecords, toJsonLines, toPlainText } from '../src/lib/export-text.ts';
import { closeLetterSpacing, furnitureEntries, unmark } from '../src/lib/furniture.ts';
import { allDays, onThisDay } from '../src/lib/on-this-day.ts';
import { chineseVoice } from '../src/lib/voice.ts';
import { continuationsOf, crossPageNote } from '../src/lib/whole-article.ts';
import { wrapWords } from '../src/lib/wrap-words.ts';

const article = (over: Partial<ArchiveArticle>): ArchiveArticle => ({
  id: 'p/2023-05-08/01/1', paper: 'p', date: '2023-05-08', page: 1, order: 1, kind: 'news', kicker: null, title: null,
  subtitles: [], byline: null, paragraphs: [], subheads: [], chars: 0, continuedTo: null, continuedFrom: null, continuedToId: null,
  continuedFromId: null, source: { file: 'p/2023-05-08/01.txt', line: 3 }, ...over,
});

describe('display titles', () => {
  it('keeps a printed title as it is', () => {
    expect(displayTitle(article({ title: '河城新建三座口袋公园' }))).toEqual({ text: '河城新建三座口袋公园', supplied: false });
  });

  it('calls a photo 图片： and its caption’s first clause, without 图为', () => {
    expect(displayTitle(article({ kind: 'photo', paragraphs: ['图为市民在改造后的老街上散步。 ■ 周海'] })).text).toBe('图片：市民在改造后的老街上散步');
    expect(displayTitle(article({ kind: 'photo', paragraphs: [] })).text).toBe('图片');
  });

  it('gives an untitled story its first clause in ［］, without the dateline, a too-short clause with the next', () => {
    expect(displayTitle(article({ paragraphs: ['本报讯（记者 赵晴）记者从市气象台获悉，本周全市以晴好天气为主。'] }))).toEqual({ text: '［记者从市气象台获悉］', supplied: true });
    expect(firstClause(['新华社北京5月6日电（记者 王五）近日，国家发布新规。'])).toBe('近日，国家发布新规');
    expect(firstClause(['一'.repeat(40)])).toBe(`${'一'.repeat(24)}…`);
    expect(displayTitle(article({ kind: 'brief', paragraphs: [] })).text).toBe('（无题）');
  });

  it('calls an untitled continuation （上接第N版） + the title of the article it continues', () => {
    const head = article({ id: 'p/2023-05-08/01/1', title: '河城湿地迎来候鸟', continuedTo: 2, continuedToId: 'p/2023-05-08/02/1' });
    const tail = article({ id: 'p/2023-05-08/02/1', page: 2, kind: 'photo', paragraphs: ['（上接第1版）管理处提醒市民，观鸟时请保持安静。'], continuedFrom: 1, continuedFromId: head.id });
    const byId = new Map([head, tail].map((a) => [a.id, a]));
    expect(titleOf({ articleById: byId }, tail)).toEqual({ text: '（上接第1版）河城湿地迎来候鸟', supplied: true });
    // Without the first half, the continuation's own first clause (after its 上接 marker) stands in.
    expect(displayTitle(tail).text).toBe('（上接第1版）［管理处提醒市民］');
  });
});

describe('furniture for display', () => {
  it('takes the seed’s Markdown marks off', () => {
    expect(unmark('# 河城日报')).toBe('河城日报');
    expect(unmark('## 第02版：经济')).toBe('第02版：经济');
    expect(unmark('网址：<http://dcf.lcxw.cn> 投稿')).toBe('网址：http://dcf.lcxw.cn 投稿');
    expect(unmark('---')).toBe('');
    expect(unmark('**要闻**')).toBe('要闻');
  });

  it('closes letter-spacing, not the spaces between names or words', () => {
    expect(closeLetterSpacing('今 日 导 读')).toBe('今日导读');
    expect(closeLetterSpacing('2021 年 2 月 25 日')).toBe('2021年2月25日');
    expect(closeLetterSpacing('第 1 期')).toBe('第1期');
    expect(closeLetterSpacing('责编:路子强 吕臻 版式:丁兴业')).toBe('责编:路子强 吕臻 版式:丁兴业');
    expect(closeLetterSpacing('2022年2月7日 星期一')).toBe('2022年2月7日 星期一');
  });

  it('links a 导读 teaser to the article of the issue it names, drops empty lines', () => {
    const issue = { pages: [{ number: 2, name: null, sources: [], furniture: [], articles: [{ id: 'p/d/02/1', order: 1, kind: 'news' as const, title: '为实现碳中和贡献“聊城力量”', chars: 9 }] }] };
    const source = { file: 'f', line: 1 };
    const entries = furnitureEntries([
      { kind: 'index', text: '今 日 导 读', source },
      { kind: 'index', text: '为实现碳中和贡献"聊城力量"', source },
      { kind: 'index', text: '8版', source },
      { kind: 'other', text: '---', source },
      { kind: 'masthead', text: '为实现碳中和贡献“聊城力量”', source },
    ], issue);
    expect(entries.map((e) => [e.text, e.articleId])).toEqual([
      ['今日导读', null], ['为实现碳中和贡献"聊城力量"', 'p/d/02/1'], ['8版', null], ['为实现碳中和贡献“聊城力量”', null],
    ]);
  });
});

describe('headline words', () => {
  it('cuts headlines between words, never inside 勇气 or 功夫, and loses nothing', () => {
    for (const [text, word] of [['拿出破釜沉舟的勇气', '勇气'], ['下足绣花功夫', '功夫']]) {
      const words = wrapWords(text);
      expect(words.join('')).toBe(text);
      expect(words).toContain(word);
    }
  });
});

describe('the whole article', () => {
  it('follows 下转 through the archive, stops at a loop and at a part not held', () => {
    const a = article({ id: 'a', continuedToId: 'b' });
    const b = article({ id: 'b', page: 3, continuedToId: 'c' });
    const c = article({ id: 'c', page: 5, continuedToId: 'a' });
    const byId = new Map([a, b, c].map((x) => [x.id, x]));
    expect(continuationsOf(a, byId).map((x) => x.id)).toEqual(['b', 'c']);
    expect(continuationsOf(article({ id: 'x', continuedToId: 'gone' }), byId)).toEqual([]);
  });

  it('says when 上一篇/下一篇 cross to another page', () => {
    expect(crossPageNote(1, 2)).toBe('第02版');
    expect(crossPageNote(3, 3)).toBeNull();
  });
});

describe('引用本文', () => {
  const citable = { title: '河城新建三座口袋公园', byline: null, paragraphs: ['本报讯（记者 林小雨）5月6日，河城区三座口袋公园同时开园。'], paperName: '河城日报', date: '2023-05-08', page: 1 };

  it('finds the authors in a byline or the dateline’s credit', () => {
    expect(authorsOf('本报记者 林小雨 通讯员 王五', [])).toEqual(['林小雨', '王五']);
    expect(authorsOf(null, citable.paragraphs)).toEqual(['林小雨']);
    expect(authorsOf(null, ['5月6日，市民在公园散步。'])).toEqual([]);
  });

  it('writes GB/T 7714—2015 [N] and [N/OL] and the Chicago form', () => {
    expect(gbtPrint(citable)).toBe('林小雨. 河城新建三座口袋公园[N]. 河城日报, 2023-05-08(1).');
    const online = gbtOnline(citable);
    expect(`${online.before}2026-12-02${online.between}https://x.org/a/${online.after}`).toBe('林小雨. 河城新建三座口袋公园[N/OL]. 河城日报, 2023-05-08(1)[2026-12-02]. https://x.org/a/.');
    const western = chicago(citable);
    expect(`${western.before}https://x.org/a/${western.after}`).toBe('林小雨. “河城新建三座口袋公园.” 河城日报, May 8, 2023, 1. https://x.org/a/.');
    expect(gbtPrint({ ...citable, byline: '记者 甲乙 丙丁 戊己 庚辛', paragraphs: [] })).toBe('甲乙, 丙丁, 戊己, 等. 河城新建三座口袋公园[N]. 河城日报, 2023-05-08(1).');
  });
});

const issue = (paper: string, date: string): ArchiveIssue => ({
  id: `${paper}/${date}`, paper, paperName: paper === 'a' ? '甲报' : '乙报', date, dateSource: 'path', number: null, totalPages: null, lunarDate: null, weekday: null,
  pages: [{ number: 1, name: '要闻', sources: [], furniture: [], articles: [{ id: `${paper}/${date}/01/1`, order: 1, kind: 'news', title: '头条', chars: 10 }] }],
});

describe('往年今日', () => {
  const { papers } = buildArchiveNav(
    [{ id: 'a', name: '甲报', nameSource: 'manifest', issueDates: [] }, { id: 'b', name: '乙报', nameSource: 'manifest', issueDates: [] }],
    [issue('a', '2023-05-08'), issue('a', '2021-05-08'), issue('a', '2022-05-08'), issue('b', '2022-05-08'), issue('b', '2023-05-08'), issue('a', '2022-05-09')],
  );

  it('lists the same day in earlier years, this paper first, newest first', () => {
    expect(onThisDay(papers, 'a', '2023-05-08').map((i) => `${i.paper} ${i.date}`)).toEqual(['a 2022-05-08', 'a 2021-05-08', 'b 2022-05-08']);
    expect(onThisDay(papers, 'b', '2022-05-08').map((i) => `${i.paper} ${i.date}`)).toEqual(['a 2021-05-08']);
    expect(onThisDay(papers, 'a', '2021-05-08')).toEqual([]);
  });

  it('lists other papers on one day by paper id, whichever published last (a new day changes no older issue page)', () => {
    const three = (extra: ArchiveIssue[]) => buildArchiveNav(
      ['a', 'b', 'c'].map((id) => ({ id, name: id, nameSource: 'manifest' as const, issueDates: [] })),
      [issue('a', '2023-05-08'), issue('b', '2022-05-08'), issue('c', '2022-05-08'), issue('a', '2023-05-09'), issue('c', '2023-05-09'), ...extra],
    ).papers;
    // c published last, then b does: the papers' recency order changes, 往年今日 of 2023-05-08 does not.
    const before = onThisDay(three([]), 'a', '2023-05-08').map((i) => i.paper);
    const after = onThisDay(three([issue('b', '2023-05-10')]), 'a', '2023-05-08').map((i) => i.paper);
    expect(before).toEqual(['b', 'c']);
    expect(after).toEqual(['b', 'c']);
  });

  it('has an index file for every day a reader’s today can be, 29 February too', () => {
    const days = allDays();
    expect(days).toHaveLength(366);
    expect([days[0], days[59], days.at(-1)]).toEqual(['01-01', '02-29', '12-31']);
  });
});

describe('text export', () => {
  const i = issue('a', '2023-05-08');
  i.pages[0].articles.push({ id: 'a/2023-05-08/01/2', order: 2, kind: 'photo', title: null, chars: 5 });
  const byId = new Map([
    article({ id: 'a/2023-05-08/01/1', paper: 'a', title: '头条', byline: '记者 林小雨', paragraphs: ['第一段。', '第二段。'] }),
    article({ id: 'a/2023-05-08/01/2', paper: 'a', order: 2, kind: 'photo', paragraphs: ['图为街景。'] }),
  ].map((a) => [a.id, a]));
  const records = exportRecords(i, { articleById: byId, title: (a) => displayTitle(a), url: (id) => `/${id}/` });

  it('writes one JSON line per article with its metadata and permalink, in reading order', () => {
    const lines = toJsonLines(records).split('\n');
    expect(lines.at(-1)).toBe('');
    const parsed = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(parsed.map((r) => [r.id, r.title, r.displayTitle, r.pageName, r.url])).toEqual([
      ['a/2023-05-08/01/1', '头条', '头条', '要闻', '/a/2023-05-08/01/1/'],
      ['a/2023-05-08/01/2', null, '图片：街景', '要闻', '/a/2023-05-08/01/2/'],
    ]);
    expect(parsed[0].paragraphs).toEqual(['第一段。', '第二段。']);
  });

  it('writes plain text under the paper and date, each article under its page and place', () => {
    expect(toPlainText(records)).toBe(
      '==== 甲报 2023年5月8日 ====\n\n【第01版：要闻 · 第1篇】\n头条\n记者 林小雨\n\n第一段。\n\n第二段。\n\n链接：/a/2023-05-08/01/1/\n\n----\n\n' +
      '【第01版：要闻 · 第2篇】\n图片：街景\n\n图为街景。\n\n链接：/a/2023-05-08/01/2/\n\n----\n\n',
    );
  });
});

describe('朗读 voice', () => {
  it('takes a local zh-CN voice first, then another Chinese one, none when there is none', () => {
    const v = (lang: string, localService = true) => ({ lang, localService, name: lang });
    expect(chineseVoice([v('en-US'), v('zh-TW'), v('zh-CN', false), v('zh-CN')])).toEqual(v('zh-CN'));
    expect(chineseVoice([v('en-US'), v('zh_TW')])?.lang).toBe('zh_TW');
    expect(chineseVoice([v('en-US'), v('fr-FR')])).toBeNull();
  });
});

describe('derived paper slugs', () => {
  const none = { publications: {}, pages: {} };
  it('hyphenates pinyin words and keeps a derived slug within 32 characters', () => {
    expect(slugifyPublication('聊城日报', none)).toBe('liaocheng-daily');
    expect(slugifyPublication('聊城市创建全国文明城市工作简报', none)).toBe('liaochengshi-chuangjian-bulletin');
    const long = slugifyPublication('超长的名字超长的名字超长的名字超长的名字超长的名字超长的名字', none);
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it('leaves a slug the manifest gives as it is, however long', () => {
    const manifest = { publications: { 'liaocheng-wenming-bulletin-of-the-city': { name: '聊城市创建全国文明城市工作简报' } }, pages: {} };
    expect(slugifyPublication('聊城市创建全国文明城市工作简报', manifest)).toBe('liaocheng-wenming-bulletin-of-the-city');
  });
});
