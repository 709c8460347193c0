// Stage: write content. The archive → files under `<out>/archive/` (Astro collections), written to a
// temporary folder first and swapped in, so a failed run never leaves a half-written archive.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';
import { stringify } from 'yaml';
import type { ArchiveArticle } from '../../src/lib/archive-schema.ts';
import type { Archive } from './build-issues.ts';
import type { Diagnostic } from './types.ts';

export interface IngestReport {
  summary: {
    /** Seed files found; `read` of them decoded and extracted. */
    seeds: number;
    read: number;
    pages: number; issues: number;
    articles: number;
    errors: number;
    warnings: number;
  };
  diagnostics: Diagnostic[];
}

/**
 * Plain-text paragraphs → Markdown in which every character stays text: `<`, `#`, `*`, `[`, `&` are
 * escaped by CommonMark's rules, `{` `}` for MDX, and GFM's (Astro renders Markdown with GFM on) so that
 * `https://…`, `www.…` and `a@b` do not become links nor `|` tables.
 */
export function paragraphsToMarkdown(paragraphs: string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], unsafe: [{ character: '{' }, { character: '}' }] });
}

// YAML 1.1 quoting: Astro reads frontmatter as YAML 1.1, where 2022-02-07 or "yes" would change type.
export function articleFile(article: ArchiveArticle): string {
  return `---\n${stringify(article, { version: '1.1', lineWidth: 0 })}---\n\n${paragraphsToMarkdown(article.paragraphs)}`;
}

export async function writeContent(out: string, archive: Archive, report: IngestReport): Promise<void> {
  const final = join(out, 'archive');
  const temp = join(out, `.archive-tmp-${process.pid}`);
  const old = join(out, `.archive-old-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  const files = new Map<string, string>();
  files.set('papers.json', json(archive.papers));
  for (const issue of archive.issues) files.set(`issues/${issue.id}.json`, json(issue));
  for (const article of archive.articles) files.set(`articles/${article.id}.md`, articleFile(article));
  files.set('report.json', json(report));
  try {
    for (const [path, text] of files) {
      const target = resolve(temp, path);
      // Ids are built from checked slugs and dates; this guards the rule that nothing is written elsewhere.
      if (!target.startsWith(resolve(temp) + sep)) throw new Error(`refusing to write ${path}: outside the archive folder`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    await rm(old, { recursive: true, force: true });
    await rename(final, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(temp, final);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
