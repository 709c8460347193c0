// Lays placed articles into one printed page in one of four layout families, and records at the same
// time what a careful reader takes from it (gold articles and furniture). The HTML uses only what both
// engines print (Chromium and WeasyPrint 57, which has no CSS grid): tables with colspan for the
// broadsheet grid, `column-count` for bodies, `column-span: all` for a headline over flowing columns.
import { seededRandom, type Random } from '../../bench/random.ts';
import type { Family, Furniture, GoldArticle, Issue, LaidPage, PageSpec, Placed } from './model.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const LUNAR_DAYS = ['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十'];
const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

/** 农历 date as printed after the word 农历 (甲辰年六月十九), from ICU's Chinese calendar. */
export function lunarDate(iso: string): string {
  const parts = lunarFormat.formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('yearName')}年${get('month')}${LUNAR_DAYS[Number(get('day')) - 1]}`;
}
export const weekday = (iso: string): string => WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()]!;
export const printedDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const pad2 = (n: number) => String(n).padStart(2, '0');

const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** Collects furniture as it is printed, so gold and HTML come from one call. */
class Sheet {
  furniture: Furniture[] = [];
  articles: GoldArticle[] = [];
  readonly page: number;
  constructor(page: number) {
    this.page = page;
  }
  furnish(kind: Furniture['kind'], text: string, tag = 'div', cls = ''): string {
    this.furniture.push({ kind, text });
    return `<${tag}${cls ? ` class="${cls}"` : ''}>${escape(text)}</${tag}>`;
  }
}

interface Markers {
  to: (page: number) => string;
  from: (page: number) => string;
}
const MARKERS: Markers[] = [
  { to: (n) => `（下转第${n}版）`, from: (n) => `（上接第${n}版）` },
  { to: (n) => `（下转${n}版）`, from: (n) => `（上接${n}版）` },
  { to: (n) => `(下转第${n}版)`, from: (n) => `(上接第${n}版)` },
];

/** The gold reading of the part of an article a page prints, and the paragraphs as printed. */
function readingOf(p: Placed, page: number, headPage: number, markers: Markers, bylineMark: string | null = null): { gold: GoldArticle; printed: { text: string; subhead: boolean }[] } {
  const a = p.article;
  // Another byline mark (□, ●) or none, where the style says so: ■ 本报记者 … → 本报记者 ….
  const byline = a.byline && bylineMark !== null ? a.byline.replace(/^■\s*/u, bylineMark ? `${bylineMark} ` : '') : a.byline;
  let paras = a.paragraphs.map((text) => ({ text: text.replace(/^§/u, ''), subhead: text.startsWith('§') }));
  let continuedTo: number | null = null;
  let title = a.title;
  if (p.part === 'head') {
    paras = paras.slice(0, a.jump_after);
    const last = paras.at(-1)!;
    continuedTo = a.continued_to!;
    paras[paras.length - 1] = { ...last, text: `${last.text}${markers.to(continuedTo)}` };
  } else if (p.part === 'tail') {
    paras = paras.slice(a.jump_after);
    paras[0] = { ...paras[0]!, text: `${markers.from(headPage)}${paras[0]!.text}` };
    title = a.jump_title ?? a.title;
  }
  const tail = p.part === 'tail';
  return {
    gold: {
      page,
      kind: a.kind,
      kicker: tail ? null : a.kicker,
      title,
      subtitles: tail ? [] : a.subtitles,
      byline: tail ? null : byline,
      paragraphs: paras.map((x) => x.text),
      continued_to: continuedTo,
    },
    printed: paras,
  };
}

interface Context {
  rng: Random;
  sheet: Sheet;
  markers: Markers;
  /** Page 1 of the issue, where heads of jumps run. */
  headPage: number;
  style: Style;
  /** Draws of the varied style (train split) that the page's own stream must not see; null for the default style. */
  vary: Random | null;
}

/** One article's HTML, body set in `cols` columns; records its gold. */
function articleHtml(p: Placed, ctx: Context, cols: number, size: 'lead' | 'normal' = 'normal'): string {
  const { gold, printed } = readingOf(p, ctx.sheet.page, ctx.headPage, ctx.markers, ctx.style.bylineMark);
  ctx.sheet.articles.push(gold);
  if (gold.kind === 'photo') return photoHtml(gold, ctx, 40 + ctx.rng.int(0, 30));
  const heads = [
    gold.kicker ? `<div class="kicker">${escape(gold.kicker)}</div>` : '',
    gold.title ? `<h2 class="title ${size}">${escape(gold.title)}</h2>` : '',
    ...gold.subtitles.map((s) => `<div class="subtitle">${escape(s)}</div>`),
    gold.byline ? `<div class="byline">${escape(gold.byline)}</div>` : '',
  ].join('');
  const body = printed.map((x) => `<p${x.subhead ? ' class="subhead"' : ''}>${escape(x.text)}</p>`).join('');
  return `<article class="a k-${gold.kind}">${heads}<div class="body" style="column-count:${cols}">${body}</div></article>`;
}

/** A photo: a grey placeholder box (an inline SVG or a filled block) and its caption with the credit. */
function photoHtml(gold: GoldArticle, ctx: Context, heightMm: number): string {
  const box = ctx.rng.next() < 0.5
    ? `<svg class="ph" viewBox="0 0 400 ${heightMm * 5}" preserveAspectRatio="none" style="height:${heightMm}mm"><rect width="400" height="${heightMm * 5}" fill="#bbb"/><circle cx="300" cy="${heightMm * 1.5}" r="${heightMm * 0.8}" fill="#999"/><path d="M0 ${heightMm * 5} L140 ${heightMm * 2} L260 ${heightMm * 4} L400 ${heightMm * 2.5} L400 ${heightMm * 5} Z" fill="#888"/></svg>`
    : `<div class="ph" style="height:${heightMm}mm"></div>`;
  const title = gold.title ? `<div class="caption-title">${escape(gold.title)}</div>` : '';
  const caption = gold.paragraphs.map((t) => `<p>${escape(t)}</p>`).join('');
  return `<figure class="photo">${box}<figcaption>${title}${caption}</figcaption></figure>`;
}

/** A box of briefs (简讯) under a printed label; each brief's title bold on its own line or run in. */
function briefsHtml(briefs: Placed[], ctx: Context): string {
  const label = ctx.rng.pick(['简讯', '本地简讯', '新闻速览', '快讯']);
  const runIn = ctx.rng.next() < 0.4;
  const items = briefs.map((p) => {
    const { gold } = readingOf(p, ctx.sheet.page, ctx.headPage, ctx.markers, ctx.style.bylineMark);
    ctx.sheet.articles.push(gold);
    const title = gold.title ? escape(gold.title) : '';
    const text = gold.paragraphs.map(escape);
    if (runIn && title) return `<div class="brief"><p><b>${title}</b>　${text.join('</p><p>')}</p></div>`;
    return `<div class="brief">${title ? `<h3>${title}</h3>` : ''}<p>${text.join('</p><p>')}</p></div>`;
  });
  return `<section class="briefs">${ctx.sheet.furnish('section', label, 'div', 'box-label')}${items.join('')}</section>`;
}

/** Masthead of page 1 (paper name, date, 农历, 第N期, 今日N版), in one of a few arrangements. */
function mastheadHtml(issue: Issue, ctx: Context, withIndex: string): string {
  const s = ctx.sheet;
  const date = `${printedDate(issue.date)} ${weekday(issue.date)}`;
  const lunar = `农历${lunarDate(issue.date)}`;
  const count = `今日${issue.total_pages}版`;
  const name = s.furnish('masthead', issue.paper, 'div', 'paper');
  const motto = issue.motto ? s.furnish('masthead', issue.motto, 'div', 'motto') : '';
  let meta: string;
  switch (ctx.rng.int(0, 2)) {
    case 0: // one line
      meta = s.furnish('masthead', `${date} ${lunar} ${issue.number} ${count}`, 'div', 'meta');
      break;
    case 1: // stacked lines
      meta = [date, lunar, `${issue.number} ${count}`].map((t) => s.furnish('masthead', t, 'div', 'meta')).join('');
      break;
    default: // date line, then number with a registration line
      meta = s.furnish('masthead', `${date} ${lunar}`, 'div', 'meta') + s.furnish('masthead', `${issue.number} 今日${issue.total_pages}版 第01版：${issue.pages[0]!.section}`, 'div', 'meta');
  }
  const head = `<div class="mast-name">${name}${motto}</div><div class="mast-meta">${meta}</div>`;
  return `<header class="masthead"><table><tr><td class="mast-left">${head}</td>${withIndex ? `<td class="mast-index">${withIndex}</td>` : ''}</tr></table></header>`;
}

/** Header of an inner page: 第03版：经济, paper name and date, as one line or spread out. */
function pageHeaderHtml(issue: Issue, spec: PageSpec, ctx: Context): string {
  const s = ctx.sheet;
  const page = `第${pad2(spec.number)}版：${spec.section}`;
  const date = `${printedDate(issue.date)} ${weekday(issue.date)}`;
  if (ctx.rng.next() < 0.5) return `<header class="page-head">${s.furnish('masthead', `${issue.paper} ${date} ${page}`, 'div', 'head-line')}</header>`;
  const cells = [s.furnish('section', page, 'td'), s.furnish('masthead', issue.paper, 'td'), s.furnish('masthead', date, 'td')];
  if (ctx.rng.next() < 0.5) cells.reverse();
  return `<header class="page-head"><table><tr>${cells.join('')}</tr></table></header>`;
}

const EDITORS = ['林小舟', '夏知行', '包若水', '闵春生', '宁可馨', '詹望舒', '尤一苇', '左清扬'];
function footerHtml(ctx: Context): string {
  if (ctx.rng.next() < 0.3) return '';
  const [a, b, c] = [ctx.rng.pick(EDITORS), ctx.rng.pick(EDITORS), ctx.rng.pick(EDITORS)];
  const text = ctx.rng.next() < 0.5 ? `责任编辑：${a} 版式：${b} 校对：${c}` : `本版编辑 ${a}　美编 ${b}`;
  return `<footer>${ctx.sheet.furnish('footer', text, 'div')}</footer>`;
}

export interface IndexEntry {
  title: string;
  page: number;
}
/** 导读 (index) box: other pages' headlines with their page numbers. */
function indexHtml(entries: IndexEntry[], ctx: Context): string {
  if (!entries.length) return '';
  const style = ctx.rng.int(0, 2);
  const rows = entries.map((e) => {
    const text = style === 0 ? `${e.title} ${e.page}版` : style === 1 ? `${e.title}……第${pad2(e.page)}版` : `▶${e.title}（${e.page}版）`;
    return ctx.sheet.furnish('index', text, 'li');
  });
  return `<div class="index">${ctx.sheet.furnish('index', ctx.rng.pick(['导读', '今日导读', '本期导读']), 'div', 'box-label')}<ul>${rows.join('')}</ul></div>`;
}

/**
 * Page-making choices a paper's designer makes: type sizes, leading, gaps, margins, grid and column
 * counts, box rules, byline marks. `DEFAULT_STYLE` is what the dev and sealed splits were laid with
 * (their pages stay the same on regeneration); `variedStyle` draws one per page for the train split, from
 * ranges seen on ordinary Chinese newspapers (body 8.5–10 pt, headlines 13–30 pt, 3–7 columns), from its
 * own random stream so the page's other choices (spans, order, masthead form) are drawn as before.
 */
export interface Style {
  bodyPt: number;
  leading: number;
  leadPt: number;
  titlePt: number;
  kickerPt: number;
  subtitlePt: number;
  briefTitlePt: number;
  gapMm: number;
  marginMm: number;
  /** Broadsheet grid columns (the lead spans four, or all but one on a five-column grid). */
  gridColumns: number;
  /** Columns of the flowing (columns family) page: a range drawn per page. */
  flowColumns: [number, number];
  /** Tabloid: columns of the lead's body, of the main column's bodies, and the main column's share. */
  tabloidLeadColumns: number;
  tabloidMainColumns: number;
  tabloidMainPercent: number;
  /** Page size, mm (width; height before growing to fit), per family group. */
  wideSize: [number, number];
  tabloidSize: [number, number];
  /** Box frame: a rule all round, rules above and below only, or a tinted ground. */
  box: 'frame' | 'rules' | 'tint';
  labelRule: boolean;
  headAlign: 'left' | 'center';
  /** The mark before a byline (■ as written in the articles, or another, or none). */
  bylineMark: string | null;
  columnRule: boolean;
}

export const DEFAULT_STYLE: Style = {
  bodyPt: 9, leading: 1.55, leadPt: 24, titlePt: 15, kickerPt: 11, subtitlePt: 11, briefTitlePt: 10.5, gapMm: 4, marginMm: 10,
  gridColumns: 6, flowColumns: [4, 5], tabloidLeadColumns: 3, tabloidMainColumns: 2, tabloidMainPercent: 64,
  wideSize: [300, 420], tabloidSize: [260, 370], box: 'frame', labelRule: true, headAlign: 'left', bylineMark: null, columnRule: true,
};

export function variedStyle(seed: number): Style {
  const r = seededRandom(seed ^ 0x5f3759df);
  const between = (lo: number, hi: number, step = 0.5) => lo + step * r.int(0, Math.round((hi - lo) / step));
  const bodyPt = between(8.5, 10);
  const flowLow = r.int(3, 5);
  const wide = r.int(270, 330);
  const tabloid = r.int(230, 280);
  return {
    bodyPt,
    leading: between(1.4, 1.75, 0.05),
    leadPt: between(19, 30, 1),
    titlePt: between(13, 18),
    kickerPt: between(9.5, 12),
    subtitlePt: between(10, 12.5),
    briefTitlePt: between(bodyPt + 0.5, bodyPt + 2.5),
    gapMm: between(3, 6),
    marginMm: between(8, 14, 1),
    gridColumns: r.int(5, 7),
    flowColumns: [flowLow, flowLow + r.int(0, 1)],
    tabloidLeadColumns: r.int(2, 4),
    tabloidMainColumns: r.int(1, 3),
    tabloidMainPercent: r.int(55, 70),
    wideSize: [wide, Math.round(wide * 1.4)],
    tabloidSize: [tabloid, Math.round(tabloid * 1.42)],
    box: r.pick(['frame', 'rules', 'tint'] as const),
    labelRule: r.next() < 0.6,
    headAlign: r.next() < 0.3 ? 'center' : 'left',
    bylineMark: r.pick([null, '', '□', '●', '◆']),
    columnRule: r.next() < 0.6,
  };
}

/** The style's CSS over CSS_BASE (nothing for the default style, whose values CSS_BASE holds). */
function styleCss(s: Style): string {
  if (s === DEFAULT_STYLE) return '';
  const box = s.box === 'frame' ? 'border: 0.8pt solid #333;' : s.box === 'rules' ? 'border: none; border-top: 1.5pt solid #333; border-bottom: 0.8pt solid #333;' : 'border: none; background: #e8e8e8;';
  return `
