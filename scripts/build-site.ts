// `npm run build [-- --full]`: ingest → the stale partitions' `astro build` and search bundles → dist/.
// `npm run build -- --plan`: ingest, then the partitions as JSON on stdout.
// `npm run build -- --partition ID [--out DIR]`: ingest, then build one partition into DIR/ID/
//   (default partitions/ID/), as a CI job on its own machine does.
// `npm run build -- --merge DIR…`: assemble partition folders into dist/ (the CI matrix's last job).
// `--skip-ingest`: build from the archive CONTENT_DIR holds (the benchmark times ingest apart).
// Honours SEEDS_DIR (default seeds), BASE_PATH (default /), DIST_DIR (default dist), CONTENT_DIR
// (default content: where ingest writes the archive and src/content.config.ts reads it) and
// BUILD_CACHE_DIR (default `.<dist>-build` beside dist: the built partitions and their fingerprints).
// How partitions, fingerprints and the merge work: scripts/partitioned-build.ts.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from './build-content.ts';
import { buildPartitions, mergeParts, partDirs, planArchive, resolvedCache, timings } from './partitioned-build.ts';

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

if (values.merge) {
  if (!positionals.length) throw new Error('usage: npm run build -- --merge DIR…');
  await mergeParts(dist, positionals, log);
  process.exit(0);
}

if (!values['skip-ingest']) await ingest({ seeds, out: content });
const options = { content, cache, full: values.full, log };
const plan = await planArchive(options);

if (values.plan) {
  const partitions = plan.partitions.map((p) => ({ id: p.id, issues: p.issues.length, articles: p.articles, fingerprint: p.fingerprint }));
  process.stdout.write(`${JSON.stringify({ partitions }, null, 2)}\n`);
} else if (values.partition) {
  const id = values.partition;
  if (!plan.partitions.some((p) => p.id === id)) throw new Error(`no partition ${id} (npm run build -- --plan lists them)`);
  await buildPartitions({ ...options, only: [id] }, plan);
  const target = join(values.out, id);
  await rm(target, { recursive: true, force: true });
  await cp(join(cache, 'parts', id), target, { recursive: true });
  log(`build: partition ${id} in ${target}`);
} else {
  const built = await buildPartitions(options, plan);
  await mergeParts(dist, partDirs(cache, plan), log);
  log(`build: ${built.length} of ${plan.partitions.length} partitions rebuilt`);
  log(`build: seconds ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
}
