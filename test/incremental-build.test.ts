// Issue 17's incremental steps apart from Astro: the merge into dist links only the parts whose folder
// changed since the last merge and ends with the files a fresh merge gives (no file of a vanished or
// rebuilt part left, no empty folder); a re-ingest validates only the archive files that are new or
// changed against the live archive, all of them when there is no record of the live one's validation.
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, mergeParts } from '../scripts/partitioned-build.ts';
import { digest } from '../scripts/pipeline/write-content.ts';
import { ValidatedFiles } from '../scripts/validated-files.ts';

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

async function folders(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).sort();
}

describe('mergeParts with a merge record', () => {
  it('relinks only changed parts and ends as a fresh merge does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-'));
    const [p1, p2, p3] = ['p1', 'p2', 'p3'].map((p) => join(root, 'parts', p)) as [string, string, string];
    await writeTree(p1, { 'a/2020-01-01/index.html': 'one', 'index.html': 'home' });
    await writeTree(p2, { 'b/2020-02-01/x/index.html': 'two' });
    await writeTree(p3, { 'c/2020-03-01/index.html': 'three' });
    const dist = join(root, 'dist');
    const record = join(root, 'merged.json');
    const lines: string[] = [];
    await mergeParts(dist, [p1, p2, p3], (l) => lines.push(l), record);
    expect(await listFiles(dist)).toEqual(['a/2020-01-01/index.html', 'b/2020-02-01/x/index.html', 'c/2020-03-01/index.html', 'index.html']);

    // p1 rebuilt with other files, p2 gone, p3 untouched, p4 new.
    await rm(p1, { recursive: true });
    await writeTree(p1, { 'a/2020-01-02/index.html': 'one again', 'index.html': 'home 2' });
    await rm(p2, { recursive: true });
    const p4 = join(root, 'parts', 'p4');
    await writeTree(p4, { 'd/2020-04-01/index.html': 'four' });
    await mergeParts(dist, [p1, p3, p4], (l) => lines.push(l), record);
    expect(lines.at(-1)).toMatch(/\(4 files; 2 changed, 0 changed in place, 3 files linked\)/u);
    expect(await listFiles(dist)).toEqual(['a/2020-01-02/index.html', 'c/2020-03-01/index.html', 'd/2020-04-01/index.html', 'index.html']);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('home 2');
    expect(await folders(dist)).toEqual(['a', 'a/2020-01-02', 'c', 'c/2020-03-01', 'd', 'd/2020-04-01']);

    // Without the record (or with dist replaced) it is a fresh merge: the same tree.
    const fresh = join(root, 'fresh');
    await mergeParts(fresh, [p1, p3, p4]);
    expect(await listFiles(fresh)).toEqual(await listFiles(dist));
    await rm(dist, { recursive: true });
    await mkdir(dist);
    await writeFile(join(dist, 'stray.txt'), 'left by hand');
    await mergeParts(dist, [p1, p3, p4], (l) => lines.push(l), record);
    expect(await listFiles(dist)).toEqual(await listFiles(fresh));
    await rm(root, { recursive: true, force: true });
  });
});

