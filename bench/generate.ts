// Synthetic archive: N articles as seed pages in the path convention `<paper>/<YYYY-MM-DD>/<NN>.txt`
// (shared/DESIGN.md §1). Several papers publish on consecutive days; an issue has 4–16 pages, a page
// a masthead and about 8 articles; an article is a headline and paragraphs of sample sentences
// re-wrapped at the page's column width, so ingest reads mastheads, finds headlines and unwraps lines.
// The same options give the same pages, byte for byte.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lunarDayName } from '../scripts/data/mastheads.ts';
import type { Corpus } from './corpus.ts';
import { seededRandom, type Random } from './random.ts';

export interface GenerateOptions {
  articles: number;
  /** How many papers publish side by side (at most PAPERS.length). */
  papers: number;
  /** Seed number of the random choices. */
  seed: number;
  /** The first issue date, YYYY-MM-DD. */
  start: string;
}

export const defaultGenerateOptions: Omit<GenerateOptions, 'articles'> = { papers: 3, seed: 1, start: '2020-01-01' };

export interface SeedPage {
  /** Relative to the seeds folder: `<paper>/<YYYY-MM-DD>/<NN>.txt`. */
  path: string;
  paper: string;
  date: string;
  page: number;
  /** Pages in this page's issue (printed as 今日N版 on page 1). */
  pageCount: number;
  articles: number;
  text: string;
}

/** Fictional papers (slug from the path, name from the masthead). */
export const PAPERS: readonly { slug: string; name: string }[] = [
  { slug: 'dongyue-daily', name: '东岳日报' },
  { slug: 'yunhe-evening-news', name: '运河晚报' },
  { slug: 'quancheng-business-news', name: '泉城商报' },
  { slug: 'huanghe-farmers-news', name: '黄河农民报' },
  { slug: 'yimeng-daily', name: '沂蒙日报' },
  { slug: 'qilu-times', name: '齐鲁时报' },
];

/** 版名 page names, page 1 first. */
const PAGE_NAMES = ['要闻', '综合', '经济', '社会', '文化', '体育', '国内', '国际', '理论', '副刊', '法治', '教育', '健康', '科技', '农村', '专版'];
/** Pages an issue, articles a page, sentences an article, sentences a paragraph, characters a column line. */
const ISSUE_PAGES = [4, 16] as const;
const PAGE_ARTICLES = [5, 11] as const;
const ARTICLE_SENTENCES = [4, 16] as const;
const PARAGRAPH_SENTENCES = [1, 4] as const;
const LINE_WIDTH = [14, 24] as const;
/**
 * Share of articles opening with a dateline sentence (本报讯…); the others carry a byline line under the
 * headline (■ 本报记者 …). Either marks a new report, as in print: a lone headline over undated text
 * reads as a section head (小标题) of the article before it.
 */
const DATELINE_SHARE = 0.6;
/** Fictional reporters for byline lines. */
const REPORTERS = ['王晓明', '李娜', '张建国', '刘洋', '陈静', '杨帆', '赵磊', '孙丽'];

/** The pages of the archive, issue by issue (a generator: 500k articles never sit in memory at once). */
export function* generatePages(corpus: Corpus, options: GenerateOptions): Generator<SeedPage> {
  const random = seededRandom(options.seed);
  const papers = papersOf(options);
  const left = { articles: options.articles };
  for (let day = 0; left.articles > 0; day++) {
    for (const [p, paper] of papers.entries()) {
      if (left.articles <= 0) break;
      yield* issuePages(corpus, random, paper, p, options.start, day, left);
    }
  }
}

/**
 * One more day of the archive: a whole issue of every paper on the day after the archive's last date
 * (`bench/run.ts --add-day`). Its own random sequence (from the seed and the date), so the same
 * archive and options give the same day.
 */
export function* nextDayPages(corpus: Corpus, options: GenerateOptions, lastDate: string): Generator<SeedPage> {
  const random = seededRandom(options.seed * 100_003 + Number(lastDate.replaceAll('-', '')));
  const day = Math.round((Date.parse(`${lastDate}T00:00:00Z`) - Date.parse(`${options.start}T00:00:00Z`)) / 86_400_000) + 1;
  for (const [p, paper] of papersOf(options).entries()) yield* issuePages(corpus, random, paper, p, options.start, day, { articles: Infinity });
}

