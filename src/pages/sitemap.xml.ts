// /sitemap.xml: the URL list itself, or a sitemap index when the archive needs several files.
import type { APIRoute } from 'astro';
import { loadSitemapChunks } from '../lib/load-sitemap.ts';
import { buildSitemapIndex, buildUrlset } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const address = { site: site!, base: import.meta.env.BASE_URL };
  const chunks = await loadSitemapChunks();
  const body = chunks.length === 1 ? buildUrlset(chunks[0]!, address) : buildSitemapIndex(chunks.length, address);
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
