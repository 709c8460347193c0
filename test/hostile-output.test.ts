// The output side under hostile input and faults (issue 14 #1, #2, #4, #7): the archive is read back as
// the site reads it before it replaces the previous one; one run at a time per output folder (a lock,
// stale locks cleared); `--json` names that cannot collide nor outgrow a file name, fs failures as
// diagnostics; repeated diagnostics folded.
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../src/lib/archive-schema.ts';
import { ingest } from '../scripts/build-content.ts';
import { LOCK_FILE } from '../scripts/lock-output.ts';
import { MAX_NAME_BYTES, nameJsonFiles } from '../scripts/pipeline/name-json-files.ts';
import { validateArchive } from '../scripts/pipeline/validate-archive.ts';
import { writeContent, type IngestReport } from '../scripts/pipeline/write-content.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hostile-output-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const page = (title: string, n = 1) => `测试日报 2022年5月1日 星期日\n第0${n}版：要闻\n\n${title}\n\n本报讯 这是第${n}版的正文，内容完整，一个字也不能少。\n`;

async function seedsFolder(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const seeds = join(dir, name, 'seeds');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(seeds, file, '..'), { recursive: true });
    await writeFile(join(seeds, file), text);
  }
  return seeds;
}

async function articleFiles(out: string): Promise<string[]> {
  const base = join(out, 'archive/articles');
  return (await readdir(base, { recursive: true })).filter((f) => /\.(?:md|json)$/u.test(f)).map((f) => join(base, f));
}

const cli = (args: string[]) => spawnSync(process.execPath, ['scripts/build-content.ts', ...args], { encoding: 'utf8' });

