// /sitemap-N.xml: the N-th file of URLs, built only when /sitemap.xml is an index (over 50,000 URLs).
import type { APIRoute } from 'astro';
import { loadSitemapChunks } from '../lib/load-sitemap.ts';
import { buildUrlset } from '../lib/sitemap.ts';

export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  const chunks = await loadSitemapChunks();
  if (chunks.length === 1) return [];
  return chunks.map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }));
}

export const GET: APIRoute<{ paths: string[] }> = ({ props, site }) =>
  new Response(buildUrlset(props.paths, { site: site!, base: import.meta.env.BASE_URL }), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
