// Builds the site twice from seeds/ before the tests that need it: at `/` and under `/archive/`, with
// SITE_URL set (the site without one is built and checked by test/site-reading.test.ts).
// Skipped when SKIP_SITE_BUILD=1 (for quick unit-test runs against an existing .tmp/site).
import { spawnSync } from 'node:child_process';
import { builtSite, TEST_SITE_URL } from './support/built-site.ts';

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === '1') return;
  for (const [dir, base] of [[builtSite.root, '/'], [builtSite.archive, '/archive/']] as const) {
    const run = spawnSync(process.execPath, ['scripts/build-site.ts'], {
      env: { ...process.env, BASE_PATH: base, DIST_DIR: dir, SITE_URL: TEST_SITE_URL },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`site build for ${base} failed:\n${run.stdout}\n${run.stderr}`);
  }
}