describe('issue 14 #1: text the content layer cannot carry', () => {
  it('one U+FFFF in a headline: the page is kept, the archive reads back in Astro, a warning names the seed', async () => {
    const seeds = await seedsFolder('uffff', { 'ch-daily/2022-05-01/01.txt': '标题\uffff含\n\n本报讯 正文。\n', 'ch-daily/2022-05-01/02.txt': page('第二版标题', 2) });
    const out = join(dir, 'uffff', 'content');
    const report = await ingest({ seeds, out, log: () => {} });
    expect(report.written).toBe(true);
    expect(report.summary.read).toBe(2);
    expect(report.diagnostics.find((d) => d.ruleId === 'sanitise/replaced')).toMatchObject({ file: 'ch-daily/2022-05-01/01.txt', line: 1, column: 3, severity: 'warning' });
    const texts: string[] = [];
    for (const file of await articleFiles(out)) {
      const text = await readFile(file, 'utf8');
      const frontmatter = file.endsWith('.json') ? JSON.parse(text) : parseFrontmatter(text).frontmatter;
      const article = articleSchema.parse(frontmatter);
      texts.push(article.title ?? '', ...article.paragraphs);
    }
    expect(texts.join('\n')).toContain('标题\ufffd含');
    expect(texts.join('\n')).toContain('第二版标题');
  });

  it('an archive the site cannot read is refused before the swap; the previous one stays', async () => {
    const seeds = await seedsFolder('refuse', { 'ch-daily/2022-05-01/01.txt': page('好的标题') });
    const out = join(dir, 'refuse', 'content');
    await ingest({ seeds, out, log: () => {} });
    const [file] = await articleFiles(out);
    const good = await readFile(file!, 'utf8');
    // A file as an older writer would have made it: raw U+FFFF in the data.
    await writeFile(file!, good.replace('好的标题', '坏\uffff标题'));
    const problems = await validateArchive(join(out, 'archive'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', ruleId: 'validate/unreadable' });
    expect(problems[0]!.message).toMatch(/^the site cannot read articles\/ch-daily\/2022-05-01\/01\/1\.(?:md: the stream contains non-printable characters|json: U\+FFFF in)/u);
    // A schema break names the seed the entry came from.
    await writeFile(file!, good.replace(/^(page: |\s*"page": )1\b/mu, '$10'));
    expect((await validateArchive(join(out, 'archive')))[0]).toMatchObject({ file: 'ch-daily/2022-05-01/01.txt', ruleId: 'validate/unreadable' });
    await writeFile(file!, good);
    expect(await validateArchive(join(out, 'archive'))).toEqual([]);

    const report: IngestReport = { summary: { seeds: 0, read: 0, pages: 0, issues: 0, articles: 0, errors: 0, warnings: 0 }, diagnostics: [] };
    expect(await writeContent(out, { papers: [], issues: [], articles: [] } as never, report, async () => false)).toBe(false);
    expect(await readFile(file!, 'utf8')).toBe(good);
    expect((await readdir(out)).sort()).toEqual(['archive']);
  });
});

describe('issue 14 #2: one run at a time per output folder', () => {
  it('a live lock stops the run with a clear message and touches nothing', async () => {
    const seeds = await seedsFolder('locked', { 'ch-daily/2022-05-01/01.txt': page('标题') });
    const out = join(dir, 'locked', 'content');
    await mkdir(out, { recursive: true });
    const owner = { pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' };
    await writeFile(join(out, LOCK_FILE), JSON.stringify(owner));
    const lines: string[] = [];
    const report = await ingest({ seeds, out, log: (l) => lines.push(l) });
    expect(report.written).toBe(false);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['write/locked']);
    expect(lines.join('\n')).toContain(`another ingest is writing to this folder (pid ${process.pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z)`);
    expect((await readdir(out)).sort()).toEqual([LOCK_FILE]);
    await rm(join(out, LOCK_FILE));
  });

  it('a stale lock (its process is gone) or a garbled one is cleared and the run goes on', async () => {
    const seeds = await seedsFolder('stale', { 'ch-daily/2022-05-01/01.txt': page('标题') });
    const out = join(dir, 'stale', 'content');
    await mkdir(out, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    for (const lock of [JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: 'then' }), '{"pi']) {
      await writeFile(join(out, LOCK_FILE), lock);
      const lines: string[] = [];
      const report = await ingest({ seeds, out, log: (l) => lines.push(l) });
      expect(report.written, lines.join('\n')).toBe(true);
      expect(lines[0]).toMatch(/^ingest: cleared a stale lock/u);
      expect(await readdir(out)).toEqual(['archive']);
    }
  });

  it('two runs at once: each either writes a whole archive or says another run holds the folder', async () => {
    const files: Record<string, string> = {};
    for (let d = 1; d <= 20; d++) for (let p = 1; p <= 8; p++) files[`ch-daily/2022-05-${String(d).padStart(2, '0')}/0${p}.txt`] = page(`第${d}日第${p}版标题`, p);
    const seeds = await seedsFolder('race', files);
    const out = join(dir, 'race', 'content');
    const start = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/build-content.ts', '--seeds', seeds, '--out', out]);
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += c));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const runs = await Promise.all([start(), start(), start()]);
    expect(runs.some((r) => r.status === 0)).toBe(true);
    for (const run of runs) {
      if (run.status === 0) expect(run.stderr).toMatch(/→ 160 pages, 20 issues, 160 articles/u);
      else expect(run.stderr).toMatch(/error {2}another ingest is writing to this folder .* {2}write\/locked$/mu);
    }
    expect(await readdir(out)).toEqual(['archive']);
    expect(await articleFiles(out)).toHaveLength(160);
    expect(JSON.parse(await readFile(join(out, 'archive/papers.json'), 'utf8'))[0].issueDates).toHaveLength(20);
  }, 600_000);
});

