// One benchmark stage: a child process, timed, with its process tree's peak RSS, its output logged to a
// file and a one-line status on stderr every few seconds so a long stage shows it is alive.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { sampleRss } from './rss.ts';

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
}

export interface StageResult {
  name: string;
  seconds: number;
  peakRssBytes: number;
  /** Output lines seen (e.g. one a page for astro build). */
  lines: number;
}

export async function runStage(options: StageOptions): Promise<StageResult> {
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const child = spawn(process.execPath, options.args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const rss = sampleRss(child.pid!);
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
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new Error(`${options.name} failed (exit ${code}); last lines (all in ${options.logFile}):\n${tail.join('\n')}`);
  }
  return { name: options.name, seconds, peakRssBytes, lines };
}

export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
