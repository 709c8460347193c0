// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// BASE_PATH lets the archive live under a sub-path of an intranet host (e.g. /archive/).
const base = process.env.BASE_PATH || '/';
// SITE_URL is only used for absolute links in feeds, sitemaps and Open Graph tags.
const site = process.env.SITE_URL || 'http://localhost:4321';
// COLLECTION_STORAGE=chunked: Astro's chunked content store, which `npm run build` picks for large
// archives (scripts/collection-storage.ts).
const chunked = process.env.COLLECTION_STORAGE === 'chunked';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  outDir: process.env.DIST_DIR || 'dist',
  // ASTRO_CACHE_DIR: a job of the partitioned build (scripts/partitioned-build.ts) has a cache of its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
  ...(chunked ? { experimental: { collectionStorage: 'chunked' } } : {}),
});
