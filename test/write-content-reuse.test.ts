// Issue 17: write-content moves each unchanged issue's folder from the live archive into the new one
// instead of writing it again. The archive it leaves is the same, file for file and byte for byte, as
// one written from nothing; a refused or killed run leaves the live archive whole.
import { cp, mkdtemp, readFile, readdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveArticle, ArchiveIssue, ArchivePaper } from '../src/lib/archive-schema.ts';
import type { Archive } from '../scripts/pipeline/build-issues.ts';
import { writeContent, type IngestReport } from '../scripts/pipeline/write-content.ts';

const report: IngestReport = { summary: { seeds: 0, read: 0, pages: 0, issues: 0, articles: 0, errors: 0, warnings: 0 }, diagnostics: [] };

function article(id: string, text: string): ArchiveArticle {
  const [paper, date, page, order] = id.split('/');
  return {
    id, paper: paper!, date: date!, page: Number(page), order: Number(order), kind: 'news',
    kicker: null, title: `标题${order}`, subtitles: [], byline: null, paragraphs: [text], subheads: [], chars: text.length,
    continuedTo: null, continuedFrom: null, continuedToId: null, continuedFromId: null, source: { file: `${paper}/${date}/${page}.txt`, line: 1 },
  };
}

/** An issue of the given articles (ids `<paper>/<date>/<NN>/<k>`), with its page list as build-issues makes it. */
function issue(id: string, articles: ArchiveArticle[]): ArchiveIssue {
  const [paper, date] = id.split('/');
  const numbers = [...new Set(articles.map((a) => a.page))].sort((a, b) => a - b);
  return {
    id, paper: paper!, paperName: paper!, date: date!, dateSource: 'path', number: null, totalPages: numbers.length, lunarDate: null, weekday: null,
    pages: numbers.map((number) => ({
      number, name: null, sources: [`${id}/${number}.txt`], furniture: [],
      articles: articles.filter((a) => a.page === number).map((a) => ({ id: a.id, order: a.order, kind: a.kind, title: a.title, chars: a.chars })),
    })),
  } as ArchiveIssue;
}

/** An archive of issues given as id → article texts per page (`'01/1': text`). */
function archiveOf(issues: Record<string, Record<string, string>>): Archive {
  const articles = Object.entries(issues).flatMap(([id, texts]) => Object.entries(texts).map(([k, text]) => article(`${id}/${k}`, text)));
  const papers = [...new Set(Object.keys(issues).map((id) => id.split('/')[0]!))].map((id) => ({ id, name: id })) as unknown as ArchivePaper[];
  return { papers, issues: Object.keys(issues).map((id) => issue(id, articles.filter((a) => a.id.startsWith(`${id}/`)))), articles };
}

