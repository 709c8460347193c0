// Writing content: markup-looking seed text stays text (data in JSON, no Markdown body); a re-run
// leaves no stale files; a failed write leaves the previous archive untouched.
import { mkdir, mkdtemp, readFile, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveArticle } from '../src/lib/archive-schema.ts';
import type { Archive } from '../scripts/pipeline/build-issues.ts';
import { writeContent, type IngestReport } from '../scripts/pipeline/write-content.ts';

// Failure injection: writeFile fails on the call number set here (0 = never).
const failOnWrite = vi.hoisted(() => ({ at: 0, calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    writeFile: (...args: Parameters<typeof fs.writeFile>) => {
      failOnWrite.calls++;
      if (failOnWrite.at && failOnWrite.calls === failOnWrite.at) return Promise.reject(new Error('injected: disk full'));
      return fs.writeFile(...args);
    },
  };
});
afterEach(() => Object.assign(failOnWrite, { at: 0, calls: 0 }));

const lines = (await readFile('test/fixtures/hostile/markup-lines.txt', 'utf8')).split('\n').filter((l) => l.trim());

function article(id: string, paragraphs: string[], title: string | null = null): ArchiveArticle {
  const [paper, date, page, order] = id.split('/');
  return {
    id, paper: paper!, date: date!, page: Number(page), order: Number(order), kind: 'news',
    kicker: null, title, subtitles: [], byline: null, paragraphs, subheads: [], chars: paragraphs.join('').length,
    continuedTo: null, continuedFrom: null, continuedToId: null, continuedFromId: null, source: { file: 'x.txt', line: 1 },
  };
}

function archiveOf(articles: ArchiveArticle[]): Archive {
  return { papers: [], issues: [], articles };
}
const report: IngestReport = { summary: { seeds: 0, read: 0, pages: 0, issues: 0, articles: 0, errors: 0, warnings: 0 }, diagnostics: [] };

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('markup-looking text stays text', () => {
  it('an article file is JSON that reads back as the same strings (markup, `---`, `#`, `: `, newlines), and nothing else', async () => {
    const out = await mkdtemp(join(tmpdir(), 'write-'));
    const a = article('p/2024-03-01/01/1', [...lines, lines.join('\n')], lines.join('\n'));
    a.kicker = '---';
    a.subtitles = ['# 副题', 'key: value', 'yes', '2024-03-01'];
    await writeContent(out, archiveOf([a]), report);
    const text = await readFile(join(out, 'archive/articles/p/2024-03-01/01/1.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(a);
    // One copy of the text: the paragraphs are not repeated as a body.
    expect(text.split(JSON.stringify(lines[0]!)).length - 1).toBe(1);
  });
});

describe('writeContent', () => {
  it('a re-run leaves only what the new archive holds (no stale pages)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'write-'));
    await writeContent(out, archiveOf([article('old-daily/2020-01-01/01/1', ['旧']), article('p/2024-03-01/01/1', ['一'])]), report);
    await writeContent(out, archiveOf([article('p/2024-03-01/01/1', ['新'])]), report);
    expect(await listFiles(join(out, 'archive'))).toEqual(['articles/p/2024-03-01/01/1.json', 'digests.json', 'papers.json', 'report.json']);
    expect(await readdir(out)).toEqual(['archive']);
  });

  it('a failure half-way leaves the previous archive as it was, and no temporary folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'write-'));
    const before = archiveOf([article('p/2024-03-01/01/1', ['第一版'])]);
    await writeContent(out, before, report);
    const snapshot = await readFile(join(out, 'archive/articles/p/2024-03-01/01/1.json'), 'utf8');

    // papers.json, then the issue's three articles at once: the second fails, the third is still written.
    Object.assign(failOnWrite, { at: 3, calls: 0 });
    const after = archiveOf([article('p/2024-03-01/01/1', ['改写']), article('p/2024-03-01/01/2', ['新增']), article('p/2024-03-01/01/3', ['再增'])]);
    await expect(writeContent(out, after, report)).rejects.toThrow('injected');
    expect(failOnWrite.calls).toBe(4);
    expect(await listFiles(join(out, 'archive'))).toEqual(['articles/p/2024-03-01/01/1.json', 'digests.json', 'papers.json', 'report.json']);
    expect(await readFile(join(out, 'archive/articles/p/2024-03-01/01/1.json'), 'utf8')).toBe(snapshot);
    expect(await readdir(out)).toEqual(['archive']);
  });

  it('clears what a killed run left, and puts back an archive it had moved aside', async () => {
    const out = await mkdtemp(join(tmpdir(), 'write-'));
    await writeContent(out, archiveOf([article('p/2024-03-01/01/1', ['旧档'])]), report);
    const snapshot = await readFile(join(out, 'archive/articles/p/2024-03-01/01/1.json'), 'utf8');
    // Killed between the two renames: the archive is under its old name, a temporary folder lies beside it.
    await rename(join(out, 'archive'), join(out, '.archive-old-99999'));
    await mkdir(join(out, '.archive-tmp-99999/articles'), { recursive: true });
    Object.assign(failOnWrite, { at: 1, calls: 0 });
    await expect(writeContent(out, archiveOf([article('p/2024-03-01/01/1', ['新档'])]), report)).rejects.toThrow('injected');
    expect(await readdir(out)).toEqual(['archive']);
    expect(await readFile(join(out, 'archive/articles/p/2024-03-01/01/1.json'), 'utf8')).toBe(snapshot);
  });

  it('refuses an id that would write outside the archive folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'write-'));
    await expect(writeContent(out, archiveOf([article('../../escape/2024-03-01/01/1', ['x'])]), report)).rejects.toThrow(/outside/u);
    expect(await readdir(out)).toEqual([]);
  });
});
