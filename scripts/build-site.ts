// `npm run build`: ingest → astro build → page images (PDF pages) → Pagefind, in that order.
// Honours SEEDS_DIR (default seeds), BASE_PATH (default /), DIST_DIR (default dist) and CONTENT_DIR
// (default content: where ingest writes the archive and src/content.config.ts reads it).
import { spawnSync } from 'node:child_process';
import { collectionStorage } from './collection-storage.ts';
import { ingest } from './build-content.ts';
import { indexSearch } from './index-search.ts';
import { renderPageImages } from './render-page-images.ts';

const seeds = process.env.SEEDS_DIR || 'seeds';
const dist = process.env.DIST_DIR || 'dist';
const content = process.env.CONTENT_DIR || 'content';

const report = await ingest({ seeds, out: content });

// A BASE_URL variable in the environment (Vitest sets one) would override Astro's configured base in
// import.meta.env.BASE_URL and break every link under BASE_PATH: keep it out of the build.
const { BASE_URL: _ignored, ...env } = process.env;
// Large archives need Astro's chunked content store (scripts/collection-storage.ts; astro.config.mjs reads it).
const storage = collectionStorage(report.summary.articles);
if (storage === 'chunked') process.stderr.write(`build: ${report.summary.articles} articles: Astro's chunked content storage\n`);
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env: { ...env, COLLECTION_STORAGE: storage } });
if (astro.status !== 0) process.exit(astro.status ?? 1);

await renderPageImages({ content, seeds, dist });
await indexSearch({ site: dist, content });
