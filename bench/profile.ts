// Where a stage's time goes: `npx node bench/profile.ts FILE.cpuprofile [--top N]` summarises a V8 CPU
// profile (written by `npm run bench -- --profile`, i.e. node --cpu-prof) as self time by function and by
// package (node_modules/<name>, or the project file), highest first.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Self time (ms) of each function and of each package or file, highest first. */
export function summariseProfile(profile: CpuProfile): { functions: SelfTime[]; packages: SelfTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += ms;
    const where = place(frame.url);
    const fn = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    packages.set(where, (packages.get(where) ?? 0) + ms);
  });
  const rank = (m: Map<string, number>): SelfTime[] =>
    [...m].map(([name, ms]) => ({ name, ms, share: total ? ms / total : 0 })).sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return { functions: rank(functions), packages: rank(packages), totalMs: total };
}

/** `node_modules/<pkg>` (scoped too), a project-relative file, or the V8 pseudo-frame as is. */
function place(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(url);
  if (pkg) return pkg[1]!;
  const project = /\/((?:scripts|src|bench)\/.*)$/u.exec(url);
  return project ? project[1]! : url.replace(/^file:\/\//u, '');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' } } });
  const top = Number(values.top);
  for (const file of positionals) {
    const { functions, packages, totalMs } = summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile);
    const row = (t: SelfTime) => `  ${(t.ms / 1000).toFixed(1).padStart(7)} s ${(100 * t.share).toFixed(1).padStart(5)}%  ${t.name}`;
    console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s sampled\nby package or file:`);
    for (const t of packages.slice(0, top)) console.log(row(t));
    console.log('by function:');
    for (const t of functions.slice(0, top)) console.log(row(t));
  }
}