/** Every file under a folder: path → bytes as text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const e of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((x) => x.isFile())) {
    const path = join(e.parentPath, e.name);
    files[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const inode = async (path: string): Promise<number> => (await stat(path)).ino;

const day1 = archiveOf({
  'p/2024-03-01': { '01/1': '一版头条', '01/2': '一版二条', '02/1': '二版' },
  'p/2024-03-02': { '01/1': '次日头条' },
  'q/2024-03-01': { '01/1': '乙报一', '01/2': '乙报二' },
  'r/2024-03-01': { '01/1': '丙报' },
});
// The next run: p/2024-03-01 as it was, p/2024-03-02 with an article changed, q/2024-03-01 with one
// article fewer (the other as it was), r/2024-03-01 gone, a new day p/2024-03-03.
const day2 = archiveOf({
  'p/2024-03-01': { '01/1': '一版头条', '01/2': '一版二条', '02/1': '二版' },
  'p/2024-03-02': { '01/1': '次日头条（更正）' },
  'q/2024-03-01': { '01/1': '乙报一' },
  'p/2024-03-03': { '01/1': '新的一天' },
});

describe('writeContent reuses unchanged issues', () => {
  it('moves an unchanged issue, writes the rest, and ends as a clean write of the same archive', async () => {
    const out = await mkdtemp(join(tmpdir(), 'reuse-'));
    await writeContent(out, day1, report);
    const kept = await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'));
    const keptIssue = await inode(join(out, 'archive/issues/p/2024-03-01.json'));
    const changed = await inode(join(out, 'archive/articles/q/2024-03-01/01/1.json'));
    expect(await writeContent(out, day2, report)).toBe(true);

    const clean = await mkdtemp(join(tmpdir(), 'reuse-clean-'));
    await writeContent(clean, day2, report);
    expect(await tree(join(out, 'archive'))).toEqual(await tree(join(clean, 'archive')));
    expect(Object.keys(await tree(join(out, 'archive')))).not.toContain('articles/q/2024-03-01/01/2.json');
    expect(Object.keys(await tree(join(out, 'archive'))).filter((p) => p.includes('r/'))).toEqual([]);
    // The unchanged issue's files are the same files (moved, not written); the issue that lost an article was written.
    expect(await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'))).toBe(kept);
    expect(await inode(join(out, 'archive/issues/p/2024-03-01.json'))).toBe(keptIssue);
    expect(await inode(join(out, 'archive/articles/q/2024-03-01/01/1.json'))).not.toBe(changed);
    expect(await readdir(out)).toEqual(['archive']);
  });

  it('writes everything with reuse off', async () => {
    const out = await mkdtemp(join(tmpdir(), 'reuse-off-'));
    await writeContent(out, day1, report);
    const kept = await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'));
    await writeContent(out, day2, report, undefined, { reuse: false });
    expect(await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'))).not.toBe(kept);
  });

  it('a refused archive leaves the live one whole: moved issues are put back', async () => {
    const out = await mkdtemp(join(tmpdir(), 'reuse-refused-'));
    await writeContent(out, day1, report);
    const before = await tree(join(out, 'archive'));
    const kept = await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'));
    let seen: string[] = [];
    expect(await writeContent(out, day2, report, async (dir) => {
      seen = Object.keys(await tree(dir));
      return false;
    })).toBe(false);
    expect(seen).toContain('articles/p/2024-03-01/01/1.json');
    expect(await tree(join(out, 'archive'))).toEqual(before);
    expect(await inode(join(out, 'archive/articles/p/2024-03-01/01/1.json'))).toBe(kept);
    expect(await readdir(out)).toEqual(['archive']);
  });

  it('the next run puts back what a run killed half-way had moved out of the archive', async () => {
    const out = await mkdtemp(join(tmpdir(), 'reuse-killed-'));
    await writeContent(out, day1, report);
    const before = await tree(join(out, 'archive'));
    // The state of the output folder when the new archive is made and checked: a copy of it is the
    // folder as a run killed at that moment leaves it.
    const killed = await mkdtemp(join(tmpdir(), 'reuse-killed-copy-'));
    const swapping = await mkdtemp(join(tmpdir(), 'reuse-killed-swap-'));
    await writeContent(out, day2, report, async () => {
      await cp(out, killed, { recursive: true });
      await cp(out, swapping, { recursive: true });
      return false;
    });
    expect((await readdir(killed)).some((n) => n.startsWith('.archive-moves-'))).toBe(true);
    expect(Object.keys(await tree(join(killed, 'archive')))).not.toContain('articles/p/2024-03-01/01/1.json');
    // Killed between the two renames: the archive under its old name as well.
    const run = (await readdir(swapping)).find((n) => n.startsWith('.archive-moves-'))!.slice('.archive-moves-'.length, -'.json'.length);
    await rename(join(swapping, 'archive'), join(swapping, `.archive-old-${run}`));

    for (const dir of [killed, swapping]) {
      // A run whose archive is refused leaves the live archive as its recovery made it.
      expect(await writeContent(dir, day2, report, async () => false)).toBe(false);
      expect(await tree(join(dir, 'archive'))).toEqual(before);
      expect(await readdir(dir)).toEqual(['archive']);
    }
  });
});
