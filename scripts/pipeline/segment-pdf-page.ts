// Stage: segment PDF page. One PDF page's lines in reading order (layout-lines.ts) → its articles and
// furniture, from what the type says: a headline is set larger than the body; in a headline group the
// largest line is the title (主题), a line above it the kicker (引题), lines below it subtitles (副题);
// the byline is the line under a headline set in another face or size than the body; paragraphs start
// where a line is indented, follows a short line that ends a sentence, or stands after a wider gap.
//
// Integration point: the line labeller of the extraction issue (line-features.ts, when it lands) can take
// each LaidLine's size, weight, indentation and gap as features; this stage is the geometry-only labeller
// for PDF pages until then, with the same output as extract-articles.ts.
import { boxLabelLine, bylineStart, dashSubtitle, datelineStart, shotCredit } from '../data/article-lines.ts';
import { furniturePatterns } from '../data/furniture.ts';
import { endsSentence } from './classify-lines.ts';
import { kindOf, type ExtractResult } from './extract-articles.ts';
import { findContinuations } from './find-continuations.ts';
import type { ExtractedArticle, Furniture, LaidLine, PageBox } from './types.ts';

/**
 * A line is a headline when set at least this many times the body's type size. Body type is 9–11 pt,
 * headlines 14 pt and up, kickers and subtitles 11–14 pt: 1.12 sits between body and the smallest
 * kicker (10.5 → 12 pt is 1.14).
 */
const HEADLINE_RATIO = 1.12;
/** Sizes within this share of each other are one size (rounding in the PDF's text matrices). */
const SAME_SIZE = 0.04;
/** A paragraph's first line is indented by 2 em in print; 0.8 em of the line's type tells it from noise. */
const INDENT_EM = 0.8;
/** A paragraph's indent is 2 em; a line further left than this over the body is no edge of its column. */
const MAX_INDENT_EM = 3;
/** A line ending this many ems short of its column's right edge ends its paragraph (when a sentence ends). */
const SHORT_LINE_EM = 1.5;
/** A gap above a line this many ems wider than its column's usual line gap starts a paragraph. */
const PARAGRAPH_GAP_EM = 0.5;

interface Draft {
  headline: LaidLine[];
  byline: LaidLine | null;
  body: LaidLine[];
  /** A photo caption: lines set smaller than the body, standing apart from the article around them. */
  caption?: true;
}

/** A caption's first line stands within this many ems of its type under its picture, inside the picture's width. */
const CAPTION_BELOW_EM = 1.5;

/** The line starts right under a picture, within its width. */
function underPicture(line: LaidLine, pictures: readonly PageBox[]): boolean {
  return pictures.some((p) => {
    if (p.height < PICTURE_EM * line.size || p.width < PICTURE_EM * line.size) return false;
    const below = line.box.y - (p.y + p.height);
    return below >= -1 && below <= CAPTION_BELOW_EM * line.size && line.box.x >= p.x - EDGE && line.box.x + line.box.width <= p.x + p.width + EDGE;
  });
}
const EDGE = 2;
/** A picture that takes a caption is at least this many ems of the caption's type high and wide (a photo is 20 mm and up; a rule or a tinted strip is thinner). */
const PICTURE_EM = 5;

/**
 * The line goes on a caption begun under a picture: in its column, close under its last line, in its
 * type, and the caption not ended yet (by a credit, 本报记者 米乐 摄, or a sentence ending a short line,
 * unless the credit stands on the next line).
 */
function continuesCaption(caption: Draft | null, line: LaidLine, columns: Map<number, ColumnMeasure>): boolean {
  const last = caption && [...caption.headline, ...caption.body].at(-1);
  if (!caption || !last || last.column !== line.column || line.gapAbove === null || line.gapAbove > CAPTION_GAP_EM * line.size || !sameSize(last.size, line.size)) return false;
  if (shotCredit.test(last.text)) return false;
  const right = columns.get(last.column)?.right ?? last.box.x + last.box.width;
  const short = last.box.x + last.box.width <= right - SHORT_LINE_EM * last.size;
  return !(short && endsSentence(last.text)) || shotCredit.test(line.text);
}

