// What the feed routes (`/<paper>/feed.xml`, `/<paper>/rss.xml`) need, from the archive loaded once
// per build (archive-index.ts): one path per paper with its newest articles.
import { loadArchive, type PaperSummary } from './archive-index.ts';
import { latestArticles, type FeedArticle } from './feeds.ts';

export interface FeedProps {
  paper: PaperSummary;
  items: FeedArticle[];
}

export async function feedPaths(): Promise<{ params: { paper: string }; props: FeedProps }[]> {
  const { papers, articleById } = await loadArchive();
  return papers.map((paper) => ({
    params: { paper: paper.id },
    props: {
      paper,
      items: latestArticles(paper).flatMap(({ id, pageName }) => {
        const article = articleById.get(id);
        return article ? [{ article, pageName }] : [];
      }),
    },
  }));
}
