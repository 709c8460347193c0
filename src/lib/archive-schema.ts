// The shape of what `npm run ingest` writes under `<out>/archive/` and the site reads back as Astro
// content collections (src/content.config.ts). One schema serves the writer (scripts/pipeline/
// write-content.ts), the collections and the tests, so the pipeline and the site cannot drift apart.
import { z } from 'astro/zod';

const metaSource = z.enum(['manifest', 'path', 'masthead', 'inferred']);
const articleKind = z.enum(['news', 'feature', 'commentary', 'photo', 'brief']);
const furnitureKind = z.enum(['masthead', 'index', 'footer', 'banner', 'section', 'other']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sourceRef = z.object({ file: z.string(), line: z.number().int().positive() });

/** One article: `archive/articles/<paper>/<date>/<NN>/<k>.json`, its fields once (no Markdown body). */
export const articleSchema = z.object({
  /** Permanent id, also the URL path: `<paper>/<YYYY-MM-DD>/<NN>/<k>`. */
  id: z.string(),
  paper: z.string(),
  date: isoDate,
  page: z.number().int().positive(),
  /** Place on the page from 1 (reading order). */
  order: z.number().int().positive(),
  kind: articleKind,
  kicker: z.string().nullable(),
  title: z.string().nullable(),
  subtitles: z.array(z.string()),
  byline: z.string().nullable(),
  /** Plain-text paragraphs, exactly as extracted; the site renders them as text, never as markup. */
  paragraphs: z.array(z.string()),
  /** Indices into `paragraphs` of the section heads (小标题) the extraction found; the page shows them as h2. */
  subheads: z.array(z.number().int().nonnegative()),
  /** Characters in the body, for page maps and feeds. */
  chars: z.number().int().nonnegative(),
  continuedTo: z.number().int().positive().nullable(),
  continuedFrom: z.number().int().positive().nullable(),
  /** Ids of the continuation's other half when both halves are in the archive. */
  continuedToId: z.string().nullable(),
  continuedFromId: z.string().nullable(),
  source: sourceRef,
});
export type ArchiveArticle = z.infer<typeof articleSchema>;

/** A short reference to an article, kept on its issue so navigation needs no article scans. */
export const articleRefSchema = z.object({
  id: z.string(),
  order: z.number().int().positive(),
  kind: articleKind,
  title: z.string().nullable(),
  chars: z.number().int().nonnegative(),
});
export type ArticleRef = z.infer<typeof articleRefSchema>;

/** A rectangle on a PDF page, in PDF points from its top-left corner. */
const boxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** A page read from a PDF: which page of which seed, its size, and where each article stands on it. */
export const pageImageSchema = z.object({
  /** The PDF seed (relative to the seeds folder) and its page that this printed page is. */
  seed: z.string(),
  pdfPage: z.number().int().positive(),
  /** The page's size in PDF points. */
  width: z.number().positive(),
  height: z.number().positive(),
  /** Each article's region (the union of its lines' boxes per column), by its place on the page. */
  regions: z.array(z.object({ order: z.number().int().positive(), boxes: z.array(boxSchema) })),
});
export type PageImage = z.infer<typeof pageImageSchema>;

export const issuePageSchema = z.object({
  number: z.number().int().positive(),
  /** 版名, e.g. 要闻, where printed. */
  name: z.string().nullable(),
  /** Seed files this page was read from. */
  sources: z.array(z.string()),
  furniture: z.array(z.object({ kind: furnitureKind, text: z.string(), source: sourceRef })),
  articles: z.array(articleRefSchema),
  /** Set when the page was read from a PDF: the page image and its article regions. */
  image: pageImageSchema.nullable().optional(),
});
export type IssuePage = z.infer<typeof issuePageSchema>;

/** One issue: `archive/issues/<paper>/<date>.json`. */
export const issueSchema = z.object({
  /** `<paper>/<YYYY-MM-DD>`. */
  id: z.string(),
  paper: z.string(),
  paperName: z.string(),
  date: isoDate,
  dateSource: metaSource,
  /** 期号 as printed (第9534期, 总第1486期), or null. */
  number: z.string().nullable(),
  /** 今日N版 → N, or null. */
  totalPages: z.number().int().positive().nullable(),
  /** 农历 date as printed, without the word 农历. */
  lunarDate: z.string().nullable(),
  weekday: z.string().nullable(),
  pages: z.array(issuePageSchema),
});
export type ArchiveIssue = z.infer<typeof issueSchema>;

/** One publication: an entry of `archive/papers.json`. */
export const paperSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameSource: metaSource,
  /** Dates of its issues, newest first. */
  issueDates: z.array(isoDate),
});
export type ArchivePaper = z.infer<typeof paperSchema>;
