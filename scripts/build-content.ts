// `npm run ingest -- [--seeds DIR] [--out DIR] [--json DIR]`: seed pages → Astro content collections.
// The whole flow, top to bottom: find seeds → read manifest → decode → extract each page → build issues
// → write content (and the scoring JSON) → print diagnostics.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildIssues } from './pipeline/build-issues.ts';
import { decodeSeed } from './pipeline/decode.ts';
import { compareDiagnostics, formatDiagnostic } from './pipeline/diagnostics.ts';
import { extractEdition, toScoringJson } from './pipeline/extract-edition.ts';
import { emptyManifest, readManifest } from './pipeline/read-manifest.ts';
import type { Diagnostic, Edition, Manifest } from './pipeline/types.ts';
import { writeContent, type IngestReport } from './pipeline/write-content.ts';

export interface IngestOptions {
  seeds: string;
  out: string;
  json?: string | undefined;
  /** Where progress and diagnostics go (stderr by default). */
  log?: (line: string) => void;
}

const MANIFEST = 'manifest.yaml';

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const diagnostics: Diagnostic[] = [];

  const files = await findSeedFiles(options.seeds);
  const manifest = await loadManifest(options.seeds, diagnostics);

  const editions: Edition[] = [];
  for (const [i, file] of files.entries()) {
    if (files.length >= 200 && i % 100 === 0) log(`ingest: ${i}/${files.length} pages`);
    const decoded = decodeSeed(await readFile(join(options.seeds, file)), file);
    diagnostics.push(...decoded.diagnostics);
    if (!decoded.seed) continue;
    const { edition, diagnostics: found } = extractEdition(decoded.seed, manifest);
    diagnostics.push(...found);
    editions.push(edition);
  }

  if (options.json) await writeScoringJson(options.json, editions);
  const built = buildIssues(editions);
  diagnostics.push(...built.diagnostics);
  diagnostics.sort(compareDiagnostics);

  const { archive } = built;
  const report: IngestReport = {
    summary: {
      seeds: files.length,
      pages: archive.issues.reduce((n, issue) => n + issue.pages.length, 0),
      issues: archive.issues.length,
      articles: archive.articles.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
    diagnostics,
  };
  await writeContent(options.out, archive, report);
  for (const d of diagnostics) log(formatDiagnostic(d));
  const s = report.summary;
  log(`ingest: ${s.seeds} seed files → ${s.pages} pages, ${s.issues} issues, ${s.articles} articles; ${s.errors} errors, ${s.warnings} warnings`);
  return report;
}

async function findSeedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(txt|md)$/i.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function loadManifest(root: string, diagnostics: Diagnostic[]): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(root, MANIFEST), 'utf8');
  } catch {
    return emptyManifest();
  }
  const result = readManifest(text, MANIFEST);
  diagnostics.push(...result.diagnostics);
  return result.manifest;
}

async function writeScoringJson(dir: string, editions: Edition[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const edition of editions) {
    const name = `${edition.seed.replace(/\.[^./]+$/, '').split('/').join('__')}.json`;
    await writeFile(join(dir, name), `${JSON.stringify(toScoringJson(edition), null, 2)}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
      out: { type: 'string', default: 'content' },
      json: { type: 'string' },
    },
  });
  const report = await ingest({ seeds: values.seeds, out: values.out, json: values.json });
  if (report.summary.seeds > 0 && report.summary.articles === 0 && report.summary.pages === 0) process.exitCode = 1;
}
