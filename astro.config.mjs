// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// BASE_PATH lets the archive live under a sub-path of an intranet host (e.g. /archive/).
const base = process.env.BASE_PATH || '/';
// SITE_URL is only used for absolute links: feeds, sitemaps, canonical and Open Graph tags. Unset, the
// site has none of them (every link in a page is base-relative) rather than addresses of a dev server.
const site = process.env.SITE_URL || undefined;
// COLLECTION_STORAGE=chunked: Astro's chunked content store, which `npm run build` picks for large
// archives (scripts/collection-storage.ts).
const chunked = process.env.COLLECTION_STORAGE === 'chunked';

/** Says once per build what an unset SITE_URL leaves out. @type {import('astro').AstroIntegration} */
const siteNotice = {
  name: 'site-url-notice',
  hooks: {
    'astro:build:start': ({ logger }) => {
      if (!site) logger.warn('SITE_URL is not set: no feeds, no sitemap.xml, no canonical or Open Graph URLs; issue.json and exports carry base-relative links. Set SITE_URL=https://… to have them.');
    },
  },
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), siteNotice],
  outDir: process.env.DIST_DIR || 'dist',
  // ASTRO_CACHE_DIR: a job of the partitioned build (scripts/partitioned-build.ts) has a cache of its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
  ...(chunked ? { experimental: { collectionStorage: 'chunked' } } : {}),
});
