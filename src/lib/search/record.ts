// What the search index knows about one article besides its text: result metadata, filter values
// and the sort key, emitted by PagefindMeta.astro inside the article's `data-pagefind-body`.
import type { ArchiveArticle } from '../archive-schema.ts';
import { displayTitle } from '../display-title.ts';
import { pageLabel } from '../dates.ts';

/** Labels of article kinds (体裁) for the filter menu. */
export const KIND_LABELS: Record<ArchiveArticle['kind'], string> = {
  news: '消息',
  feature: '通讯',
  commentary: '评论',
  photo: '图片',
  brief: '简讯',
};

/** Labels of the page filter: 头版 front page, 内页 inner pages. */
export const PAGE_PLACE_LABELS = { front: '头版', inner: '内页' } as const;

export interface SearchRecord {
  meta: { title: string; paper: string; date: string; page: string };
  filters: { paper: string; year: string; month: string; date: string; page: 'front' | 'inner'; kind: string };
  sort: { date: string };
}

/** The metadata, filters and sort key of an article. */
export function searchRecord(article: ArchiveArticle, paperName: string, pageName: string | null): SearchRecord {
  return {
    meta: {
      // As the pages show it: an untitled piece by its display title (图片：…, ［first clause］).
      title: displayTitle(article).text,
      paper: paperName,
      date: article.date,
      page: pageLabel({ number: article.page, name: pageName }),
    },
    filters: {
      paper: article.paper,
      year: article.date.slice(0, 4),
      month: article.date.slice(0, 7),
      // By day, for from–to ranges (query.ts).
      date: article.date,
      page: article.page === 1 ? 'front' : 'inner',
      kind: article.kind,
    },
    sort: { date: article.date },
  };
}

/** The article's searchable text, one field or paragraph a line, in page order. */
export function searchText(article: ArchiveArticle): string {
  return [article.kicker, article.title, ...article.subtitles, article.byline, ...article.paragraphs]
    .filter((s): s is string => !!s)
    .join('\n');
}
