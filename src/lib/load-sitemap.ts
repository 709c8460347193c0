// The sitemap routes' data: the archive loaded once per build (archive-index.ts) plus the editorial pages.
import { getCollection } from 'astro:content';
import { loadArchive } from './archive-index.ts';
import { chunkPaths, sitePaths } from './sitemap.ts';

/** The site's page paths split into sitemap files. */
export async function loadSitemapChunks(): Promise<string[][]> {
  const { papers } = await loadArchive();
  const editorial = (await getCollection('pages')).map((e) => e.id);
  return chunkPaths(sitePaths(papers, editorial));
}
