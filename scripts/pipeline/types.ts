// Types shared by the ingest stages. Each stage is a pure function from one of these to the next;
// scripts/build-content.ts composes them. Every line and article keeps its source position so that
// diagnostics and debugging can point at the seed.

/** A place in a seed file. `file` is relative to the seeds folder, with `/` separators. */
export interface SourcePosition {
  file: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column (in Unicode code points) of the first non-blank character. */
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the input: printed as `file:line:col  severity  message  rule-id`. */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  message: string;
  /** Stable kebab-case id, documented in the README (e.g. `decode/gb18030`, `identify/date-inferred`). */
  ruleId: string;
}

/** Where a piece of page metadata came from, strongest first (shared/DESIGN.md §1). */
export type MetaSource = 'manifest' | 'path' | 'masthead' | 'inferred';

/** A seed file read from disk and decoded to text (stage: decode). */
export interface DecodedSeed {
  /** Path relative to the seeds folder, `/`-separated (e.g. `jining-daily/2021-12-12/01.txt`). */
  file: string;
  text: string;
  /** `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`, … */
  encoding: string;
}

/** One physical line of a seed page (stage: split lines). */
export interface SourceLine {
  /** The line as printed, without its line end. */
  text: string;
  position: SourcePosition;
}

/**
 * A piece of a page printed at its place (pdftotext -layout, stage: cut layout page): text between runs
 * of two or more spaces, with the character cells it covers. The extractor gives every character one
 * cell, CJK or not, and pads with spaces so each piece starts at its horizontal position on the page.
 */
export interface CellRun {
  /** Its line's index among the page's lines: the row of the grid. */
  row: number;
  /** The first cell it covers and the cell after its last (code points from the line's start). */
  from: number;
  to: number;
  /** Where its text starts and ends in the line (code units). */
  start: number;
  end: number;
  /** The piece as printed. */
  text: string;
}

/** Publications and per-file overrides from `seeds/manifest.yaml` (stage: read manifest). */
export interface Manifest {
  /** slug → publication. */
  publications: Record<string, { name: string }>;
  /** seed path (relative to seeds/) → what the manifest says about it. */
  pages: Record<string, ManifestPage>;
}

export interface ManifestPage {
  publication?: string;
  date?: string;
  page?: number;
}

/** A furniture kind: printed text that belongs to no article. */
export type FurnitureKind = 'masthead' | 'index' | 'footer' | 'banner' | 'section' | 'other';

export interface Furniture {
  kind: FurnitureKind;
  text: string;
  position: SourcePosition;
}

export type ArticleKind = 'news' | 'feature' | 'commentary' | 'photo' | 'brief';

/** One article as read off a seed page, in the gold schema plus its source position. */
export interface ExtractedArticle {
  /** Page number the article is printed on. */
  page: number;
  kind: ArticleKind;
  /** 引题 kicker. */
  kicker: string | null;
  /** 主题 title; null only where the page prints none for this body. */
  title: string | null;
  /** 副题 subtitles. */
  subtitles: string[];
  /** Byline block that stands apart from the body, as printed. */
  byline: string | null;
  /** Body paragraphs in reading order, wrapped lines joined. */
  paragraphs: string[];
  /** Indices into `paragraphs` of the section heads (小标题, subheads) found inside the body. Not in the scoring JSON. */
  subheads: number[];
  /** 下转第N版 → N. */
  continued_to: number | null;
  /** 上接第N版 → N. */
  continued_from: number | null;
  /** Where the article's first line (headline or body) stands in the seed. */
  position: SourcePosition;
  /** Read from a PDF: the boxes its lines cover (one per column it runs in), in reading order. */
  boxes?: PageBox[];
}

/** What a seed page says about its paper and issue, with the source of each fact. */
export interface PageIdentity {
  publication: { name: string | null; slug: string | null; name_source: MetaSource | null };
  issue: {
    date: string | null;
    date_source: MetaSource | null;
    number: string | null;
    total_pages: number | null;
    lunar_date: string | null;
    weekday: string | null;
  };
  /** Page numbers this seed holds, with the page name (版名) where printed. */
  pages: { number: number; name: string | null }[];
}

/** One seed page fully read: the scoring JSON (`--json`) is this, minus positions. */
export interface Edition extends PageIdentity {
  seed: string;
  articles: ExtractedArticle[];
  furniture: Furniture[];
  /** Set when the seed is a PDF: which PDF page each printed page is. */
  pdf?: PdfSource;
}

