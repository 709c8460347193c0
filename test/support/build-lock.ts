// Site builds share Astro's caches (.astro, node_modules/.astro) and, unless CONTENT_DIR says otherwise,
// ./content/archive, so two test files must never build at the same time.
// withBuildLock() serialises them across Vitest's worker processes with an exclusive lock folder
// (mkdir is atomic); a lock left by a killed run is taken over after `staleMs`.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = '.tmp/site-build.lock';

export async function withBuildLock<T>(run: () => Promise<T> | T, staleMs = 10 * 60_000): Promise<T> {
  await mkdir('.tmp', { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - ((await stat(LOCK).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > staleMs) await rm(LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await run();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run build` (scripts/build-site.ts) with extra environment (SEEDS_DIR, DIST_DIR, BASE_PATH,
 * CONTENT_DIR: give a folder of the test's own, relative to the project, to leave ./content alone).
 */
export function buildSite(env: Record<string, string>, args: string[] = []): Promise<BuildRun> {
  return withBuildLock(() => {
    const run = spawnSync(process.execPath, ['scripts/build-site.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  });
}
