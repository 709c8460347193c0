// Bulk text export (issue 16, as Chronicling America gives researchers): every article of an issue or
// a year as plain text and as JSON Lines, with its metadata and permalink, in reading order.
import type { ArchiveArticle, ArchiveIssue } from './archive-schema.ts';
import { chineseDate, pageLabel } from './dates.ts';
import type { DisplayTitle } from './display-title.ts';

/** One article of an export. */
export interface ExportRecord {
  id: string;
  paper: string;
  paperName: string;
  date: string;
  page: number;
  pageName: string | null;
  order: number;
  kind: ArchiveArticle['kind'];
  kicker: string | null;
  /** As printed; null when the piece has no printed title. */
  title: string | null;
  /** What the site calls it (src/lib/display-title.ts): the title, or one made from the text. */
  displayTitle: string;
  subtitles: string[];
  byline: string | null;
  paragraphs: string[];
  continuedFromId: string | null;
  continuedToId: string | null;
  /** Permalink: absolute when the site has SITE_URL, else relative to the site's root. */
  url: string;
  source: ArchiveArticle['source'];
}

/** What an export is made from: the issue's articles by id, their display titles and permalinks. */
export interface ExportSources {
  articleById: ReadonlyMap<string, ArchiveArticle>;
  title(article: ArchiveArticle): DisplayTitle;
  url(id: string): string;
}

/** The issue's articles in reading order (page, then place on the page), those the archive holds. */
export function exportRecords(issue: ArchiveIssue, from: ExportSources): ExportRecord[] {
  return issue.pages.flatMap((page) =>
    page.articles.flatMap((ref) => {
      const a = from.articleById.get(ref.id);
      if (!a) return [];
      return [{
        id: a.id, paper: a.paper, paperName: issue.paperName, date: a.date, page: page.number, pageName: page.name,
        order: a.order, kind: a.kind, kicker: a.kicker, title: a.title, displayTitle: from.title(a).text,
        subtitles: a.subtitles, byline: a.byline, paragraphs: a.paragraphs,
        continuedFromId: a.continuedFromId, continuedToId: a.continuedToId, url: from.url(a.id), source: a.source,
      }];
    }),
  );
}

/** JSON Lines: one record per line, every line ended with \n. */
export function toJsonLines(records: readonly ExportRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Plain text: each issue under its paper and date, each article under its page and place, separated by a rule. */
export function toPlainText(records: readonly ExportRecord[]): string {
  let out = '';
  let issue = '';
  for (const r of records) {
    const id = `${r.paper}/${r.date}`;
    if (id !== issue) {
      out += `${out ? '\n' : ''}==== ${r.paperName} ${chineseDate(r.date)} ====\n\n`;
      issue = id;
    }
    const head = [r.kicker, r.displayTitle, ...r.subtitles, r.byline].filter(Boolean);
    out += `【${pageLabel({ number: r.page, name: r.pageName })} · 第${r.order}篇】\n${head.join('\n')}\n\n`;
    out += r.paragraphs.map((p) => `${p}\n`).join('\n');
    out += `\n链接：${r.url}\n\n----\n\n`;
  }
  return out;
}
