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
}
