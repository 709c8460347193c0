// `npm run build`: ingest → astro build → Pagefind, in that order.
// Honours SEEDS_DIR (default seeds), BASE_PATH (default /) and DIST_DIR (default dist).
import { spawnSync } from 'node:child_process';
import { ingest } from './build-content.ts';
import { indexSearch } from './index-search.ts';

const seeds = process.env.SEEDS_DIR || 'seeds';
const dist = process.env.DIST_DIR || 'dist';

await ingest({ seeds, out: 'content' });

const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit' });
if (astro.status !== 0) process.exit(astro.status ?? 1);

await indexSearch({ site: dist });
