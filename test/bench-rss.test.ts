// The benchmark's memory sampler (bench/rss.ts) counts a whole process tree: a child and its grandchild.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { childrenCpuSeconds, processTree, rssBytes, sampleRss, treeRssBytes } from '../bench/rss.ts';

const MB = 1024 * 1024;
/** Fills `mb` MB (touched, so resident), prints its pid and waits. */
const holder = (mb: number, then = '') => `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); ${then} console.log(process.pid); setInterval(() => b[0]++, 1000);`;

let child: ChildProcess | null = null;
const pids: number[] = [];
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already ended
    }
  }
});

describe('process tree RSS', () => {
  it('sums a child and its grandchild', async () => {
    // The child starts a grandchild holding 96 MB, relays its pid, then holds 64 MB itself.
    const grandchild = JSON.stringify(holder(96));
    child = spawn(process.execPath, ['-e', `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', ${grandchild}], { stdio: ['ignore', 'pipe', 'inherit'] });
      process.on('SIGTERM', () => { g.kill('SIGKILL'); process.exit(); });
      g.stdout.once('data', (pid) => { process.stdout.write(pid); ${holder(64)} });
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (data: Buffer) => pids.push(...String(data).trim().split(/\s+/).map(Number)));
    while (pids.length < 2) await once(child.stdout!, 'data');
    const [grandchildPid, childPid] = pids;
    expect(childPid).toBe(child.pid);

    const tree = processTree(child.pid!);
    expect(tree).toEqual([child.pid, grandchildPid]);
    expect(rssBytes(grandchildPid!)).toBeGreaterThan(96 * MB);
    expect(rssBytes(child.pid!)).toBeGreaterThan(64 * MB);
    const total = treeRssBytes(child.pid!);
    expect(total).toBeGreaterThan(160 * MB);
    // The sum of the two, give or take what they allocate between reads.
    expect(Math.abs(total - rssBytes(child.pid!) - rssBytes(grandchildPid!))).toBeLessThan(16 * MB);

    const sampler = sampleRss(child.pid!, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    await once(child, 'close');
    expect(sampler.stop()).toBeGreaterThan(160 * MB);
    expect(treeRssBytes(child.pid!)).toBe(0);
  });
});

describe('children CPU time', () => {
  it('counts the CPU a child and its grandchild spent once they have ended', async () => {
    const before = childrenCpuSeconds();
    // The child spins until it has used 0.4 s of CPU and waits for a grandchild that does the same.
    const spin = 'while (process.cpuUsage().user < 400_000);';
    const run = spawn(process.execPath, ['-e', `${spin} require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(spin)}]);`]);
    await once(run, 'close');
    expect(childrenCpuSeconds() - before).toBeGreaterThan(0.7);
  });
});

describe('sampled CPU time', () => {
  it('reads the CPU of a live process in the tree that nobody has waited for yet', async () => {
    child = spawn(process.execPath, ['-e', 'while (process.cpuUsage().user < 500_000); console.log("spun"); setInterval(() => {}, 1000);'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout!, 'data');
    const sampler = sampleRss(child.pid!, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    sampler.stop();
    expect(sampler.cpuSeconds()).toBeGreaterThanOrEqual(0.5);
  });
});