describe('mergeParts: a part changed in place (the search index)', () => {
  it('relinks only the files its manifest lists as pending, clears the list, and ends as a fresh merge does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-pending-'));
    const [site, search] = ['site', 'search'].map((p) => join(root, 'parts', p)) as [string, string];
    await writeTree(site, { 'index.html': 'home' });
    await writeTree(search, { 'pagefind/index.json': 'v1', 'pagefind/card/0/0.bin': 'card 0', 'pagefind/dict/1.bin': 'dict 1' });
    const manifest = (pending: string[] | null) => writeFile(`${search}.json`, JSON.stringify({ id: 'search', fingerprint: 'x', indexed: 1, pending }));
    await manifest(null);
    const dist = join(root, 'dist');
    const record = join(root, 'merged.json');
    const lines: string[] = [];
    await mergeParts(dist, [site, search], (l) => lines.push(l), record);
    expect(JSON.parse(await readFile(`${search}.json`, 'utf8')).pending).toEqual([]);

    // Appended in place, files replaced by rename (a hard link in dist keeps the old bytes), one removed, one added.
    const replace = async (file: string, text: string) => {
      await writeFile(join(search, `${file}.tmp`), text);
      await rename(join(search, `${file}.tmp`), join(search, file));
    };
    await replace('pagefind/index.json', 'v2');
    await writeTree(search, { 'pagefind/card/0/1.bin': 'card 1' });
    await rm(join(search, 'pagefind/dict/1.bin'));
    await manifest(['pagefind/card/0/1.bin', 'pagefind/dict/1.bin', 'pagefind/index.json']);
    await mergeParts(dist, [site, search], (l) => lines.push(l), record);
    expect(lines.at(-1)).toMatch(/\(4 files; 0 changed, 1 changed in place, 2 files linked\)/u);
    expect(await readFile(join(dist, 'pagefind/index.json'), 'utf8')).toBe('v2');
    expect(await listFiles(dist)).toEqual(['index.html', 'pagefind/card/0/0.bin', 'pagefind/card/0/1.bin', 'pagefind/index.json']);
    expect(await folders(dist)).toEqual(['pagefind', 'pagefind/card', 'pagefind/card/0']);
    expect(JSON.parse(await readFile(`${search}.json`, 'utf8')).pending).toEqual([]);

    // Nothing pending: nothing linked. Written anew (pending null): linked whole.
    await mergeParts(dist, [site, search], (l) => lines.push(l), record);
    expect(lines.at(-1)).toMatch(/0 changed, 0 changed in place, 0 files linked/u);
    await manifest(null);
    await mergeParts(dist, [site, search], (l) => lines.push(l), record);
    expect(lines.at(-1)).toMatch(/1 changed, 0 changed in place, 3 files linked/u);
    const fresh = join(root, 'fresh');
    await mergeParts(fresh, [site, search]);
    expect(await listFiles(fresh)).toEqual(await listFiles(dist));
    await rm(root, { recursive: true, force: true });
  });
});

describe('mergeParts: year exports', () => {
  it('writes again only the year exports of years whose issue exports changed, and ends as a fresh merge does', async () => {
    const root = await mkdtemp(join(tmpdir(), 'merge-years-'));
    const [p1, p2, p3] = ['p1', 'p2', 'p3'].map((p) => join(root, 'parts', p)) as [string, string, string];
    await writeTree(p1, { 'a/2020-01-01/articles.txt': 'jan\n', 'a/2020-01-01/articles.jsonl': '{"m":1}\n' });
    await writeTree(p2, { 'a/2020-02-01/articles.txt': 'feb\n', 'a/2020-02-01/articles.jsonl': '{"m":2}\n' });
    await writeTree(p3, { 'a/2021-01-01/articles.txt': 'next year\n', 'b/2021-01-01/articles.txt': 'paper b\n' });
    const dist = join(root, 'dist');
    const record = join(root, 'merged.json');
    await mergeParts(dist, [p1, p2, p3], () => {}, record);
    expect(await readFile(join(dist, 'a/2020/articles.txt'), 'utf8')).toBe('jan\n\nfeb\n');
    expect(await readFile(join(dist, 'a/2020/articles.jsonl'), 'utf8')).toBe('{"m":1}\n{"m":2}\n');
    const year2021 = (await stat(join(dist, 'a/2021/articles.txt'))).ino;

    // p2 rebuilt (February changed): the 2020 exports are written again, 2021's stay the same files.
    await rm(p2, { recursive: true });
    await writeTree(p2, { 'a/2020-02-01/articles.txt': 'feb, corrected\n', 'a/2020-02-01/articles.jsonl': '{"m":2,"c":1}\n' });
    await mergeParts(dist, [p1, p2, p3], () => {}, record);
    expect(await readFile(join(dist, 'a/2020/articles.txt'), 'utf8')).toBe('jan\n\nfeb, corrected\n');
    expect(await readFile(join(dist, 'a/2020/articles.jsonl'), 'utf8')).toBe('{"m":1}\n{"m":2,"c":1}\n');
    expect((await stat(join(dist, 'a/2021/articles.txt'))).ino).toBe(year2021);
    const fresh = join(root, 'fresh');
    await mergeParts(fresh, [p1, p2, p3]);
    const read = async (dir: string) => Promise.all((await listFiles(dir)).map(async (f) => [f, await readFile(join(dir, f), 'utf8')]));
    expect(await read(dist)).toEqual(await read(fresh));

    // p3 gone: its years' exports go with it; then p3 back as it was: they come back.
    await mergeParts(dist, [p1, p2], () => {}, record);
    expect((await listFiles(dist)).filter((f) => f.includes('2021'))).toEqual([]);
    await mergeParts(dist, [p1, p2, p3], () => {}, record);
    expect(await read(dist)).toEqual(await read(fresh));
    await rm(root, { recursive: true, force: true });
  });
});

