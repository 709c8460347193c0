// /sitemap.xml: the URL list itself, or a sitemap index when the archive needs several files.
// Sitemaps need absolute URLs: without SITE_URL there is none (issue 16: no page may name the dev server).
import type { APIRoute } from 'astro';
import { loadSitemapChunks } from '../lib/load-sitemap.ts';
import { buildSitemapIndex, buildUrlset } from '../lib/sitemap.ts';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [];
}

export const GET: APIRoute = async ({ site }) => {
  const address = { site: site!, base: import.meta.env.BASE_URL };
  const chunks = await loadSitemapChunks();
  const body = chunks.length === 1 ? buildUrlset(chunks[0]!, address) : buildSitemapIndex(chunks.length, address);
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