/** Type this much smaller than the body's is a caption's (8.5 pt under 9 pt body type). */
const CAPTION_RATIO = 0.97;
/** White between two lines of one caption is under this many ems (line spacing 1.3–1.8 leaves 0.3–0.8 em). */
const CAPTION_GAP_EM = 1;

/**
 * `boxes` are the shapes the page draws (read-pdf.ts graphics: a box's frame or tint, a photo): a label
 * word in headline type names a box when it stands at the top of one; outside any box, right over a
 * larger headline, it is that headline's kicker (一线观察 over its title).
 */
export function segmentPdfPage(lines: LaidLine[], skip: ReadonlySet<LaidLine>, page: number, boxes: readonly PageBox[] = []): ExtractResult {
  const text = lines.filter((l) => !skip.has(l) && l.text);
  const body = bodyType(text);
  const isHeadline = (l: LaidLine) => l.size >= HEADLINE_RATIO * body.size;
  const columns = columnMeasures(text, body.size);
  // Pictures: drawn shapes no line of the page overlaps (a box's frame or tint, a masthead's band, has its text inside).
  const pictures = boxes.filter((b) => !lines.some((l) => l.box.x < b.x + b.width && b.x < l.box.x + l.box.width && l.box.y < b.y + b.height && b.y < l.box.y + l.box.height));
  const furniture: Furniture[] = [];
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let caption: Draft | null = null;
  for (const [i, line] of text.entries()) {
    let kind = furnitureKind(line.text) ?? (isHeadline(line) && boxLabelLine.test(line.text.replace(/\s+/gu, '')) ? 'section' : null);
    if (kind === 'section' && isHeadline(line) && isKicker(line, text[i + 1], boxes)) kind = null;
    const afterHeadline = current && !current.body.length && !current.byline && current.headline.length;
    // A caption: type smaller than the body's, or (captions set in the body's size) the lines right under
    // a picture, going on until the credit (…摄) or the end of its sentence.
    const isCaption = !kind && !afterHeadline && (line.size < CAPTION_RATIO * body.size || (!isHeadline(line) && (underPicture(line, pictures) || continuesCaption(caption, line, columns))));
    if (!isCaption) caption = null;
    if (kind) {
      furniture.push({ kind, text: line.text, position: line.position });
      // A box's label ends the article before the box.
      if (kind === 'section') current = null;
    } else if (line.runIn && !body.bold && (!current || current.body.length) && isIndented(line, columns)) {
      // A run-in title opens a short item: the bold words are its title, the rest its first line (in the body's face).
      drafts.push((current = { headline: [{ ...line, text: line.runIn.title }], byline: null, body: [{ ...line, text: line.runIn.rest, runIn: null, font: body.font, bold: body.bold }] }));
    } else if (!body.bold && (!current || current.body.length) && isOwnLineRunIn(line, body, columns)) {
      // A run-in title that filled its line: its item's text goes on on the next line.
      drafts.push((current = { headline: [line], byline: null, body: [] }));
    } else if (!body.bold && (!current || current.body.length) && !isHeadline(line) && isTitleOverDateline(line, text[i + 1], body)) {
      // A brief's title set bold at about the body's size (10.5 pt over 10 pt), its report opening under it.
      drafts.push((current = { headline: [line], byline: null, body: [] }));
    } else if (current?.body.length && !current.caption && isDateline(line) && isIndented(line, columns) && hasDateline(current.body)) {
      // A second dateline opens a report of its own (an untitled brief after another in a 简讯 box).
      drafts.push((current = { headline: [], byline: null, body: [line] }));
    } else if (isCaption) {
      // A caption stands apart: the article around it goes on after it. Another photo's caption starts
      // in another column or under white wider than a line's (the photo between them).
      const last = caption && [...caption.headline, ...caption.body].at(-1);
      if (!caption || !last || last.column !== line.column || line.gapAbove === null || line.gapAbove > CAPTION_GAP_EM * line.size)
        drafts.push((caption = { headline: [], byline: null, body: [], caption: true }));
      // Its first line set bold over regular lines is the photo's title (图片标题).
      const [first] = caption.body;
      if (first && caption.body.length === 1 && !caption.headline.length && first.bold && !line.bold && !endsSentence(first.text)) caption.headline.push(caption.body.pop()!);
      caption.body.push(line);
    } else if (current?.body.length && !current.caption && current.body.at(-1) === text[i - 1] && isSubhead(line, text[i + 1], body, isHeadline)) {
      // A 小标题 inside the story: it stays in the body, a paragraph of its own in the headline face.
      current.body.push(line);
    } else if (isHeadline(line)) {
      if (!current || current.body.length || current.byline) drafts.push((current = { headline: [], byline: null, body: [] }));
      current.headline.push(line);
    } else if (current && !current.body.length && !current.byline && current.headline.length && isByline(line, body)) {
      current.byline = line;
    } else {
      if (!current) drafts.push((current = { headline: [], byline: null, body: [] }));
      current.body.push(line);
    }
  }
  const articles: ExtractedArticle[] = [];
  for (const draft of drafts) {
    if (!draft.body.length) {
      // A headline (and byline) with no body on this page: kept as furniture, nothing lost.
      for (const l of [...draft.headline, ...(draft.byline ? [draft.byline] : [])]) furniture.push({ kind: 'other', text: l.text, position: l.position });
      continue;
    }
    const headline = readHeadline(draft.headline);
    const { paragraphs, subheads } = readParagraphs(draft.body, columns, body);
    const byline = draft.byline?.text ?? null;
    articles.push({
      page,
      kind: draft.caption ? 'photo' : kindOf({ ...headline, byline }, paragraphs),
      ...headline,
      byline,
      paragraphs,
      subheads,
      ...findContinuations(paragraphs),
      position: (draft.headline[0] ?? draft.byline ?? draft.body[0]!).position,
      boxes: regions([...draft.headline, ...(draft.byline ? [draft.byline] : []), ...draft.body]),
    });
  }
  furniture.sort((a, b) => a.position.line - b.position.line);
  return { articles, furniture, diagnostics: [] };
}

