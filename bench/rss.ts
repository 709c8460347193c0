// Peak memory of a stage: the resident set (VmRSS) of a process and all its descendants, summed and
// polled from /proc (Linux). Astro and Pagefind start child processes (esbuild, the pagefind binary),
// so the root process alone would under-count.
import { readFileSync, readdirSync } from 'node:fs';

/** `pid` and every live descendant of it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length;) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** The parent pid from /proc/<pid>/stat. */
function parentOf(pid: number): number | null {
  const fields = statFields(`/proc/${pid}/stat`);
  return fields ? Number(fields[1]) : null;
}

/**
 * The fields of a /proc stat file after `pid (comm)` (comm may hold spaces and parens): index 0 is
 * field 3 (state), so field n is at n - 3.
 */
function statFields(path: string): string[] | null {
  const stat = readProc(path);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}

/** Clock ticks a second in /proc stat times (USER_HZ: 100 on Linux for every architecture in use). */
const TICKS = 100;

/** CPU seconds (user + system) one live process has used itself (utime + stime, fields 14 and 15). */
export function ownCpuSeconds(pid: number): number {
  const fields = statFields(`/proc/${pid}/stat`);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS : 0;
}

/**
 * CPU seconds (user + system) of this process's ended children and of their waited-for descendants
 * (cutime + cstime, fields 16 and 17 of /proc/self/stat). A process its parent never waited for (a
 * service killed at exit) is not in it: the sampler's per-process readings cover those.
 */
export function childrenCpuSeconds(): number {
  const fields = statFields('/proc/self/stat') ?? [];
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

/** Resident bytes of one process (0 when it has ended or is a zombie). */
export function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/mu.exec(readProc(`/proc/${pid}/status`) ?? '');
  return kb ? Number(kb[1]) * 1024 : 0;
}

export function treeRssBytes(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0);
}

export interface RssSampler {
  /** The highest tree RSS seen so far, in bytes. */
  peak(): number;
  /** The tree RSS at the last poll, in bytes. */
  current(): number;
  /** CPU seconds of the tree: the sum of each process's last own-CPU reading (misses the final poll gap). */
  cpuSeconds(): number;
  /** Takes a last sample and stops polling; returns the peak. */
  stop(): number;
}

/** Polls the tree RSS of `pid` every `intervalMs` until stopped; `onSample` sees each reading. */
export function sampleRss(pid: number, intervalMs = 250, onSample?: (bytes: number) => void): RssSampler {
  let peak = 0;
  let current = 0;
  const cpu = new Map<number, number>();
  const poll = () => {
    const tree = processTree(pid);
    current = tree.reduce((sum, p) => sum + rssBytes(p), 0);
    for (const p of tree) cpu.set(p, Math.max(cpu.get(p) ?? 0, ownCpuSeconds(p)));
    peak = Math.max(peak, current);
    onSample?.(current);
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  return {
    peak: () => peak,
    current: () => current,
    cpuSeconds: () => [...cpu.values()].reduce((a, b) => a + b, 0),
    stop: () => {
      poll();
      clearInterval(timer);
      return peak;
    },
  };
}

/** MemAvailable of the machine (/proc/meminfo), in bytes. */
export function availableMemoryBytes(): number {
  const kb = /^MemAvailable:\s+(\d+)\s+kB/mu.exec(readProc('/proc/meminfo') ?? '');
  return kb ? Number(kb[1]) * 1024 : Number.POSITIVE_INFINITY;
}

/** A process may end between listing /proc and reading its files. */
function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
