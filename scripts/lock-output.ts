// One run at a time per output folder. `<out>/.ingest.lock` holds the owner's pid, host and start time;
// it is written whole to a file of the run's own and hard-linked into place (link fails when the lock
// exists), so of two runs starting at once one gets it and no one ever reads a half-written lock. A
// lock whose pid no longer runs on this host (a run killed with -9) is stale: cleared and taken over.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = '.ingest.lock';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export type Lock = { held: true; path: string; release: () => Promise<void>; clearedStale: LockOwner | null } | { held: false; path: string; owner: LockOwner | null; error?: string };

export async function lockOutput(out: string): Promise<Lock> {
  const path = join(out, LOCK_FILE);
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    return { held: false, path, owner: null, error: errorText(error) };
  }
  let clearedStale: LockOwner | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    const mine = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(mine, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      await link(mine, path);
      return { held: true, path, clearedStale, release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { held: false, path, owner: null, error: errorText(error) };
    } finally {
      await rm(mine, { force: true });
    }
    const owner = await readOwner(path);
    if (owner && isRunning(owner)) return { held: false, path, owner };
    // Stale: its process is gone (or the file is not a lock we wrote). Clear it and try again.
    clearedStale = owner ?? { pid: 0, host: '', started: '' };
    await rm(path, { force: true });
  }
  return { held: false, path, owner: await readOwner(path) };
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return Number.isSafeInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

/** Whether the lock's process still runs (on another host it cannot be checked: taken as running). */
function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const errorText = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