/**
 * A run-in title on a line of its own: a paragraph's first line (indented) set all in bold at body size
 * while the body is regular, no sentence and no byline — the title filled the line, its item goes on
 * under it (a brief in a 简讯 box). A 小标题 is set flush, in the headline face.
 */
function isOwnLineRunIn(line: LaidLine, body: { size: number; font: string }, columns: Map<number, ColumnMeasure>): boolean {
  return line.bold && line.font !== body.font && sameSize(line.size, body.size) && isIndented(line, columns) && !line.runIn && !endsSentence(line.text) && !/[，。；：！？,;:!?]/u.test(line.text) && !isDateline(line) && !bylineStart.test(line.text);
}

/**
 * Type under this many times the body's, in headline type inside a story, is a 小标题 (subhead): 10 pt over
 * 8.5–9 pt body is 1.11–1.18; a story's title is 13 pt and up over 9–10 pt (1.3+).
 */
const SUBHEAD_RATIO = 1.25;

/**
 * A subhead (小标题): a bold line a little larger than the body, right after a line of a story's body and
 * followed by body type that opens no report (a brief's title is followed by its dateline).
 */
function isSubhead(line: LaidLine, next: LaidLine | undefined, body: { size: number }, isHeadline: (l: LaidLine) => boolean): boolean {
  return line.bold && line.size < SUBHEAD_RATIO * body.size && !line.runIn && next !== undefined && !isHeadline(next) && next.size >= CAPTION_RATIO * body.size && !isDateline(next) && !endsSentence(line.text);
}

/** A line opening with a dateline (本报讯 …), also where the line is set letter-spaced (本 报 讯 “ 耕 读 …). */
/** A title's white over its text is under this many ems of the title's type. */
const TITLE_GAP_EM = 1.5;

/** A line in another face than the body's, bold, no sentence, with a dateline opening the next line: a title. */
function isTitleOverDateline(line: LaidLine, next: LaidLine | undefined, body: { size: number; font: string }): boolean {
  // The dateline close under it in its column (a 小标题 ending a leg has the next story's report far under it).
  const under = next !== undefined && next.column === line.column && next.gapAbove !== null && next.gapAbove <= TITLE_GAP_EM * line.size;
  return line.bold && line.font !== body.font && line.size >= CAPTION_RATIO * body.size && !line.runIn && under && isDateline(next) && !isDateline(line) && !endsSentence(line.text) && !/[，。；！？,;!?]/u.test(line.text) && !bylineStart.test(line.text);
}