/** What decode and extract made of one seed file (what the ingest cache keeps). */
export interface Extracted {
  /** Null when the file was not read as a seed page (its diagnostics say why). */
  edition: Edition | null;
  diagnostics: Diagnostic[];
}

// ---- PDF seeds (stages: read PDF → lay out lines → segment PDF page) ----

/** A rectangle on one page of a PDF, in PDF points (1/72 in) from the page's top-left corner. */
export interface PageBox {
  /** 1-based page of the PDF file. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of glyphs the PDF draws in one font at one place (stage: read PDF). */
export interface GlyphRun {
  /** The characters, radical code points already read as the ideographs they stand for. */
  text: string;
  /** From the top of the tallest glyph to below the baseline: size × (ascent + descent) of the em box. */
  box: PageBox;
  /** Type size in points (the em size, as the PDF scales the font). */
  size: number;
  /** The font's PostScript name without its subset tag (NotoSansCJKsc-Bold). */
  font: string;
  bold: boolean;
}

/** One page of a PDF file, as read (stage: read PDF). */
export interface PdfPage {
  /** 1-based page of the PDF file. */
  page: number;
  width: number;
  height: number;
  runs: GlyphRun[];
  /** Pictures the page draws (images, filled shapes): where no text is, but no white space either. */
  graphics: PageBox[];
}

/** A printed line of a PDF page in reading order (stage: lay out lines). */
export interface LaidLine extends SourceLine {
  box: PageBox;
  /** The line's type size: its characters' most common run size. */
  size: number;
  /** The font most of its characters are set in. */
  font: string;
  bold: boolean;
  /** The text column it stands in (0-based, in reading order: one per leaf of the page's cuts). */
  column: number;
  /** Vertical white space above it within its column, in points (null for a column's first line). */
  gapAbove: number | null;
  /** Its opening words set bold in a line of regular type: a run-in title (澜江市发布高温防暑提示 本报讯…). */
  runIn: { title: string; rest: string } | null;
}

/** Where a PDF page came from, for the page image (stage: segment PDF page). */
export interface PdfSource {
  /** The PDF's path relative to the seeds folder. */
  file: string;
  /** Printed page number → page of the PDF file and its size in points. */
  pages: { number: number; pdfPage: number; width: number; height: number }[];
}

// ─── Line labelling (line-features.ts → classify-lines.ts → segment-articles.ts → attach-headlines.ts) ───

/**
 * What a line is on its page (the labeller's output, decided by classify-lines.ts): a headline part
 * (引题 kicker, 主题 title, 副题 subtitle, byline), running text (body; a photo caption; an in-text
 * section head, 小标题), or furniture that belongs to no article.
 */
export type LineRole = 'kicker' | 'title' | 'subtitle' | 'byline' | 'body' | 'section' | 'caption' | 'furniture';

/** How a line ends (its last mark, behind any closing quotes or brackets). */
export type LineEnding =
  /** 。！？；… : a finished sentence. */
  | 'sentence'
  /** A bracket closing a note: （下转8版）, (融媒体 …). */
  | 'bracket'
  /** ，、：（“ : the sentence runs on into the next line. */
  | 'clause'
  /** A closing quote with no sentence mark before it (…“致富经”). */
  | 'quote'
  /** A letter, digit or ideograph: no mark at all. */
  | 'text';

/** Where a line stands in its block (lines between blank lines). */
export type BlockPosition = 'single' | 'first' | 'inner' | 'last';

/**
 * One content line of a page and everything measured about it (stage: describe lines). Immutable:
 * later stages read these and return new records. Pattern hits are hard facts from scripts/data tables.
 */
export interface LineFeatures {
  /** Index of the line in the page's line list. */
  readonly index: number;
  readonly source: SourceLine;
  /** The line trimmed, Markdown marks (`#`, `**`) taken off. */
  readonly text: string;
  /** Printed width in ems (CJK 1, ASCII ½; display width = 2 × this). */
  readonly width: number;
  /** Width against the page's column width (`PageLayout.wrapWidth`); 0 when the page has none. */
  readonly widthRatio: number;
  readonly ending: LineEnding;
  /** Ends a sentence (。！？；, a bracketed note) or a photo caption with its credit. */
  readonly endsSentence: boolean;
  /** Opens with a mark that never opens a line (”，。): the extractor broke the line before it. */
  readonly opensWithCloser: boolean;
  /** Opens with a character that seldom opens a sentence (的, 和, 于: data/threading.ts): it continues the line before. */
  readonly opensWithContinuation: boolean;
  /** Nothing but punctuation (a closing quote or comma left alone on a line). */
  readonly punctuationOnly: boolean;
  /** Commas (，,) in the line. */
  readonly commas: number;
  /** A full stop or semicolon inside the line (prose, not a headline). */
  readonly sentenceInside: boolean;
  /** A bracket or quotation left open. */
  readonly openBracket: boolean;
  /** A blank line (or a set-in line, a new text frame) stands before / after it. */
  readonly gapBefore: boolean;
  readonly gapAfter: boolean;
  readonly block: BlockPosition;
  /** Marked as a Markdown heading (`#`, `##`). */
  readonly marked: boolean;
  /** Pattern hits (scripts/data/article-lines.ts, furniture.ts). */
  readonly dateline: boolean;
  readonly byline: boolean;
  readonly closingCredit: boolean;
  /** Ends a photo caption with its credit (…使命。 ■ 张晶, … 蒋雨朵 摄). */
  readonly captionEnd: boolean;
  /** The paragraph this line stands in (its lines run on to a finished sentence) ends with a photo credit: a caption. */
  readonly creditedParagraph: boolean;
  readonly dashSubtitle: boolean;
  readonly speakerLine: boolean;
  readonly decorated: boolean;
  readonly paragraphOpener: boolean;
  /** A furniture pattern the line matches (hard fact), or null. */
  readonly furniture: FurnitureKind | null;
  /** Headline-writing cues the line shows (names of `headlineCues`): weighed by the labeller, never rules. */
  readonly cues: readonly string[];
}

/** What the page's lines measure as a whole. */
export interface PageLayout {
  /** Every line stands in its own blank-separated block (a blank after each line): paragraphs are lines. */
  spaced: boolean;
  /** The page prints no blank line between content lines at all (pdftotext -raw). */
  blankless: boolean;
  /** The usual width of a wrapped body line, in ems (0 when lines are not wrapped). */
  wrapWidth: number;
  /** On a spaced page, the width of a narrow column's lines that run on (0 when there is none). */
  narrowWidth: number;
}

/** A line with its role, and why the labeller chose it (the strongest contributing features). */
export interface ClassifiedLine extends LineFeatures {
  readonly role: LineRole;
  /** Top features behind the role, strongest first (`feature +weight`), for diagnostics. */
  readonly reasons: readonly string[];
}

/** Stage output of classify lines. */
export interface ClassifyResult {
  lines: ClassifiedLine[];
  layout: PageLayout;
}

/** An article before its headline is read: the headline lines and the body lines it belongs to (stage: segment articles). */
export interface ArticleDraft {
  /** Headline lines (kicker, title, subtitle, byline roles) in page order. */
  headline: ClassifiedLine[];
  /** Body lines in reading order; section lines among them are section heads. */
  body: ClassifiedLine[];
  /** Line indices that open a paragraph, when re-threading has decided them (thread-columns.ts). */
  paragraphStarts?: number[];
}

export interface SegmentResult {
  drafts: ArticleDraft[];
  furniture: { kind: FurnitureKind; line: ClassifiedLine }[];
  /** Headlines stand after their bodies on this page. */
  headlinesAfter: boolean;
}

/** An article's headline parts (stage: attach headlines). */
export interface Headline {
  kicker: string | null;
  title: string | null;
  subtitles: string[];
  byline: string | null;
}

/** One article as the gold schema writes it (../shared/gold/README.md): what `--json` emits per article. */
export interface GoldArticle {
  page: number;
  kind: ArticleKind;
  kicker: string | null;
  title: string | null;
  subtitles: string[];
  byline: string | null;
  paragraphs: string[];
  continued_to: number | null;
}

/** A gold edition (../shared/gold/README.md): the held-out renderer's, the corpus's and the labeller's training labels. */
export interface GoldEdition {
  seed: string;
  publication: { name: string; slug: string; name_source: MetaSource };
  issue: {
    date: string;
    date_source: MetaSource;
    number: string | null;
    total_pages: number | null;
    lunar_date: string | null;
    weekday: string | null;
  };
  pages: { number: number }[];
  articles: GoldArticle[];
  furniture: { kind: FurnitureKind; text: string }[];
}
