// Collection loading for the sitemap routes: papers, issues and editorial pages read once per route.
// Issues carry their article refs, so the articles collection is never scanned.
import { getCollection } from 'astro:content';
import { chunkPaths, sitePaths } from './sitemap.ts';

/** The site's page paths split into sitemap files. */
export async function loadSitemapChunks(): Promise<string[][]> {
  const papers = (await getCollection('papers')).map((e) => e.data);
  const issues = (await getCollection('issues')).map((e) => e.data);
  const editorial = (await getCollection('pages')).map((e) => e.id);
  return chunkPaths(sitePaths(papers, issues, editorial));
}
