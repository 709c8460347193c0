// RSS 2.0 feed of a paper's newest articles: /<paper>/rss.xml.
import type { APIRoute } from 'astro';
import { buildRssFeed } from '../../lib/feeds.ts';
import { feedPaths, type FeedProps } from '../../lib/load-feeds.ts';

export const getStaticPaths = feedPaths;

export const GET: APIRoute<FeedProps> = ({ props, site }) => {
  const body = buildRssFeed(props.paper, props.items, { site: site!, base: import.meta.env.BASE_URL });
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
