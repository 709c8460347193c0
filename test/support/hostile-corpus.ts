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
];
