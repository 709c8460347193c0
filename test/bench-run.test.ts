// `npm run bench` end to end on a small archive: every stage runs on the generated archive (not the
// project's content/ or dist/, thanks to CONTENT_DIR and DIST_DIR), and the JSON result adds up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { defaultGenerateOptions, generatePages } from '../bench/generate.ts';
import type { BenchResult } from '../bench/run.ts';

const out = '.tmp/bench-test';
const projectArchive = 'content/archive/papers.json';

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('builds and indexes a generated archive of 60 articles apart from the project', { timeout: 300_000 }, async () => {
    rmSync(out, { recursive: true, force: true });
    const before = existsSync(projectArchive) ? readFileSync(projectArchive, 'utf8') : null;
    const run = spawnSync(process.execPath, ['bench/run.ts', '--articles', '60', '--json', `${out}.json`, '--out', out, '--keep'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^total\s+[\d.]+\s+[\d.]+\s+\d+/mu);

    const result = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as BenchResult;
    rmSync(`${out}.json`);
    const pages = [...generatePages(await readCorpus('seeds'), { ...defaultGenerateOptions, articles: 60 })];
    expect(result.stopped).toBeNull();
    expect(result.articles).toBe(60);
    expect(result.pages).toBe(pages.length);
    const { ingest, site, total } = result.seconds as Record<string, number>;
    expect(Math.min(ingest!, site!)).toBeGreaterThan(0);
    expect(total).toBeCloseTo(ingest! + site!, 0);
    // The site stage's parts, as the build reports them: Astro jobs and Pagefind take time, within the stage.
    const parts = result.siteSeconds!;
    expect(Math.min(parts.astro, parts.search)).toBeGreaterThan(0);
    expect(parts.astro + parts.search + parts.merge).toBeLessThanOrEqual(site! + 0.2);
    // Astro's build (a grandchild) spends seconds of CPU; the child-process accounting must see them.
    expect(result.cpuSeconds.site).toBeGreaterThan(0.5);
    expect(result.peakRssMb).toBe(Math.max(...(Object.values(result.peakRssMbByStage) as number[])));
    expect(result.peakRssMbByStage.site).toBeGreaterThan(50);
    expect(result.addDay).toBeNull();

    // The site built is the generated archive: its first article has a page, and the search index holds it.
    const first = pages[0]!;
    expect(existsSync(`${out}/dist/${first.paper}/${first.date}/01/1/index.html`)).toBe(true);
    expect(result.htmlFiles).toBeGreaterThanOrEqual(60);
    expect(readdirSync(`${out}/dist/pagefind`)).toContain('index.json');
    expect(existsSync(`${out}/content/archive/papers.json`)).toBe(true);
    // … and the project's own archive was left alone.
    expect(existsSync(projectArchive) ? readFileSync(projectArchive, 'utf8') : null).toBe(before);
  });

  it('stops a stage that passes --max-rss-mb, and runs no later stage', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ['bench/run.ts', '--articles', '500', '--json', `${out}-stop.json`, '--out', `${out}-stop`, '--max-rss-mb', '30'], { encoding: 'utf8' });
    rmSync(`${out}-stop`, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(`${out}-stop.json`, 'utf8')) as BenchResult;
    rmSync(`${out}-stop.json`);
    expect(result.stopped).toEqual({ stage: 'ingest', reason: expect.stringMatching(/passed the limit of 30 MB/u) });
    expect(result.peakRssMbByStage.ingest).toBeGreaterThan(30);
    expect(result.seconds).toMatchObject({ site: null, total: null });
  });
});
