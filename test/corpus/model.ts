// Types of the corpus: the articles as written (articles/*.yaml), the pages they are laid into, and the
// gold edition each page's text is scored against (schema: ../shared/gold/README.md).
import type { ArticleKind, GoldArticle, GoldEdition } from '../../scripts/pipeline/types.ts';
export type Kind = ArticleKind;
export type Family = 'broadsheet' | 'tabloid' | 'columns' | 'photo';
export type Engine = 'chromium' | 'weasyprint';
export type Extractor = 'pdftotext-raw' | 'pdftotext' | 'pdftotext-layout' | 'mutool' | 'pdfminer';

export interface Article {
  id: string;
  issue: string;
  kind: Kind;
  kicker: string | null;
  title: string | null;
  subtitles: string[];
  byline: string | null;
  /** Body paragraphs; one starting with "§" is a 小标题 (section head). */
  paragraphs: string[];
  /** A long piece: its first `jump_after` paragraphs run on one page, the rest on page `continued_to`. */
  jump_after?: number;
  continued_to?: number;
  jump_title?: string;
}

export interface PageSpec {
  number: number;
  family: Family;
  /** Page name printed in the header (第03版：经济). */
  section: string;
}

export interface Issue {
  id: string;
  paper: string;
  slug: string;
  /** A line printed under the name on page 1 (中共青岚市委机关报), or null. */
  motto: string | null;
  date: string;
  number: string;
  total_pages: number;
  pages: PageSpec[];
}

export interface ArticleFile {
  issues: Issue[];
  articles: Article[];
}

/** Which part of an article a page prints. */
export type Part = 'whole' | 'head' | 'tail';
export interface Placed {
  article: Article;
  part: Part;
}

export type { GoldArticle, GoldEdition };
export type Furniture = GoldEdition['furniture'][number];

/** One laid-out page: its HTML and what a careful reader takes from it. */
export interface LaidPage {
  issue: Issue;
  spec: PageSpec;
  html: string;
  articles: GoldArticle[];
  furniture: Furniture[];
  meta: GoldEdition['issue'];
}
