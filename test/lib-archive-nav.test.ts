// Navigation precomputed over plain archive data (src/lib/archive-nav.ts), on a small hand-made archive
// whose issues, pages and articles are deliberately listed out of order.
import { describe, expect, it } from 'vitest';
import { buildArchiveNav, headline, pageId } from '../src/lib/archive-nav.ts';
import type { ArchiveIssue, ArchivePaper, ArticleRef, IssuePage } from '../src/lib/archive-schema.ts';

const ref = (id: string, order: number, title: string | null = `文章${order}`): ArticleRef => ({ id, order, kind: 'news', title, chars: 100 });
const page = (issue: string, number: number, orders: number[]): IssuePage => ({
  number,
  name: null,
  sources: [],
  furniture: [],
  articles: orders.map((k) => ref(`${issue}/${String(number).padStart(2, '0')}/${k}`, k)),
});
const issue = (paper: string, date: string, pages: IssuePage[]): ArchiveIssue => ({
  id: `${paper}/${date}`, paper, paperName: paper === 'a' ? '甲报' : '乙报', date, dateSource: 'path',
  number: null, totalPages: null, lunarDate: null, weekday: null, pages,
});
const papers: ArchivePaper[] = [
  { id: 'a', name: '甲报', nameSource: 'manifest', issueDates: [] },
  { id: 'b', name: '乙报', nameSource: 'manifest', issueDates: [] },
];
const issues = [
  issue('a', '2022-02-07', [page('a/2022-02-07', 2, [2, 1]), page('a/2022-02-07', 1, [1, 2])]),
  issue('b', '2023-01-01', [page('b/2023-01-01', 1, [1])]),
  issue('a', '2021-12-31', [page('a/2021-12-31', 1, [1])]),
  issue('a', '2022-03-01', [page('a/2022-03-01', 1, [1])]),
];
const nav = buildArchiveNav(papers, issues);

describe('buildArchiveNav', () => {
  it('lists papers by their latest issue, newest first, each with its issues newest first', () => {
    expect(nav.papers.map((p) => p.id)).toEqual(['b', 'a']);
    expect(nav.papers.find((p) => p.id === 'a')!.issues.map((i) => i.date)).toEqual(['2022-03-01', '2022-02-07', '2021-12-31']);
  });

  it('links each issue to the older (上一期) and newer (下一期) issue of the same paper only', () => {
    const middle = nav.issueNeighbours.get('a/2022-02-07')!;
    expect([middle.prev?.date, middle.next?.date]).toEqual(['2021-12-31', '2022-03-01']);
    expect(nav.issueNeighbours.get('b/2023-01-01')).toEqual({ prev: null, next: null });
  });

  it('sorts pages by number and links 上一版/下一版 within the issue', () => {
    expect(nav.issueById.get('a/2022-02-07')!.pages.map((p) => p.number)).toEqual([1, 2]);
    const first = nav.pageNeighbours.get(pageId('a/2022-02-07', 1))!;
    expect([first.prev, first.next?.number]).toEqual([null, 2]);
    expect(nav.pageNeighbours.get('a/2022-02-07/02')!.prev?.number).toBe(1);
  });

  it('links 上一篇/下一篇 in reading order across the pages of an issue', () => {
    const lastOnPage1 = nav.articleNeighbours.get('a/2022-02-07/01/2')!;
    expect(lastOnPage1.prev?.id).toBe('a/2022-02-07/01/1');
    expect(lastOnPage1.next).toMatchObject({ id: 'a/2022-02-07/02/1', page: 2 });
    expect(nav.articleNeighbours.get('a/2022-02-07/02/2')!.next).toBeNull();
    // Never across issues.
    expect(nav.articleNeighbours.get('a/2022-03-01/01/1')).toEqual({ prev: null, next: null });
  });

  it('names a paper missing from papers.json by the name its issues carry', () => {
    const alone = buildArchiveNav([], [issue('b', '2023-01-01', [])]);
    expect(alone.papers[0].name).toBe('乙报');
  });
});

describe('headline', () => {
  it('gives the title, or says what kind of untitled piece it is', () => {
    expect(headline({ title: '标题', kind: 'news' })).toBe('标题');
    expect(headline({ title: null, kind: 'photo' })).toBe('（图片）');
    expect(headline({ title: null, kind: 'news' })).toBe('（无题）');
  });
});
