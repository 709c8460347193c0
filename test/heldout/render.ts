// Held-out pages: gold editions (../shared/gold, schema in its README) rendered back into raw page text
// the way e-paper flattening prints it, with variations the five samples do not show together — other
// wrap widths, headlines after their bodies, another paper's masthead, articles of several samples on
// one page, bylines, datelines, 下转 markers, index and footer furniture, spaces at wrap points. The
// expected edition of a rendered page is known exactly, since the page is made from gold.
//
//   npx node test/heldout/render.ts --gold ../shared/gold --out DIR [--count 48] [--layout '{"index":false}']
// writes DIR/seeds/vNN.txt and DIR/gold/vNN.json (score with ../shared/tools/score-edition.mjs);
// --layout fixes layout features on every page (to measure what one feature costs).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../../bench/random.ts';
import type { GoldArticle, GoldEdition } from '../../scripts/pipeline/types.ts';

export type { GoldArticle, GoldEdition };
export type GoldFurniture = GoldEdition['furniture'][number];

/** How one held-out page is printed. */
export interface Layout {
  /** Width of a wrapped body line in ems (CJK 1, ASCII ½); 0 = each paragraph on one line. */
  wrap: number;
  /** Headline groups printed after their bodies (bylines stay ahead of the body). */
  headlinesAfter: boolean;
  /** A blank line between paragraphs (else only between articles). */
  paragraphGap: boolean;
  /** One-line paragraphs keep a space where the PDF wrapped them (公 安干警). */
  spacesAtWraps: boolean;
  masthead: boolean;
  index: boolean;
  footer: boolean;
  /**
   * How the flattening tool spaced lines: `single` as above; `double` = a blank line after every line
   * (so blocks end at two or more); `none` = every blank line dropped.
   */
  spacing: 'single' | 'double' | 'none';
}

export interface Variant {
  name: string;
  layout: Layout;
  /** The raw page. */
  text: string;
  /** What a right extraction of `text` is. */
  expected: GoldEdition;
}

/** Made-up papers (not among the samples), each with the slug its name would get. */
const papers = [
  { name: '东岳日报', slug: 'dongyue-daily' },
  { name: '鲁西晚报', slug: 'luxi-evening-news' },
  { name: '运河商报', slug: 'yunhe-business-news' },
  { name: '泰山晨报', slug: 'taishan-morning-post' },
  { name: '黄河时报', slug: 'huanghe-times' },
  { name: '沂蒙日报', slug: 'yimeng-daily' },
];
/** Made-up reporters and editors for bylines, datelines and footers. */
const people = ['王建国', '李晓燕', '张明', '赵雪梅', '刘洋', '陈思远', '孙丽', '周海涛', '吴晨', '郑一鸣'];
const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** What opens a report with a dateline already (本报讯, 新华社…电, 东昌府讯): no second one is added. */
const hasDateline = /^(?:本报|新华社|中新社)|^[\p{Script=Han}]{2,6}讯/u;


const emWidth = (c: string): number => (/[\x20-\x7e]/u.test(c) ? 0.5 : 1);

/** Line-breaking rules (禁则) of Chinese typesetting: marks that never open a line, marks that never close one. */
const noLineStart = new Set([...'，。、；：？！”’）》」』】,.;:?!)']);
const noLineEnd = new Set([...'“‘（《「『【(']);

/** A paragraph hard-wrapped at `width` ems, as a PDF column prints it (a closing mark hangs in the margin). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const c of text) {
    // A space at the break stays at the end of the line: a line set in by a space reads as indented.
    if (w + emWidth(c) > width && line && c !== ' ' && !noLineStart.has(c) && !noLineEnd.has([...line].at(-1)!)) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += c;
    w += emWidth(c);
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-line paragraph with a space at some of the places a column of `width` wrapped it. */
function spaceAtWraps(text: string, width: number, next: () => number): string {
  return wrapText(text, width)
    .map((line, i, all) => (i < all.length - 1 && next() < 0.5 && !/\s$/u.test(line) ? `${line} ` : line))
    .join('');
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

function isoDate(next: () => number): { iso: string; printed: string; weekday: string } {
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 6 * 365) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  return {
    iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    printed: `${y}年${m}月${d}日`,
    weekday: weekdays[day.getUTCDay()]!,
  };
}

