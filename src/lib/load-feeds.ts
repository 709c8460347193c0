// Collection loading shared by the feed routes (`/<paper>/feed.xml`, `/<paper>/rss.xml`): papers and
// issues are read once per route; only the articles a feed carries are loaded, one entry each.
import { getCollection, getEntry } from 'astro:content';
import type { ArchiveIssue, ArchivePaper } from './archive-schema.ts';
import { latestArticles, type FeedArticle, type FeedPick } from './feeds.ts';

export interface FeedProps {
  paper: ArchivePaper;
  picks: FeedPick[];
}

/** One path per paper, with the ids of its newest articles. */
export async function feedPaths(): Promise<{ params: { paper: string }; props: FeedProps }[]> {
  const byPaper = new Map<string, ArchiveIssue[]>();
  for (const { data } of await getCollection('issues')) {
    const list = byPaper.get(data.paper);
    if (list) list.push(data);
    else byPaper.set(data.paper, [data]);
  }
  const papers = await getCollection('papers');
  return papers.map(({ data }) => ({
    params: { paper: data.id },
    props: { paper: data, picks: latestArticles(byPaper.get(data.id) ?? []) },
  }));
}

export async function loadFeedArticles(picks: FeedPick[]): Promise<FeedArticle[]> {
  const items: FeedArticle[] = [];
  for (const { id, pageName } of picks) {
    const entry = await getEntry('articles', id);
    if (entry) items.push({ article: entry.data, pageName });
  }
  return items;
}
