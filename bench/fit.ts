// How cost grows: `npx node bench/fit.ts bench/results/*.json` prints the results as a Markdown table and
// the fitted exponent k of time ∝ articles^k (least-squares slope of log time on log articles).
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './run.ts';

/** Least-squares slope of log(y) on log(x): the exponent of a power law y = c·x^k. */
export function powerLawExponent(points: { x: number; y: number }[]): number {
  if (points.length < 2) throw new Error('need two points or more to fit');
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const varx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return cov / varx;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Results written before CPU accounting have no cpuSeconds; before the partitioned build (issue 17)
  // astro and pagefind were stages of their own, now they are parts of the site stage (siteSeconds).
  type Loose = Omit<BenchResult, 'seconds' | 'cpuSeconds' | 'peakRssMbByStage'> & {
    seconds: Record<string, number | null>;
    cpuSeconds?: Record<string, number | null>;
    peakRssMbByStage: Record<string, number | null>;
  };
  const results: Loose[] = [];
  for (const file of process.argv.slice(2)) {
    const r = JSON.parse(await readFile(file, 'utf8')) as Loose;
    r.seconds.astro ??= r.siteSeconds?.astro ?? null;
    r.seconds.pagefind ??= r.siteSeconds?.search ?? null;
    results.push(r);
  }
  results.sort((a, b) => a.articles - b.articles);
  console.log('| articles | seed pages | HTML files | ingest s | astro s | pagefind s | total s | total CPU s | peak RSS MB (stage) | load 1m before→after | date | commit |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of results) {
    const peakStage = Object.entries(r.peakRssMbByStage).find(([, v]) => v === r.peakRssMb)?.[0];
    const s = Object.fromEntries(Object.entries(r.seconds).map(([k, v]) => [k, v ?? `stopped`]));
    console.log(`| ${r.articles} | ${r.pages} | ${r.htmlFiles} | ${s.ingest} | ${s.astro} | ${s.pagefind} | ${s.total} | ${r.cpuSeconds?.total ?? '–'} | ${r.peakRssMb} (${peakStage}) | ${r.load.before.toFixed(1)}→${r.load.after.toFixed(1)} | ${r.date.slice(0, 16)}Z | ${r.commit} |`);
  }
  if (results.length >= 2) {
    for (const stage of ['ingest', 'astro', 'pagefind', 'total'] as const) {
      const points = results.flatMap((r) => { const y = r.seconds[stage]; return y == null ? [] : [{ x: r.articles, y }]; });
      if (points.length < 2) continue;
      // The slope between neighbouring sizes shows where growth bends (fixed start-up costs flatten small runs).
      const local = points.slice(1).map((p, i) => powerLawExponent([points[i]!, p]).toFixed(2));
      console.log(`exponent (${stage} seconds vs articles): ${powerLawExponent(points).toFixed(2)}; between neighbouring sizes: ${local.join(', ')}`);
    }
    for (const stage of ['ingest', 'astro', 'pagefind', 'total'] as const) {
      const cpu = results.flatMap((r) => { const y = r.cpuSeconds?.[stage]; return y ? [{ x: r.articles, y }] : []; });
      if (cpu.length >= 2) console.log(`exponent (${stage} CPU seconds vs articles): ${powerLawExponent(cpu).toFixed(2)} (${cpu.length} sizes)`);
    }
    const k = powerLawExponent(results.map((r) => ({ x: r.articles, y: r.peakRssMb })));
    console.log(`exponent (peak RSS vs articles): ${k.toFixed(2)}`);
  }
}