/** A gold article as a held-out page prints it: now and then with a byline, dateline or 下转 marker added. */
function varyArticle(source: GoldArticle, next: () => number): GoldArticle {
  const article: GoldArticle = { ...source, page: 1, subtitles: [...source.subtitles], paragraphs: [...source.paragraphs] };
  if (article.kind === 'photo') return article;
  if (!article.byline && article.title && next() < 0.25) article.byline = `■ 本报记者 ${pick(people, next)}`;
  if (!hasDateline.test(article.paragraphs[0] ?? '') && !article.byline && next() < 0.3) {
    article.paragraphs[0] = `本报讯（记者 ${pick(people, next)}）${article.paragraphs[0]}`;
  }
  if (article.continued_to === null && next() < 0.2) {
    const page = 2 + Math.floor(next() * 7);
    article.paragraphs[article.paragraphs.length - 1] += `（下转第${page}版）`;
    article.continued_to = page;
  }
  return article;
}

/** Print an article's lines: headline group, byline, body (or body first when headlines come after). */
function printArticle(article: GoldArticle, layout: Layout, next: () => number): string[][] {
  const heads: string[][] = [];
  if (article.kicker) heads.push([article.kicker]);
  // A dash subtitle (——写在…) stands right under the title; others (speaker lines) after a blank, as
  // in the samples: printed right under it they could as well be the title's second line.
  const dashed = (s: string): boolean => /^[—\-－]/u.test(s);
  if (article.title) heads.push([article.title, ...article.subtitles.filter(dashed)]);
  else heads.push(article.subtitles.filter(dashed));
  heads.push(...article.subtitles.filter((s) => !dashed(s)).map((s) => [s]));
  const byline = article.byline ? [[article.byline]] : [];
  // A decorated section head (……◀ 瞄准突出问题发力 ▶……) is one centred line in print, never wrapped.
  const paragraphs = article.paragraphs.map((p) =>
    layout.wrap && !/◀.*▶/u.test(p) ? wrapText(p, layout.wrap) : [layout.spacesAtWraps ? spaceAtWraps(p, 13 + Math.floor(next() * 6), next) : p],
  );
  const body = layout.paragraphGap ? paragraphs : [paragraphs.flat()];
  const headline = heads.filter((b) => b.length);
  return layout.headlinesAfter ? [...byline, ...body, ...headline] : [...headline, ...byline, ...body];
}

/**
 * Held-out page number `seed`: 2–6 articles drawn from all gold editions (so samples mix), printed with
 * a layout drawn from the seed. Blocks of lines are separated by one blank line.
 */
