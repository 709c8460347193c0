// One benchmark stage: a child process, timed, with its process tree's peak RSS, its output logged to a
// file and a one-line status on stderr every few seconds so a long stage shows it is alive.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableMemoryBytes, childrenCpuSeconds, processTree, sampleRss } from './rss.ts';

export interface StageOptions {
  name: string;
  /** Arguments to Node (the running binary): a script and its arguments. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the stage's stdout and stderr go, whole. */
  logFile: string;
  /** Lines worth showing as they come (progress, summaries); the rest only go to the log. */
  show?: (line: string) => boolean;
  /** Status line interval. */
  statusMs?: number;
  /**
   * Stop the stage (kill its process tree) when its RSS passes `maxTreeBytes`, or when the machine has
   * less than `minAvailableBytes` left, so that a run too big for the machine does not starve others.
   */
  memoryGuard?: { maxTreeBytes?: number; minAvailableBytes?: number };
}

export interface StageResult {
  name: string;
  seconds: number;
  /** CPU seconds (user + system) of the whole process tree. */
  cpuSeconds: number;
  peakRssBytes: number;
  /** Output lines seen (e.g. one a page for astro build). */
  lines: number;
  /** Why the memory guard stopped the stage, or null when it ran to the end. */
  stopped: string | null;
}

export async function runStage(options: StageOptions): Promise<StageResult> {
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawn(process.execPath, options.args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped: string | null = null;
  const guard = options.memoryGuard ?? {};
  const rss = sampleRss(child.pid!, 250, (bytes) => {
    if (stopped) return;
    const available = availableMemoryBytes();
    if (guard.maxTreeBytes && bytes > guard.maxTreeBytes) stopped = `RSS ${mb(bytes)} MB passed the limit of ${mb(guard.maxTreeBytes)} MB`;
    else if (guard.minAvailableBytes && available < guard.minAvailableBytes) stopped = `machine down to ${mb(available)} MB available (RSS ${mb(bytes)} MB)`;
    if (stopped) for (const pid of processTree(child.pid!).reverse()) killQuietly(pid);
  });
  const tail: string[] = [];
  let lines = 0;
  const onLine = (line: string) => {
    lines += 1;
    log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (options.show?.(line)) process.stderr.write(`  ${options.name}: ${line.trim()}\n`);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const status = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`  ${options.name}: ${seconds.toFixed(0)} s, rss ${mb(rss.current())} MB (peak ${mb(rss.peak())} MB), ${lines} lines\n`);
  }, options.statusMs ?? 10_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(status);
  const seconds = (performance.now() - started) / 1000;
  const peakRssBytes = rss.stop();
  // Waited-for processes are in the children's time, exactly; a service its parent killed without
  // waiting (the pagefind binary) only in the sampler's readings. The larger of the two.
  const cpuSeconds = Math.max(childrenCpuSeconds() - cpuBefore, rss.cpuSeconds());
  await new Promise((resolve) => log.end(resolve));
  if (stopped) process.stderr.write(`  ${options.name}: stopped, ${stopped}\n`);
  else if (code !== 0) {
    throw new Error(`${options.name} failed (exit ${code}); last lines (all in ${options.logFile}):\n${tail.join('\n')}`);
  }
  return { name: options.name, seconds, cpuSeconds, peakRssBytes, lines, stopped };
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already ended
  }
}

export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