describe('ValidatedFiles', () => {
  const article = (id: string) => JSON.stringify({
    id, paper: 'a', date: '2020-01-01', page: 1, order: 1, kind: 'news', kicker: null, title: '标题', subtitles: [], byline: null,
    paragraphs: ['正文。'], subheads: [], chars: 3, continuedTo: null, continuedFrom: null, continuedToId: null, continuedFromId: null,
    source: { file: 'a/2020-01-01/01.txt', line: 1 },
  });
  const archive = async (dir: string, files: Record<string, string>) => {
    await writeTree(dir, files);
    await writeFile(join(dir, 'digests.json'), JSON.stringify(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, digest(t)]))));
  };

  it('validates every file without a record, only new and changed files with one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'validated-'));
    const env = { INGEST_CACHE_DIR: join(out, 'cache') };
    // A live archive whose file 1 does not pass (as if it had been hand-edited after being validated).
    const broken = '{"id": "a/2020-01-01/01/1"}';
    await archive(join(out, 'archive'), { 'papers.json': '[]', 'articles/a/2020-01-01/01/1.json': broken });
    const next = join(out, '.archive-tmp-1');
    await archive(next, { 'papers.json': '[]', 'articles/a/2020-01-01/01/1.json': broken, 'articles/a/2020-01-01/01/2.json': article('a/2020-01-01/01/2') });

    // No record of the live archive's validation: everything is read, file 1 fails.
    const first = await ValidatedFiles.open(out, env);
    expect((await first.check(next)).map((d) => d.message).join('\n')).toMatch(/01\/1\.json/u);
    await first.remember();
    // The live archive is what ingest swapped in after that check (here: the checked folder's digests).
    await writeFile(join(out, 'archive', 'digests.json'), await readFile(join(next, 'digests.json')));
    await writeFile(join(out, 'archive', 'articles/a/2020-01-01/01/2.json'), article('a/2020-01-01/01/2'));
    await first.remember();

    // With the record, file 1 (the live archive's bytes) is taken as validated; a changed file that fails is found.
    const second = await ValidatedFiles.open(out, env);
    expect(await second.check(next)).toEqual([]);
    await writeFile(join(next, 'articles/a/2020-01-01/01/2.json'), '{"id": 2}');
    const digests = JSON.parse(await readFile(join(next, 'digests.json'), 'utf8')) as Record<string, string>;
    digests['articles/a/2020-01-01/01/2.json'] = digest('{"id": 2}');
    await writeFile(join(next, 'digests.json'), JSON.stringify(digests));
    const problems = await second.check(next);
    expect(problems.map((d) => d.message).join('\n')).toMatch(/01\/2\.json/u);
    expect(problems.map((d) => d.message).join('\n')).not.toMatch(/01\/1\.json/u);
    expect(await readdir(out)).not.toContain('.archive-tmp-1-changed');
    await rm(out, { recursive: true, force: true });
  });
});