const isDateline = (line: LaidLine): boolean => {
  const squeezed = line.text.replace(/\s+/gu, '');
  return datelineStart.some((p) => p.test(line.text) || p.test(squeezed));
};
/** Whether a paragraph of these lines opens with a dateline. */
const hasDateline = (lines: LaidLine[]): boolean => lines.some(isDateline);

/** A line over a larger headline in its column, close above it, and at the top of no drawn box. */
function isKicker(line: LaidLine, next: LaidLine | undefined, boxes: readonly PageBox[]): boolean {
  if (!next || next.column !== line.column || next.size < line.size * HEADLINE_RATIO) return false;
  const gap = next.box.y - (line.box.y + line.box.height);
  if (gap < 0 || gap > KICKER_GAP_EM * line.size) return false;
  const inBox = (b: PageBox) =>
    b.x <= line.box.x + 1 && line.box.x + line.box.width <= b.x + b.width + 1 && b.y <= line.box.y + 1 && line.box.y + line.box.height <= b.y + b.height + 1 && line.box.y - b.y <= BOX_TOP_EM * line.size;
  return !boxes.some(inBox);
}
/** A kicker sits within this many ems of its type over its title (the white of a headline group). */
const KICKER_GAP_EM = 1.5;
/** A box's label is its first line: its top within this many ems of the box's top. */
const BOX_TOP_EM = 3;

/** The body type: the size (and face) most of the page's characters are set in. */
function bodyType(lines: LaidLine[]): { size: number; font: string; bold: boolean } {
  const count = (key: (l: LaidLine) => string, of: LaidLine[]) => {
    const n = new Map<string, number>();
    for (const l of of) n.set(key(l), (n.get(key(l)) ?? 0) + [...l.text].length);
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  };
  const size = Number(count((l) => l.size.toFixed(1), lines)) || 10;
  const font = count((l) => l.font, lines.filter((l) => sameSize(l.size, size)));
  return { size, font, bold: lines.find((l) => l.font === font)?.bold ?? false };
}

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);

/** The byline under a headline: set in another face or size than the body, or marked as one. */
function isByline(line: LaidLine, body: { size: number; font: string }): boolean {
  if (/^[—\-－]{1,2}/u.test(line.text)) return false; // ——… is a subtitle set small, not a byline
  const otherFace = line.font !== body.font || !sameSize(line.size, body.size);
  return otherFace || /^[■□●◆▲]|^(?:本报)?(?:记者|通讯员|特约记者|文\/图|文·图|图\/文)/u.test(line.text);
}

function furnitureKind(text: string): Furniture['kind'] | null {
  const squeezed = text.replace(/\s+/gu, ' ').trim();
  return furniturePatterns.find((f) => f.pattern.test(squeezed))?.kind ?? null;
}

/** A headline group: the largest type is the title; above it the kicker, below it the subtitles. */
function readHeadline(lines: LaidLine[]): Pick<ExtractedArticle, 'kicker' | 'title' | 'subtitles'> {
  if (!lines.length) return { kicker: null, title: null, subtitles: [] };
  const weight = (l: LaidLine) => l.size * (l.bold ? 1.05 : 1);
  const top = Math.max(...lines.map(weight));
  const first = lines.findIndex((l) => sameSize(weight(l), top));
  let last = first;
  while (last + 1 < lines.length && sameSize(weight(lines[last + 1]!), top)) last++;
  const join = (ls: LaidLine[]) => ls.reduce((text, l) => joinWrapped(text, l.text), '');
  const kicker = lines.slice(0, first);
  const subtitles: string[] = [];
  const widest = Math.max(...lines.map((l) => l.box.width));
  let previous: LaidLine | null = null;
  for (const l of lines.slice(last + 1)) {
    // A subtitle wrapped onto a second line: the first runs the group's full width and ends no sentence.
    // A dash opens a subtitle of its own (——来自基层一线的报道).
    const wrapped = previous && sameSize(previous.size, l.size) && previous.box.width >= 0.9 * widest && !endsSentence(previous.text) && !dashSubtitle.test(l.text);
    if (wrapped) subtitles[subtitles.length - 1] = joinWrapped(subtitles.at(-1)!, l.text);
    else subtitles.push(l.text);
    previous = l;
  }
  return { kicker: kicker.length ? join(kicker) : null, title: join(lines.slice(first, last + 1)), subtitles };
}

