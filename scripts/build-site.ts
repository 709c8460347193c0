// `npm run build [-- --full]`: ingest → the stale partitions' `astro build` and the search index → dist/
// `npm run -s build -- --plan`: ingest, then the partitions as JSON on stdout.
// `npm run build -- --partition ID [--out DIR]`: ingest, then build one partition into DIR/ID/
//   (default partitions/ID/), as a CI job on its own machine does.
// `npm run build -- --merge DIR…`: assemble partition folders into dist/ (the CI matrix's last job).
// Page images of PDF pages are rendered into dist/ after the merge (scripts/render-page-images.ts).
// `--skip-ingest`: build from the archive CONTENT_DIR holds (the benchmark times ingest apart).
// Honours SEEDS_DIR (default seeds), BASE_PATH (default /), DIST_DIR (default dist), CONTENT_DIR
// (default content: where ingest writes the archive and src/content.config.ts reads it) and
// BUILD_CACHE_DIR (default `.<dist>-build` beside dist: the built partitions and their fingerprints).
// How partitions, fingerprints and the merge work: scripts/partitioned-build.ts.
// The content folder's lock (scripts/lock-output.ts) is held for the whole build, so a second build
// (or ingest) into it fails at once with a clear message; a build whose search index holds fewer
// articles than ingest wrote fails too.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from './build-content.ts';
import { lockOutput } from './lock-output.ts';
import { renderPageImages } from './render-page-images.ts';
import { buildPartitions, indexedArticles, mergeParts, mergeRecord, partDirs, planArchive, recordWritten, resolvedCache, timings } from './partitioned-build.ts';

const { values, positionals } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    plan: { type: 'boolean', default: false },
    partition: { type: 'string' },
    out: { type: 'string', default: 'partitions' },
    merge: { type: 'boolean', default: false },
    'skip-ingest': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const seeds = process.env.SEEDS_DIR || 'seeds';
const dist = process.env.DIST_DIR || 'dist';
const content = process.env.CONTENT_DIR || 'content';
const cache = process.env.BUILD_CACHE_DIR || resolvedCache(dist);
const log = (line: string) => process.stderr.write(`${line}\n`);

class BuildFailure extends Error {}
const fail = (message: string): never => {
  throw new BuildFailure(message);
};

if (values.merge) {
  if (!positionals.length) throw new Error('usage: npm run build -- --merge DIR…');
  await mergeParts(dist, positionals, log);
  // Page images come from the PDFs, not from a partition: the merging job renders them when it has the
  // archive (CONTENT_DIR) and the seeds (SEEDS_DIR); without them there are none to render.
  const images = await renderPageImages({ content, seeds, dist, log });
  if (images.failed) log(`build: ${images.failed} page images could not be rendered; those pages show their article list`);
} else {
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
    log(`build: ${error.message}`);
    process.exitCode = 1;
  } finally {
    if (lock.held) await lock.release();
  }
}

async function build(): Promise<void> {
  const ingestStart = performance.now();
  if (!values['skip-ingest']) {
    const report = await ingest({ seeds, out: content, locked: true });
    if (!report.written) fail(`the archive in ${content} was not replaced (see the errors above); site not built`);
  }
  const planStart = performance.now();
  timings.ingest += (planStart - ingestStart) / 1000;
  const options = { content, cache, full: values.full, log };
  const plan = await planArchive(options);
  timings.plan += (performance.now() - planStart) / 1000;
  if (values.plan) {
    const partitions = plan.partitions.map((p) => ({ id: p.id, issues: p.issues.length, articles: p.articles, fingerprint: p.fingerprint }));
    process.stdout.write(`${JSON.stringify({ partitions }, null, 2)}\n`);
  } else if (values.partition) {
    const id = values.partition;
    if (!plan.partitions.some((p) => p.id === id)) fail(`no partition ${id} (npm run -s build -- --plan lists them)`);
    await buildPartitions({ ...options, only: [id] }, plan);
    const target = join(values.out, id);
    await rm(target, { recursive: true, force: true });
    await cp(join(cache, 'parts', id), target, { recursive: true });
    log(`build: partition ${id} in ${target}`);
  } else {
    const built = await buildPartitions(options, plan);
    // Incremental: only the parts rebuilt since the last merge into this dist are linked again.
    await mergeParts(dist, partDirs(cache, plan), log, mergeRecord(cache));
    const images = await renderPageImages({ content, seeds, dist, log });
    await recordWritten(mergeRecord(cache), images.written);
    if (images.failed) log(`build: ${images.failed} page images could not be rendered; those pages show their article list`);
    const indexed = await indexedArticles(cache, plan);
    if (indexed < plan.articles) fail(`the search index holds ${indexed} of the ${plan.articles} articles written; the site is incomplete`);
    log(`build: ${built.length} of ${plan.partitions.length} partitions rebuilt`);
    log(`build: seconds ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  }
}
