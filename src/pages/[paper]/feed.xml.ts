// Atom feed of a paper's newest articles: /<paper>/feed.xml.
import type { APIRoute } from 'astro';
import { buildAtomFeed } from '../../lib/feeds.ts';
import { feedPaths, type FeedProps } from '../../lib/load-feeds.ts';

export const getStaticPaths = feedPaths;

export const GET: APIRoute<FeedProps> = ({ props, site }) => {
  const body = buildAtomFeed(props.paper, props.items, { site: site!, base: import.meta.env.BASE_URL });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