/** The date of the last issue `generatePages` writes for these options. */
export function lastDateOf(corpus: Corpus, options: GenerateOptions): string {
  let last = options.start;
  for (const page of generatePages(corpus, options)) last = page.date;
  return last;
}

const papersOf = (options: GenerateOptions) => PAPERS.slice(0, Math.max(1, Math.min(options.papers, PAPERS.length)));

/** One paper's issue on day `day` after `start`, taking its articles from `left` (it may end short). */
function* issuePages(corpus: Corpus, random: Random, paper: { slug: string; name: string }, p: number, start: string, day: number, left: { articles: number }): Generator<SeedPage> {
  const date = addDays(start, day);
  // Plan the issue first: page 1 prints how many pages it has.
  const plan: number[] = [];
  const pages = random.int(...ISSUE_PAGES);
  while (plan.length < pages && left.articles > 0) {
    const n = Math.min(left.articles, random.int(...PAGE_ARTICLES));
    plan.push(n);
    left.articles -= n;
  }
  const issueNumber = 1000 * (p + 1) + day + 1;
  for (const [i, articles] of plan.entries()) {
    const page = i + 1;
    const head = masthead(paper.name, date, page, plan.length, issueNumber);
    const width = random.int(...LINE_WIDTH);
    const body = Array.from({ length: articles }, () => article(corpus, random, width));
    yield {
      path: `${paper.slug}/${date}/${String(page).padStart(2, '0')}.txt`,
      paper: paper.slug, date, page, pageCount: plan.length, articles,
      text: `${[head, ...body].join('\n\n\n')}\n`,
    };
  }
}

/** Writes the pages under `dir`; returns how many pages and articles were written. */
export async function writeSeeds(dir: string, pages: Iterable<SeedPage>, onPage?: (count: number) => void): Promise<{ pages: number; articles: number }> {
  let count = 0;
  let articles = 0;
  const made = new Set<string>();
  for (const page of pages) {
    const file = join(dir, page.path);
    if (!made.has(dirname(file))) {
      await mkdir(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    await writeFile(file, page.text);
    articles += page.articles;
    count += 1;
    onPage?.(count);
  }
  return { pages: count, articles };
}

const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const WEEKDAYS = '日一二三四五六';

/** The masthead as the sample papers print it: name and date line on page 1, a running head inside. */
function masthead(name: string, date: string, page: number, pageCount: number, issueNumber: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  const printedDate = `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 星期${WEEKDAYS[day.getUTCDay()]}`;
  const pageLine = `第${String(page).padStart(2, '0')}版：${PAGE_NAMES[(page - 1) % PAGE_NAMES.length]}`;
  if (page > 1) return `${name}  ${printedDate}\n${pageLine}`;
  const lunar = Object.fromEntries(lunarFormat.formatToParts(day).map((part) => [part.type, part.value]));
  const lunarDate = `${lunar.yearName}年${lunar.month}${lunarDayName(Number(lunar.day))}`;
  return `${name}\n\n${name}社出版\n\n${printedDate} 农历${lunarDate} 第${issueNumber}期 今日${pageCount}版\n\n${pageLine}`;
}

/** A headline (and byline) and its body, wrapped at `width` characters a line, paragraphs apart by a blank line. */
function article(corpus: Corpus, random: Random, width: number): string {
  const sentences: string[] = [];
  const head = [random.pick(corpus.headlines)];
  if (random.next() < DATELINE_SHARE) sentences.push(random.pick(corpus.openings));
  else head.push(`■ 本报记者 ${random.pick(REPORTERS)}`);
  for (let n = random.int(...ARTICLE_SENTENCES); sentences.length < n;) sentences.push(random.pick(corpus.sentences));
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = random.int(...PARAGRAPH_SENTENCES);
    paragraphs.push(sentences.slice(i, i + n).join(''));
    i += n;
  }
  return [head.join('\n'), ...paragraphs.map((p) => wrap(p, width))].join('\n\n');
}

function wrap(text: string, width: number): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

function addDays(start: string, days: number): string {
  const day = new Date(`${start}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