export function renderVariant(golds: GoldEdition[], seed: number, overrides: Partial<Layout> = {}): Variant {
  const next = seededRandom(seed * 7919 + 17).next;
  const pool = golds.flatMap((g) => g.articles.filter((a) => a.paragraphs.length));
  const layout: Layout = {
    wrap: next() < 0.2 ? 0 : 12 + Math.floor(next() * 19),
    headlinesAfter: next() < 0.4,
    paragraphGap: next() < 0.7,
    spacesAtWraps: next() < 0.5,
    masthead: next() < 0.8,
    index: next() < 0.5,
    footer: next() < 0.5,
    spacing: spacingOf(seed),
  };
  Object.assign(layout, overrides);
  const count = 2 + Math.floor(next() * 5);
  const chosen: GoldArticle[] = [];
  const left = [...pool];
  while (chosen.length < count && left.length) chosen.push(left.splice(Math.floor(next() * left.length), 1)[0]!);
  const articles = chosen.map((a) => varyArticle(a, next));

  const paper = pick(papers, next);
  const date = isoDate(next);
  const number = `第${1000 + Math.floor(next() * 9000)}期`;
  const totalPages = 4 + 4 * Math.floor(next() * 4);
  const blocks: string[][] = [];
  const furniture: GoldFurniture[] = [];
  if (layout.masthead) {
    const line = `${paper.name} ${date.printed} ${date.weekday} ${number} 今日${totalPages}版`;
    blocks.push([line]);
    furniture.push({ kind: 'masthead', text: line });
  }
  if (layout.index) {
    const entries = left.filter((a) => a.title).slice(0, 2).map((a) => `${a.title} ${2 + Math.floor(next() * (totalPages - 1))}版`);
    blocks.push(['今日导读', ...entries]);
    furniture.push({ kind: 'index', text: '今日导读' }, ...entries.map((text) => ({ kind: 'index' as const, text })));
  }
  for (const article of articles) blocks.push(...printArticle(article, layout, next));
  if (layout.footer) {
    const line = `值班编辑：${pick(people, next)} 责编：${pick(people, next)} 版式：${pick(people, next)} 校对：${pick(people, next)}`;
    blocks.push([line]);
    furniture.push({ kind: 'footer', text: line });
  }
  const name = `v${String(seed).padStart(2, '0')}`;
  const known = layout.masthead;
  return {
    name,
    layout,
    text: respace(`${blocks.map((b) => b.join('\n')).join('\n\n')}\n`, layout.spacing),
    expected: {
      seed: `${name}.txt`,
      publication: known ? { ...paper, name_source: 'masthead' } : { name: '', slug: '', name_source: 'inferred' },
      issue: {
        date: known ? date.iso : '',
        date_source: known ? 'masthead' : 'inferred',
        number: known ? number : null,
        total_pages: known ? totalPages : null,
        lunar_date: null,
        weekday: known ? date.weekday : null,
      },
      pages: [{ number: 1 }],
      articles,
      furniture,
    },
  };
}

/** Line spacing, drawn from its own stream so the other layout features of a seed stay as they were. */
function spacingOf(seed: number): Layout['spacing'] {
  const draw = seededRandom(seed * 104729 + 3).next();
  return draw < 0.15 ? 'double' : draw < 0.3 ? 'none' : 'single';
}

/** The page text re-spaced as another flattening tool would print it. */
function respace(text: string, spacing: Layout['spacing']): string {
  const lines = text.replace(/\n$/u, '').split('\n');
  if (spacing === 'none') return `${lines.filter((l) => l.trim()).join('\n')}\n`;
  if (spacing === 'double') return `${lines.map((l) => (l.trim() ? `${l}\n` : l)).join('\n')}\n`;
  return text;
}

export function readGolds(dir: string): GoldEdition[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldEdition);
}

/** Writes `count` variants as OUT/seeds/vNN.txt and OUT/gold/vNN.json. */
export function writeVariants(golds: GoldEdition[], out: string, count: number, overrides: Partial<Layout> = {}): Variant[] {
  mkdirSync(join(out, 'seeds'), { recursive: true });
  mkdirSync(join(out, 'gold'), { recursive: true });
  const variants = Array.from({ length: count }, (_, i) => renderVariant(golds, i + 1, overrides));
  for (const v of variants) {
    writeFileSync(join(out, 'seeds', `${v.name}.txt`), v.text);
    writeFileSync(join(out, 'gold', `${v.name}.json`), `${JSON.stringify(v.expected, null, 2)}\n`);
  }
  return variants;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { gold: { type: 'string', default: '../shared/gold' }, out: { type: 'string' }, count: { type: 'string', default: '48' }, layout: { type: 'string', default: '{}' } },
  });
  if (!values.out) throw new Error('usage: render.ts --gold DIR --out DIR [--count N] [--layout \'{"index":false}\']');
  const variants = writeVariants(readGolds(values.gold), values.out, Number(values.count), JSON.parse(values.layout) as Partial<Layout>);
  for (const v of variants) console.log(v.name, JSON.stringify(v.layout), v.expected.articles.length, 'articles');
}
