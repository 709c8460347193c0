// @ts-check
// The project's Astro config with a cache folder of its own, so that every benchmark build is cold and
// none touches the project's cache (node_modules/.astro). run.ts passes it with `astro build --config`.
// BENCH_COLLECTION_STORAGE=chunked tries Astro's chunked content data store (experimental), which is not
// one string and so has no ~537M-character ceiling (see README.md).
import config from '../astro.config.mjs';

const storage = process.env.BENCH_COLLECTION_STORAGE;

export default {
  ...config,
  cacheDir: process.env.BENCH_CACHE_DIR || './bench/out/cache',
  ...(storage === 'chunked' ? { experimental: { ...config.experimental, collectionStorage: 'chunked' } } : {}),
};
