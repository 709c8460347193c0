// Stage: validate archive. A written archive folder → the problems the site would meet reading it,
// found before the folder replaces the live archive (so a bad archive never goes live). Each file is
// read back as Astro's content layer reads it (src/content.config.ts: JSON files, read with JSON.parse),
// each entry checked against the collection schema (src/lib/archive-schema.ts); every string must be text the
// site can carry (sanitise-text.ts) and every id unique within its collection. A problem is an error
// naming the seed the entry came from (its `source` or `sources`), else the written file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { articleSchema, issueSchema, paperSchema } from '../../src/lib/archive-schema.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import { notText } from './sanitise-text.ts';
import type { Diagnostic, SourcePosition } from './types.ts';

/** Files read ahead of the one being checked: enough to keep the file system busy, few for memory. */
const READ_AHEAD = 16;
/** notText without its global flag: `exec` then keeps no state between strings. */
const NOT_TEXT = new RegExp(notText.source, 'u');

/** At most this many problems are listed (the archive is refused at the first; the rest are for repair). */
const MAX_PROBLEMS = 100;

export async function validateArchive(dir: string): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  const report = (at: SourcePosition, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(diagnostic(at, 'error', message, 'validate/unreadable'));
  };
  const check = (written: string, data: unknown, schema: z.ZodType, ids: Set<string>) => {
    const at = sourceOf(data) ?? fileStart(written);
    const parsed = schema.safeParse(data);
    if (!parsed.success) return report(at, `the site cannot read ${written}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}`);
    const bad = findNotText(data);
    if (bad) report(at, `the site cannot read ${written}: ${bad}`);
    const id = (data as { id: string }).id;
    if (ids.has(id)) report(at, `the site cannot read ${written}: id ${id} is used twice`);
    ids.add(id);
  };

  const papers = await readBack(dir, 'papers.json', report);
  if (papers !== undefined) {
    if (!Array.isArray(papers)) report(fileStart('papers.json'), 'the site cannot read papers.json: not a list');
    else {
      const ids = new Set<string>();
      for (const paper of papers) check('papers.json', paper, paperSchema, ids);
    }
  }
  for (const [collection, schema] of [['issues', issueSchema], ['articles', articleSchema]] as const) {
    const ids = new Set<string>();
    const files = await listFiles(dir, collection);
    // Files are read READ_AHEAD ahead of the one checked (a read is mostly a wait on the file system),
    // and checked in order, so the problems come in the same order.
    const reads = files.slice(0, READ_AHEAD).map((written) => readData(dir, written));
    for (const [i, written] of files.entries()) {
      if (i + READ_AHEAD < files.length) reads.push(readData(dir, files[i + READ_AHEAD]!));
      const read = await reads[i]!;
      delete reads[i];
      if ('problem' in read) report(fileStart(written), read.problem);
      else check(written, read.data, schema, ids);
    }
  }
  return problems;
}

/** A written file's data as the content layer reads it, or undefined (reported) when it cannot be read. */
async function readBack(dir: string, written: string, report: (at: SourcePosition, message: string) => void): Promise<unknown> {
  const read = await readData(dir, written);
  if ('problem' in read) report(fileStart(written), read.problem);
  return read.data;
}

/** A written file's data, or why the site could not read it. */
async function readData(dir: string, written: string): Promise<{ data: unknown } | { data: undefined; problem: string }> {
  try {
    return { data: JSON.parse(await readFile(join(dir, written), 'utf8')) };
  } catch (error) {
    return { data: undefined, problem: `the site cannot read ${written}: ${String((error as Error).message ?? error).split('\n')[0]}` };
  }
}

/** Files under `<dir>/<collection>/` (relative to dir, sorted): `.json`, as the globs take. */
async function listFiles(dir: string, collection: string): Promise<string[]> {
  const entries = await readdir(join(dir, collection), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Where an entry came from in the seeds: an article's `source`, an issue's first page's first source. */
function sourceOf(data: unknown): SourcePosition | null {
  const entry = data as { source?: { file?: unknown; line?: unknown }; pages?: { sources?: unknown[] }[] } | null;
  const source = entry?.source;
  if (source && typeof source.file === 'string') return { file: source.file, line: typeof source.line === 'number' ? source.line : 1, column: 1 };
  const first = entry?.pages?.[0]?.sources?.[0];
  return typeof first === 'string' ? fileStart(first) : null;
}

/** The first string in the data holding a character the site cannot carry, described; else null. */
function findNotText(data: unknown): string | null {
  if (typeof data === 'string') {
    const m = NOT_TEXT.exec(data);
    return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in "${data.slice(Math.max(0, m.index - 10), m.index + 10)}"` : null;
  }
  if (data && typeof data === 'object') {
    for (const value of Object.values(data)) {
      const found = findNotText(value);
      if (found) return found;
    }
  }
  return null;
}
