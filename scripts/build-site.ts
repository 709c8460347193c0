// `npm run build`: ingest → astro build → Pagefind, in that order.
// Honours SEEDS_DIR (default seeds), BASE_PATH (default /), DIST_DIR (default dist) and CONTENT_DIR
// (default content: where ingest writes the archive and src/content.config.ts reads it).
// The content folder's lock (scripts/lock-output.ts) is held for the whole build, so a second build
// (or ingest) into it waits for nothing and fails at once with a clear message; a build whose search
// index holds fewer articles than ingest wrote fails too.
import { spawnSync } from 'node:child_process';
import { collectionStorage } from './collection-storage.ts';
import { ingest } from './build-content.ts';
import { indexSearch } from './index-search.ts';
import { lockOutput } from './lock-output.ts';

const seeds = process.env.SEEDS_DIR || 'seeds';
const dist = process.env.DIST_DIR || 'dist';
const content = process.env.CONTENT_DIR || 'content';

class BuildFailure extends Error {}
const fail = (message: string): never => {
  throw new BuildFailure(message);
};

const lock = await lockOutput(content);
try {
  if (!lock.held) {
    fail(lock.error
      ? `cannot write to ${content} (${lock.error})`
      : `another build or ingest is writing to ${content} (pid ${lock.owner?.pid}, started ${lock.owner?.started}); wait for it, or remove ${lock.path} if no such run is going on`);
  }
  await build();
} catch (error) {
  if (!(error instanceof BuildFailure)) throw error;
  process.stderr.write(`build: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  if (lock.held) await lock.release();
}

async function build(): Promise<void> {
  const report = await ingest({ seeds, out: content, locked: true });
  if (!report.written) fail(`the archive in ${content} was not replaced (see the errors above); site not built`);

  // BASE_URL and SITE variables in the environment (Vitest sets both, SITE to the string 'undefined')
  // would override Astro's configured base and site in import.meta.env and break every link under
  // BASE_PATH or claim a site address: keep them out of the build.
  const { BASE_URL: _ignored, SITE: _ignoredSite, ...env } = process.env;
  // Large archives need Astro's chunked content store (scripts/collection-storage.ts; astro.config.mjs reads it).
  const storage = collectionStorage(report.summary.articles);
  if (storage === 'chunked') process.stderr.write(`build: ${report.summary.articles} articles: Astro's chunked content storage\n`);
  const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env: { ...env, COLLECTION_STORAGE: storage } });
  if (astro.status !== 0) fail(`astro build failed (exit ${astro.status ?? astro.signal})`);

  const { indexed } = await indexSearch({ site: dist, content });
  if (indexed < report.summary.articles) fail(`the search index holds ${indexed} of the ${report.summary.articles} articles written; the site is incomplete`);
}
