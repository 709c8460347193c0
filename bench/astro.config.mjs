// @ts-check
// The project's Astro config with a cache folder of its own, so that every benchmark build is cold and
// none touches the project's cache (node_modules/.astro). run.ts passes it with `astro build --config`.
import config from '../astro.config.mjs';

export default { ...config, cacheDir: process.env.BENCH_CACHE_DIR || './bench/out/cache' };
