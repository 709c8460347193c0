// @ts-check
// The project's Astro config with a cache folder of its own, so that every benchmark build is cold and
// none touches the project's cache (node_modules/.astro). run.ts passes it with `astro build --config`.
// The content storage (single string or chunked) comes from COLLECTION_STORAGE, which run.ts sets by the
// archive's size as `npm run build` does (scripts/collection-storage.ts).
import config from '../astro.config.mjs';

export default {
  ...config,
  cacheDir: process.env.BENCH_CACHE_DIR || './bench/out/cache',
};