interface ColumnMeasure {
  left: number;
  right: number;
  /** The usual white space between two lines of body type in the column. */
  gap: number;
}

/** Each column's left and right edges and usual line gap, from its lines of body type. */
function columnMeasures(lines: LaidLine[], bodySize: number): Map<number, ColumnMeasure> {
  const byColumn = new Map<number, LaidLine[]>();
  for (const l of lines) if (sameSize(l.size, bodySize)) byColumn.set(l.column, [...(byColumn.get(l.column) ?? []), l]);
  const measures = new Map<number, ColumnMeasure>();
  for (const [column, ls] of byColumn) {
    const gaps = ls.map((l) => l.gapAbove).filter((g): g is number => g !== null && g >= 0).sort((a, b) => a - b);
    const bodyLeft = Math.min(...ls.map((l) => l.box.x));
    // Where every body line of a column is a paragraph's first (one-line briefs in a box), the column's
    // left is its label's or headline's: type as large as the body's standing up to MAX_INDENT_EM further left.
    const heads = lines.filter((l) => l.column === column && l.size > bodySize && bodyLeft - l.box.x >= INDENT_EM * bodySize && bodyLeft - l.box.x <= MAX_INDENT_EM * bodySize);
    measures.set(column, {
      left: Math.min(bodyLeft, ...heads.map((l) => l.box.x)),
      right: Math.max(...ls.map((l) => l.box.x + l.box.width)),
      gap: gaps[Math.floor(gaps.length / 2)] ?? 0,
    });
  }
  return measures;
}

/**
 * Body lines → paragraphs: a line starts one when indented, after a short line ending a sentence, or
 * after a wide gap. A paragraph set all in another face than the body's (bold) is a subhead (小标题).
 */
function readParagraphs(lines: LaidLine[], columns: Map<number, ColumnMeasure>, body: { font: string }): { paragraphs: string[]; subheads: number[] } {
  const paragraphs: string[] = [];
  const faces: boolean[] = [];
  let previous: LaidLine | null = null;
  for (const line of lines) {
    const otherFace = line.font !== body.font && line.bold;
    if (!previous || startsParagraph(line, previous, columns) || otherFace !== faces.at(-1)) {
      paragraphs.push(line.text);
      faces.push(otherFace);
    } else paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1)!, line.text);
    previous = line;
  }
  return { paragraphs, subheads: faces.flatMap((other, i) => (other ? [i] : [])) };
}

/** The line starts indented from its column's left edge (a paragraph's first line). */
function isIndented(line: LaidLine, columns: Map<number, ColumnMeasure>): boolean {
  const column = columns.get(line.column);
  return column !== undefined && line.box.x - column.left >= INDENT_EM * line.size;
}

function startsParagraph(line: LaidLine, previous: LaidLine, columns: Map<number, ColumnMeasure>): boolean {
  const column = columns.get(line.column);
  const em = line.size;
  if (!column || isIndented(line, columns)) return true;
  const before = columns.get(previous.column);
  if (before && previous.box.x + previous.box.width <= before.right - SHORT_LINE_EM * previous.size && endsSentence(previous.text)) return true;
  return previous.column === line.column && line.gapAbove !== null && line.gapAbove >= column.gap + PARAGRAPH_GAP_EM * em;
}

/** Two wrapped lines joined: no space between CJK text, one between two words of Latin script or digits. */
function joinWrapped(text: string, next: string): string {
  if (!text) return next;
  return /[A-Za-z0-9,.;:]$/u.test(text) && /^[A-Za-z0-9]/u.test(next) ? `${text} ${next}` : text + next;
}

/** The boxes an article covers: the union of its lines' boxes in each column, in reading order. */
function regions(lines: LaidLine[]): PageBox[] {
  const byColumn = new Map<number, PageBox>();
  for (const { column, box } of lines) {
    const b = byColumn.get(column);
    if (!b) {
      byColumn.set(column, { ...box });
      continue;
    }
    const right = Math.max(b.x + b.width, box.x + box.width);
    const bottom = Math.max(b.y + b.height, box.y + box.height);
    b.x = Math.min(b.x, box.x);
    b.y = Math.min(b.y, box.y);
    b.width = right - b.x;
    b.height = bottom - b.y;
  }
  return [...byColumn.values()];
}
