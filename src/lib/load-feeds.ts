// What the feed routes (`/<paper>/feed.xml`, `/<paper>/rss.xml`) need, from the archive loaded once
// per build (archive-index.ts): one path per paper with its newest articles.
import { loadArchive, type PaperSummary } from './archive-index.ts';
import { titleOf } from './display-title.ts';
import { latestArticles, type FeedArticle } from './feeds.ts';

export interface FeedProps {
  paper: PaperSummary;
  items: FeedArticle[];
}

/** Feeds need absolute URLs (entry ids, links): without SITE_URL there are none (issue 16). */
export async function feedPaths(): Promise<{ params: { paper: string }; props: FeedProps }[]> {
  if (!import.meta.env.SITE) return [];
  const archive = await loadArchive();
  const { papers, articleById } = archive;
  return papers.map((paper) => ({
    params: { paper: paper.id },
    props: {
      paper,
      items: latestArticles(paper).flatMap(({ id, pageName }) => {
        const article = articleById.get(id);
        return article ? [{ article, pageName, title: titleOf(archive, article).text }] : [];
      }),
    },
  }));
}
