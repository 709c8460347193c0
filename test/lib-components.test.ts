// Components rendered in isolation with Astro's container API: the masthead prints what the issue
// printed and computes only what it did not; the pager and continuation links; 往期回顾 by year.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Continuation from '../src/components/Continuation.astro';
import IssueCalendar from '../src/components/IssueCalendar.astro';
import YearList from '../src/components/YearList.astro';
import { buildCalendar } from '../src/lib/calendar.ts';
import Masthead from '../src/components/Masthead.astro';
import PageNav from '../src/components/PageNav.astro';
import type { ArchiveIssue } from '../src/lib/archive-schema.ts';

const issue: ArchiveIssue = {
  id: 'p/2022-02-07', paper: 'p', paperName: '聊城日报', date: '2022-02-07', dateSource: 'masthead',
  number: '第9534期', totalPages: 8, lunarDate: '壬寅年正月初七', weekday: '星期一', pages: [],
};

describe('Masthead', () => {
  it('prints name, date, weekday, 农历, 期号 and 今日N版', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Masthead, { props: { issue } });
    expect(html).toContain('<h1>聊城日报</h1>');
    for (const text of ['2022年2月7日', '星期一', '农历壬寅年正月初七', '第9534期', '今日8版']) expect(html).toContain(text);
  });
});

describe('Masthead without a printed masthead', () => {
  it('computes weekday and 农历 from the date, omits 期号 and page count, and says the date was inferred', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Masthead, {
      props: { issue: { ...issue, dateSource: 'inferred', number: null, totalPages: null, lunarDate: null, weekday: null } },
    });
    expect(html).toContain('星期一');
    expect(html).toContain('农历壬寅年正月初七');
    expect(html).not.toContain('期</span>');
    expect(html).not.toContain('今日');
    expect(html).toContain('日期由正文推断');
  });
});

describe('Continuation (上接/下转)', () => {
  const withPages: ArchiveIssue = {
    ...issue,
    pages: [1, 8].map((number) => ({ number, name: null, sources: [], furniture: [], articles: [] })),
  };
  const render = async (props: Record<string, unknown>) =>
    (await AstroContainer.create()).renderToString(Continuation, { props: { issue: withPages, ...props } });

  it('links to the other half when the archive holds it', async () => {
    const html = await render({ page: 8, id: 'p/2022-02-07/08/3', word: '下转' });
    expect(html).toContain('href="/p/2022-02-07/08/3/"');
    expect(html).toContain('下转第8版');
  });

  it('links to the page when only the page is held, and says when the page is not collected', async () => {
    expect(await render({ page: 8, id: null, word: '下转' })).toContain('href="/p/2022-02-07/08/"');
    const missing = await render({ page: 5, id: null, word: '上接' });
    expect(missing).toContain('上接第5版（未收录）');
    expect(missing).not.toContain('href');
  });

  it('renders nothing for an article that is not continued', async () => {
    expect((await render({ page: null, id: null, word: '下转' })).trim()).toBe('');
  });
});

describe('PageNav (版面导航)', () => {
  it('lists every held page with its headlines (display titles for untitled pieces), and the pages the masthead counts but the archive lacks', async () => {
    const ref = (page: number, k: number, title: string | null) => ({ id: `p/2022-02-07/0${page}/${k}`, order: k, kind: 'news' as const, title, chars: 10 });
    const html = await (await AstroContainer.create()).renderToString(PageNav, {
      props: {
        issue: {
          ...issue,
          totalPages: 4,
          pages: [
            { number: 1, name: '要闻', sources: [], furniture: [], articles: [ref(1, 1, '头条'), ref(1, 2, null)] },
            { number: 3, name: null, sources: [], furniture: [], articles: [ref(3, 1, '三版稿')] },
          ],
        },
        current: 3,
        titles: new Map([['p/2022-02-07/01/2', { text: '图片：市民在公园散步', supplied: true }]]),
      },
    });
    expect(html).toContain('第01版：要闻');
    expect(html).toMatch(/href="\/p\/2022-02-07\/03\/" aria-current="page"/);
    // An untitled piece is listed under its display title (src/lib/display-title.ts), never as 无题.
    expect(html).toContain('href="/p/2022-02-07/01/2/">图片：市民在公园散步</a>');
    expect(html).toContain('href="/p/2022-02-07/01/1/">头条</a>');
    expect(html).toContain('未收录：第02版、第04版');
  });
});

describe('往期回顾 (IssueCalendar, YearList)', () => {
  // A daily of 2020 (a leap year) that skipped Sundays: 366 days, 52 Sundays (5 January the first).
  const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
  const issued = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0);
  const years = buildCalendar([...issued, '2019-12-31']);

  it('shows one year: twelve months, every issue day a link to its issue, Sundays plain', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(IssueCalendar, { props: { paper: 'p', year: years[0] } });
    expect(html).toContain('2020年（314期）');
    expect(html.match(/<table/g)).toHaveLength(12);
    expect(html.match(/<a href="\/p\/2020-\d\d-\d\d\/"/g)).toHaveLength(314);
    expect(html).toContain('aria-label="2020年2月29日"');
    expect(html).not.toContain('2020-01-05');
    expect(html).not.toContain('2019-12-31');
  });

  it('lists every year with its count, marks the one shown, and carries its first and last issue', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(YearList, { props: { paper: 'p', years, current: 2019 } });
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toMatch(/href="\/p\/2020\/"[^>]*data-first="2020-01-01" data-last="2020-12-31">2020年<span class="count">314期/);
    expect(html).toMatch(/href="\/p\/2019\/" aria-current="true"/);
  });
});