@page { margin: ${s.marginMm}mm; }
html { font-size: ${s.bodyPt}pt; line-height: ${s.leading}; }
h2.lead { font-size: ${s.leadPt}pt; } h2.normal { font-size: ${s.titlePt}pt; }
h2, .kicker, .subtitle { text-align: ${s.headAlign}; }
h3 { font-size: ${s.briefTitlePt}pt; }
.kicker { font-size: ${s.kickerPt}pt; }
.subtitle { font-size: ${s.subtitlePt}pt; }
.body, .flow { column-gap: ${s.gapMm}mm; column-rule: ${s.columnRule ? '0.3pt solid #999' : 'none'}; }
.briefs, .index { ${box} }
.box-label { border-bottom: ${s.labelRule ? '0.6pt solid #333' : 'none'}; }
table.grid td { padding: 0 ${s.gapMm / 2}mm; border-left: ${s.columnRule ? '0.3pt solid #999' : 'none'}; }
`;
}

// No synthetic bold (`font-synthesis: none`, bold text in the bold faces): Chromium draws synthesised
// bold glyphs as Type3 fonts, which doubles a PDF's size.
const CSS_BASE = `
@page { size: var(--w) var(--h); margin: 10mm; }
html { font-family: "CorpusSerif"; font-size: 9pt; line-height: 1.55; color: #111; font-synthesis: none; }
b { font-family: "CorpusSerifBold"; }
body { margin: 0; }
h2, h3, .kicker, .paper, .box-label, .subhead, .caption-title { font-family: "CorpusSans"; font-weight: bold; }
h2 { margin: 1mm 0 1.5mm; line-height: 1.25; }
h2.lead { font-size: 24pt; } h2.normal { font-size: 15pt; }
h3 { font-size: 10.5pt; margin: 1mm 0 0.5mm; }
.kicker { font-size: 11pt; margin-top: 1mm; }
.subtitle { font-size: 11pt; margin-bottom: 1mm; font-family: "CorpusSerifBold"; font-weight: bold; }
.byline { font-size: 9pt; margin: 0.5mm 0 1mm; font-family: "CorpusSerifBold"; font-weight: bold; }
.body p, .brief p, figcaption p { margin: 0; text-indent: 2em; text-align: justify; }
.body p.subhead { text-indent: 0; margin: 1mm 0; font-size: 10pt; }
.body { column-gap: 4mm; column-rule: 0.3pt solid #999; }
.a { margin-bottom: 3mm; }
.photo { margin: 0 0 3mm; }
.ph { display: block; width: 100%; background: #bbb; }
figcaption { font-size: 8.5pt; margin-top: 1mm; }
figcaption p { text-indent: 0; }
.briefs { border: 0.8pt solid #333; padding: 2mm; margin-bottom: 3mm; }
.box-label { font-size: 12pt; border-bottom: 0.6pt solid #333; margin-bottom: 1mm; }
.masthead { border-bottom: 2pt solid #000; margin-bottom: 3mm; }
.masthead table, .page-head table { width: 100%; border-collapse: collapse; }
.masthead td { vertical-align: bottom; }
.paper { font-size: 44pt; line-height: 1.1; letter-spacing: 2mm; }
.motto { font-size: 10pt; }
.mast-meta .meta { font-size: 9.5pt; }
.mast-index { width: 38%; }
.index { border: 0.8pt solid #333; padding: 1.5mm 2mm; }
.index ul { margin: 0; padding: 0; list-style: none; }
.index li { font-size: 9pt; }
.page-head { border-bottom: 1pt solid #000; margin-bottom: 3mm; font-size: 10pt; }
.page-head td:last-child { text-align: right; }
footer { border-top: 0.6pt solid #333; margin-top: 2mm; font-size: 8pt; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid td { vertical-align: top; padding: 0 2mm; border-left: 0.3pt solid #999; }
table.grid td:first-child { border-left: none; }
.flow { column-gap: 4mm; column-rule: 0.3pt solid #999; }
.flow h2 { break-after: avoid; }
.flow .lead-head { column-span: all; }
`;

interface Laid {
  body: string;
  size: [number, number];
}

/** Broadsheet: a six-column grid (a table) whose cells span 2–4 columns; a lead across four. */
function broadsheet(items: Placed[], ctx: Context): Laid {
  const briefs = items.filter((p) => p.article.kind === 'brief');
  const rest = items.filter((p) => p.article.kind !== 'brief');
  type Cell = { html: () => string; span: number };
  const grid = ctx.style.gridColumns;
  const cells: Cell[] = rest.map((p, i) => {
    const long = p.article.paragraphs.join('').length > 500;
    const span = i === 0 ? Math.min(4, grid - 1) : p.article.kind === 'photo' ? ctx.rng.int(2, 3) : long ? ctx.rng.int(2, 3) : 2;
    // Varied style: a cell's body in as many columns as it spans, or one fewer.
    const cols = Math.max(1, span - (ctx.vary && ctx.vary.next() < 0.35 ? 1 : 0));
    return { span, html: () => articleHtml(p, ctx, cols, i === 0 ? 'lead' : 'normal') };
  });
  if (briefs.length) cells.splice(Math.min(cells.length, 1 + ctx.rng.int(0, 2)), 0, { span: 2, html: () => briefsHtml(briefs, ctx) });
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let used = 0;
  for (const cell of cells) {
    if (used + cell.span > grid) {
      row.at(-1)!.span += grid - used;
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(cell);
    used += cell.span;
  }
  if (row.length) {
    row.at(-1)!.span += grid - used;
    rows.push(row);
  }
  const html = rows.map((r) => `<tr>${r.map((c) => `<td colspan="${c.span}">${c.html()}</td>`).join('')}</tr>`).join('');
  return { body: `<table class="grid"><colgroup>${'<col>'.repeat(grid)}</colgroup>${html}</table>`, size: ctx.style.wideSize };
}

/** Tabloid: a lead across the page, then a main column beside a sidebar of boxed briefs and comment. */
function tabloid(items: Placed[], ctx: Context): Laid {
  const briefs = items.filter((p) => p.article.kind === 'brief');
  const comments = items.filter((p) => p.article.kind === 'commentary');
  const rest = items.filter((p) => p.article.kind !== 'brief' && p.article.kind !== 'commentary');
  const [lead, ...others] = rest;
  const leadHtml = lead ? articleHtml(lead, ctx, ctx.style.tabloidLeadColumns, 'lead') : '';
  const main = others.map((p) => articleHtml(p, ctx, ctx.style.tabloidMainColumns)).join('');
  const side = [
    briefs.length ? briefsHtml(briefs, ctx) : '',
    ...comments.map((p) => `<section class="briefs">${ctx.sheet.furnish('section', ctx.rng.pick(['评论', '短评', '今日观点', '街谈']), 'div', 'box-label')}${articleHtml(p, ctx, 1)}</section>`),
  ].join('');
  const leftSide = ctx.rng.next() < 0.5;
  const cells = [`<td style="width:${ctx.style.tabloidMainPercent}%">${main}</td>`, `<td>${side}</td>`];
  if (leftSide) cells.reverse();
  return { body: `${leadHtml}<table class="grid">${`<tr>${cells.join('')}</tr>`}</table>`, size: ctx.style.tabloidSize };
}

/** Flowing columns: every body runs through five CSS columns; the lead's headline spans them all. */
function columns(items: Placed[], ctx: Context): Laid {
  const briefs = items.filter((p) => p.article.kind === 'brief');
  const rest = items.filter((p) => p.article.kind !== 'brief');
  const parts = rest.map((p, i) => {
    if (i > 0) return articleHtml(p, ctx, 1);
    // The lead: headline block over all columns, body in the flow.
    const html = articleHtml(p, ctx, 1, 'lead');
    return html.replace(/^<article class="([^"]+)">(.*?)<div class="body"/su, '<article class="$1"><div class="lead-head">$2</div><div class="body"');
  });
  if (briefs.length) parts.push(briefsHtml(briefs, ctx));
  return { body: `<div class="flow" style="column-count:${ctx.rng.int(...ctx.style.flowColumns)}">${parts.join('')}</div>`, size: ctx.style.wideSize };
}

/** Photo page: photos two by two with captions and credits, then the page's text in four columns. */
function photoPage(items: Placed[], ctx: Context): Laid {
  const photos = items.filter((p) => p.article.kind === 'photo');
  const rest = items.filter((p) => p.article.kind !== 'photo');
  const rows: string[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2).map((p) => {
      const { gold } = readingOf(p, ctx.sheet.page, ctx.headPage, ctx.markers, ctx.style.bylineMark);
      ctx.sheet.articles.push(gold);
      return `<td${photos.length - i === 1 ? ' colspan="2"' : ''}>${photoHtml(gold, ctx, 60 + ctx.rng.int(0, 40))}</td>`;
    });
    rows.push(`<tr>${pair.join('')}</tr>`);
  }
  const text = rest.map((p) => articleHtml(p, ctx, 4)).join('');
  return { body: `<table class="grid"><colgroup><col><col></colgroup>${rows.join('')}</table>${text}`, size: ctx.style.wideSize };
}

const FAMILIES: Record<Family, (items: Placed[], ctx: Context) => Laid> = { broadsheet, tabloid, columns, photo: photoPage };

export interface FontFiles {
  serif: string;
  serifBold: string;
  sans: string;
}

/** Lays one page; `heightExtra` (mm) grows the sheet when a first try ran onto a second page. */
export function layPage(issue: Issue, spec: PageSpec, items: Placed[], index: IndexEntry[], fonts: FontFiles, seed: number, heightExtra = 0, style: Style = DEFAULT_STYLE): LaidPage {
  const rng = seededRandom(seed);
  const sheet = new Sheet(spec.number);
  const vary = style === DEFAULT_STYLE ? null : seededRandom(seed ^ 0x2545f491);
  const ctx: Context = { rng, sheet, markers: rng.pick(MARKERS), headPage: issue.pages[0]!.number, style, vary };
  const top = spec.number === issue.pages[0]!.number
    ? mastheadHtml(issue, ctx, index.length && (spec.family === 'tabloid' || rng.next() < 0.5) ? indexHtml(index, ctx) : '')
    : pageHeaderHtml(issue, spec, ctx);
  const laid = FAMILIES[spec.family](items, ctx);
  const foot = footerHtml(ctx);
  const [w, h] = laid.size;
  const css = `@font-face { font-family: "CorpusSerif"; src: url("${fonts.serif}"); }
@font-face { font-family: "CorpusSerifBold"; src: url("${fonts.serifBold}"); font-weight: bold; }
@font-face { font-family: "CorpusSans"; src: url("${fonts.sans}"); font-weight: bold; }
${CSS_BASE.replace('var(--w) var(--h)', `${w}mm ${h + heightExtra}mm`)}${styleCss(style)}`;
  const html = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(issue.paper)}</title><style>${css}</style></head><body>${top}${laid.body}${foot}</body></html>\n`;
  const first = spec.number === issue.pages[0]!.number;
  return {
    issue,
    spec,
    html,
    articles: sheet.articles,
    furniture: sheet.furniture,
    meta: {
      date: issue.date,
      date_source: 'masthead',
      number: first ? issue.number : null,
      total_pages: first ? issue.total_pages : null,
      lunar_date: first ? lunarDate(issue.date) : null,
      weekday: weekday(issue.date),
    },
  };
}