describe('issue 14 #4: --json names', () => {
  const long = '长'.repeat(80) + 'x'.repeat(10); // 250 bytes
  const deep = Array.from({ length: 600 }, () => 'd').join('/');
  const seedFiles = {
    'ch-daily/2022-05-01/01.txt': page('普通'),
    [`${long}/2022-05-01/01.txt`]: page('长名'),
    [`${deep}/01.txt`]: page('深层'),
    '01.txt': page('甲'),
    '01.md': page('乙'),
    'x__y/01.txt': page('丙'),
    'x/y/01.txt': page('丁'),
    'Case/01.txt': page('戊'),
    'case/01.txt': page('己'),
  };

  it('are unique (also to a case-insensitive file system), within file-name limits, readable where they can be', () => {
    const names = nameJsonFiles(Object.keys(seedFiles));
    const all = [...names.values()];
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
    for (const name of all) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(names.get('ch-daily/2022-05-01/01.txt')).toBe('ch-daily__2022-05-01__01.json');
    expect(names.get('01.txt')).toMatch(/^01~[0-9a-f]{8}\.json$/u);
    expect(names.get('x/y/01.txt')).toMatch(/^x__y__01~[0-9a-f]{8}\.json$/u);
    expect(names.get(`${deep}/01.txt`)).toMatch(/^d__d__d__.*~[0-9a-f]{8}\.json$/u);
    // The same seeds give the same names, in any order.
    expect(nameJsonFiles(Object.keys(seedFiles).reverse())).toEqual(names);
  });

  it('a run with long, deep and colliding paths writes one JSON per page read, no crash', async () => {
    const seeds = await seedsFolder('json', seedFiles);
    const json = join(dir, 'json', 'json');
    const report = await ingest({ seeds, out: join(dir, 'json', 'content'), json, log: () => {} });
    expect(report.summary.read).toBe(9);
    const written = await readdir(json);
    expect(written).toHaveLength(9);
    const seedsIn = await Promise.all(written.map(async (f) => JSON.parse(await readFile(join(json, f), 'utf8')).seed));
    expect(seedsIn.sort()).toEqual(Object.keys(seedFiles).sort());
  });

  it('a JSON file or folder that cannot be written is a diagnostic naming the seed; the run goes on', async () => {
    const seeds = await seedsFolder('json-fail', { 'ch-daily/2022-05-01/01.txt': page('一'), 'ch-daily/2022-05-01/02.txt': page('二', 2) });
    const json = join(dir, 'json-fail', 'json');
    await mkdir(join(json, 'ch-daily__2022-05-01__01.json'), { recursive: true });
    const report = await ingest({ seeds, out: join(dir, 'json-fail', 'content'), json, log: () => {} });
    expect(report.written).toBe(true);
    expect(report.diagnostics.filter((d) => d.ruleId === 'write/json-failed')).toMatchObject([{ file: 'ch-daily/2022-05-01/01.txt', severity: 'error' }]);
    expect(await readdir(json)).toContain('ch-daily__2022-05-01__02.json');
    const blocked = join(dir, 'json-fail', 'a-file');
    await writeFile(blocked, '');
    const again = await ingest({ seeds, out: join(dir, 'json-fail', 'content'), json: join(blocked, 'json'), log: () => {} });
    expect(again.written).toBe(true);
    expect(again.diagnostics.filter((d) => d.ruleId === 'write/json-failed')).toHaveLength(1);
  });
});

describe('issue 14 #7: output folder failures and floods', () => {
  it('an output folder that cannot be written is one diagnostic, exit 1, no stack trace', async () => {
    const seeds = await seedsFolder('out-fail', { 'ch-daily/2022-05-01/01.txt': page('标题') });
    const file = join(dir, 'out-fail', 'not-a-folder');
    await writeFile(file, '');
    const run = cli(['--seeds', seeds, '--out', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
    expect(run.stderr).toMatch(/^.*not-a-folder:1:1 {2}error {2}cannot write to the output folder \(EEXIST\); nothing written {2}write\/failed$/mu);
    const below = cli(['--seeds', seeds, '--out', join(file, 'content')]);
    expect(below.status).toBe(1);
    expect(below.stderr).not.toMatch(/^\s+at /mu);
    expect(below.stderr).toMatch(/error {2}cannot write to the output folder \(ENOTDIR\); nothing written {2}write\/failed$/mu);
  });

  it('50,000 lines with one bad character each give a short report, not 50,000 lines', async () => {
    // Every line draws one warning of one kind (sanitise/replaced): the page reports them as 3 + 1 folded.
    const seeds = await seedsFolder('flood', { 'ch-daily/2022-05-01/01.txt': '字\uffff\n'.repeat(50_000) });
    const out = join(dir, 'flood', 'content');
    const report = await ingest({ seeds, out, log: () => {} });
    expect(report.written).toBe(true);
    expect(report.diagnostics.length).toBeLessThan(20);
    expect(report.diagnostics.some((d) => /^49997 more like this on this page \(4:2 to 50000:2\)/u.test(d.message))).toBe(true);
    expect((await readFile(join(out, 'archive/report.json'))).length).toBeLessThan(10_000);
  }, 600_000);
});
