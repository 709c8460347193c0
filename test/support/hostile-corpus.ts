// The hostile corpus as one seeds folder: the checked-in cases of test/fixtures/hostile/seeds/ plus the
// ones that cannot be checked in: a 20 MB page, a page of pathologically long lines, a FIFO, symbolic links leading out of the folder (to a
// file holding a secret that must never reach the output) and one staying inside it.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SECRET = '机密-OUTSIDE-SEEDS-7f3a';
const HUGE_BYTES = 20 * 1024 * 1024;
const EVIL_NAME = 'line\nbreak \u001b[31mred\u001b[0m.txt';
export const LONG_FOLDER = '长'.repeat(80) + 'x'.repeat(10);
export const DEEP_FOLDER = `generated/${Array.from({ length: 300 }, () => 'd').join('/')}`;

export interface HostileCorpus {
  /** The temporary folder holding both (remove it when done). */
  dir: string;
  /** The seeds folder. */
  seeds: string;
  /** A folder beside it that nothing may read from or write to. */
  outside: string;
}

export async function makeHostileCorpus(): Promise<HostileCorpus> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-'));
  const seeds = join(dir, 'seeds');
  const outside = join(dir, 'outside');
  await cp('test/fixtures/hostile/seeds', seeds, { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), `测试日报 2024年3月2日\n${SECRET}\n`);

  await mkdir(join(seeds, 'generated'));
  // A 20 MB page of real-looking text, written in 1 MB chunks.
  const line = '本报讯 这是一页超大的稿件，用来检验内存是否有界。'.repeat(10) + '\n';
  const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line))));
  const huge = await open(join(seeds, 'generated/huge.txt'), 'w');
  for (let written = 0; written < HUGE_BYTES; written += chunk.length) await huge.write(chunk);
  await huge.close();

  // Lines that make backtracking regexes quadratic (a 200,000-digit run took minutes in the masthead
  // reader once): each pathological shape as one long line, under the size limit, so it is read.
  const shapes = ['1', 'a.', '@', 'a@', '第', '年', ' ', '《', '本报', 'http://', '■'];
  await writeFile(join(seeds, 'generated/long-lines.txt'), shapes.map((u) => u.repeat(Math.ceil(100_000 / u.length))).join('\n'));

  // A file name holding a line break and a terminal escape sequence: diagnostics must stay one line each.
  await writeFile(join(seeds, 'generated', EVIL_NAME), '本报讯 文件名里有换行和终端控制符。\n');

  await symlink(join(outside, 'secret.txt'), join(seeds, 'generated/link-outside.txt'));
  await symlink(outside, join(seeds, 'generated/folder-outside.txt'));
  await symlink('../extra/same-page.txt', join(seeds, 'generated/link-inside.txt'));
  await symlink(join(seeds, 'generated/no-such-file'), join(seeds, 'generated/broken-link.txt'));
  // Issue 14: a UTF-16 page with a lone surrogate (kept, the surrogate replaced), a paper folder of 250
  // bytes (slugified, capped) and a seed 300 folders deep (unplaced, but its --json name must fit).
  await writeFile(join(seeds, 'hostile-daily/2024-03-02/06.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('测试日报 2024年3月2日 星期六\n第06版：要闻\n孤立代理标题\n\n本报讯 孤立代理正文标记：这里有一个', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('孤立的代理项，其余照常。\n', 'utf16le')]));
  await mkdir(join(seeds, LONG_FOLDER, '2024-03-02'), { recursive: true });
  await writeFile(join(seeds, LONG_FOLDER, '2024-03-02/01.txt'), '长名标题\n\n本报讯 长文件夹正文标记：报纸文件夹的名字有二百五十个字节。\n');
  await mkdir(join(seeds, DEEP_FOLDER), { recursive: true });
  await writeFile(join(seeds, DEEP_FOLDER, '01.txt'), '测试日报 2024年3月3日 第01版：要闻\n深层标题\n\n本报讯 深层文件夹正文标记。\n');

  const fifo = spawnSync('mkfifo', [join(seeds, 'generated/fifo.txt')]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
  return { dir, seeds, outside };
}

/**
 * Every bad file and manifest entry of the corpus, with the rule id its diagnostic must carry
 * (`file` relative to the seeds folder; manifest entries by line).
 */
export const expectedDiagnostics: { at: string; ruleId: string }[] = [
  { at: 'broken/blank.txt:1:1', ruleId: 'decode/empty' },
  { at: 'broken/empty.txt:1:1', ruleId: 'decode/empty' },
  { at: 'broken/controls.txt:1:1', ruleId: 'decode/binary' },
  { at: 'broken/image.txt:1:1', ruleId: 'decode/binary' },
  { at: 'broken/nul.txt:1:1', ruleId: 'decode/binary' },
  { at: 'broken/not-text.txt:1:1', ruleId: 'decode/not-text' },
  { at: 'generated/huge.txt:1:1', ruleId: 'seeds/too-large' },
  { at: 'generated/fifo.txt:1:1', ruleId: 'seeds/not-a-file' },
  { at: 'generated/link-outside.txt:1:1', ruleId: 'seeds/outside-link' },
  { at: 'generated/folder-outside.txt:1:1', ruleId: 'seeds/outside-link' },
  { at: 'generated/broken-link.txt:1:1', ruleId: 'seeds/not-a-file' },
  // Followed (it stays inside the folder) and read on its own: no path, manifest entry or masthead.
  { at: 'generated/link-inside.txt:1:1', ruleId: 'build/unplaced-page' },
  { at: 'hostile-daily/2024-03-01/02.txt:1:1', ruleId: 'decode/encoding' },
  { at: 'hostile-daily/2024-03-01/03.txt:1:1', ruleId: 'decode/encoding' },
  { at: 'hostile-daily/2024-03-01/03.txt:1:1', ruleId: 'decode/line-ends' },
  { at: 'hostile-daily/2024-03-01/04.txt:1:1', ruleId: 'decode/encoding' },
  { at: 'hostile-daily/2024-03-01/05.txt:1:1', ruleId: 'decode/line-ends' },
  { at: 'hostile-daily/2024-03-01/07.txt:1:1', ruleId: 'build/page-gap' },
  { at: 'hostile-daily/2024-03-01/00.txt:1:1', ruleId: 'build/bad-page-number' },
  { at: 'hostile-daily/2999-01-01/01.txt:1:1', ruleId: 'build/future-date' },
  { at: 'hostile-daily/2024-03-01/01.txt:1:1', ruleId: 'build/duplicate-page' },
  { at: 'manifest.yaml:4:3', ruleId: 'manifest/bad-slug' },
  { at: 'manifest.yaml:7:3', ruleId: 'manifest/bad-path' },
  { at: 'manifest.yaml:8:3', ruleId: 'manifest/bad-path' },
  { at: 'manifest.yaml:9:3', ruleId: 'manifest/missing-file' },
  { at: 'manifest.yaml:10:', ruleId: 'manifest/bad-date' },
  { at: 'manifest.yaml:11:', ruleId: 'manifest/bad-page' },
  { at: 'manifest.yaml:12:', ruleId: 'manifest/unknown-publication' },
  // Issue 14: damaged pages kept, each damage reported at its place.
  { at: 'hostile-daily/2024-03-02/01.txt:3:3', ruleId: 'sanitise/replaced' },
  { at: 'hostile-daily/2024-03-02/02.txt:5:23', ruleId: 'decode/bad-bytes' },
  { at: 'hostile-daily/2024-03-02/02.txt:5:33', ruleId: 'decode/bad-bytes' },
  { at: 'hostile-daily/2024-03-02/04.txt:5:18', ruleId: 'sanitise/replaced' },
  { at: 'hostile-daily/2024-03-02/06.txt:5:19', ruleId: 'sanitise/replaced' },
  { at: '聊城日报/2024-03-02/01.txt:1:1', ruleId: 'identify/folder-slugified' },
  { at: 'café/2024-03-02/01.txt:1:1', ruleId: 'identify/folder-slugified' },
  { at: '-rf/2024-03-02/01.txt:1:1', ruleId: 'identify/folder-slugified' },
  { at: `${LONG_FOLDER}/2024-03-02/01.txt:1:1`, ruleId: 'identify/folder-slugified' },
  { at: 'manifest.yaml:13:', ruleId: 'manifest/unknown-publication' },
  { at: 'manifest.yaml:14:', ruleId: 'manifest/duplicate-key' },
];

/**
 * Pages of the corpus that are damaged but must be on the site, each with a marker of its body text,
 * at its URL path (issue 14: every damaged page kept with its damage reported).
 */
export const keptPages: { path: string; marker: string }[] = [
  { path: 'hostile-daily/2024-03-02/01/', marker: '非字符正文标记' },
  { path: 'hostile-daily/2024-03-02/02/', marker: '坏字节正文标记' },
  { path: 'hostile-daily/2024-03-02/03/', marker: '大写扩展名正文标记' },
  { path: 'hostile-daily/2024-03-02/04/', marker: '空字节正文标记' },
  { path: 'hostile-daily/2024-03-02/05/', marker: '双向控制正文标记' },
  { path: 'hostile-daily/2024-03-02/06/', marker: '孤立代理正文标记' },
  { path: 'liaocheng-daily/2024-03-02/01/', marker: '中文文件夹正文标记' },
  { path: 'cafe/2024-03-02/01/', marker: '重音文件夹正文标记' },
  { path: 'rf/2024-03-02/01/', marker: '横线文件夹正文标记' },
  { path: 'changchang-changchang-changchang/2024-03-02/01/', marker: '长文件夹正文标记' },
  { path: 'hostile-daily/0050-03-02/01/', marker: '早年日期正文标记' },
];
