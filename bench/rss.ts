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

/** The parent pid from /proc/<pid>/stat (`pid (comm) state ppid …`; comm may hold spaces and parens). */
function parentOf(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
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
  /** Takes a last sample and stops polling; returns the peak. */
  stop(): number;
}

/** Polls the tree RSS of `pid` every `intervalMs` until stopped; `onSample` sees each reading. */
export function sampleRss(pid: number, intervalMs = 250, onSample?: (bytes: number) => void): RssSampler {
  let peak = 0;
  let current = 0;
  const poll = () => {
    current = treeRssBytes(pid);
    peak = Math.max(peak, current);
    onSample?.(current);
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  return {
    peak: () => peak,
    current: () => current,
    stop: () => {
      poll();
      clearInterval(timer);
      return peak;
    },
  };
}

/** Clock ticks a second in /proc/<pid>/stat times (USER_HZ: 100 on Linux for every architecture in use). */
const TICKS = 100;

/**
 * CPU seconds (user + system) of this process's ended children and of their waited-for descendants
 * (cutime + cstime of /proc/self/stat). Read before and after a stage: the difference is the stage's CPU
 * time, which unlike wall time does not grow when other work shares the cores.
 */
export function childrenCpuSeconds(): number {
  const stat = readProc('/proc/self/stat') ?? '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the comm start at field 3 (state); cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
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
