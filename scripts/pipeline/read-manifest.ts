// Stage: read manifest. `seeds/manifest.yaml` text → typed Manifest. The manifest is input like any
// seed: every entry is checked, a bad entry is a diagnostic at its line (from the yaml library's node
// positions) and is left out, the rest still counts. Malformed YAML is one diagnostic per YAML error
// and the whole manifest is ignored (a half-read manifest could silently move pages).
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { compareDiagnostics, diagnostic, fileStart } from './diagnostics.ts';
import type { Diagnostic, Manifest, ManifestPage, SourcePosition } from './types.ts';

export interface ManifestResult {
  manifest: Manifest;
  diagnostics: Diagnostic[];
}

export const emptyManifest = (): Manifest => ({ publications: {}, pages: {} });

/** A URL-safe publication slug: lower-case ASCII letters and digits in hyphen-separated runs. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/** What a seed file is called: `.txt` or `.md`, or `.pdf` for the printed page itself (any case). */
export const seedExtension = /\.(?:txt|md|pdf)$/iu;
/** A PDF seed (read by read-pdf.ts, not decoded as text). */
export const pdfExtension = /\.pdf$/iu;

interface Context {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  diagnostics: Diagnostic[];
}

/**
 * @param seedFiles the seed files found (paths relative to the seeds folder): when given, a page entry
 *   naming a file that is not among them is reported and left out.
 */
export function readManifest(text: string, file: string, seedFiles?: ReadonlySet<string>): ManifestResult {
  const diagnostics: Diagnostic[] = [];
  const manifest = emptyManifest();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const pos = lines.linePos(error.pos[0]);
      const message = error.message.split('\n')[0];
      diagnostics.push(diagnostic({ file, line: pos.line, column: pos.col }, 'error', `manifest is not valid YAML (${message}); the whole manifest is ignored`, 'manifest/yaml'));
    }
    return { manifest, diagnostics };
  }
  const cx: Context = { file, doc, lines, diagnostics };
  const root = doc.contents;
  if (root == null) return { manifest, diagnostics };
  if (!isMap(root)) {
    diagnostics.push(diagnostic(at(cx, root), 'error', 'manifest must be a mapping with `publications:` and `pages:`; ignored', 'manifest/bad-entry'));
    return { manifest, diagnostics };
  }
  for (const pair of root.items) {
    const key = keyText(pair);
    if (key !== 'publications' && key !== 'pages') bad(cx, pair.key, 'warning', `unknown manifest key "${key}" ignored`, 'manifest/unknown-key');
  }
  for (const [slug, value, pair] of entries(cx, root, 'publications')) {
    if (!slugPattern.test(slug)) {
      bad(cx, pair.key, 'error', `publication slug "${slug}" is not URL-safe (a-z, 0-9, single hyphens); entry ignored`, 'manifest/bad-slug');
      continue;
    }
    const name = isMap(value) ? scalarOf(cx, value.get('name', true)) : undefined;
    if (typeof name !== 'string' || !name.trim()) {
      bad(cx, value ?? pair.key, 'error', `publication ${slug} needs a name: { name: 报名 }; entry ignored`, 'manifest/bad-entry');
      continue;
    }
    warnUnknownFields(cx, value as YAMLMap, ['name']);
    manifest.publications[slug] = { name: name.trim() };
  }
  for (const [path, value, pair] of entries(cx, root, 'pages')) {
    const page = readPage(cx, path, value, pair, manifest, seedFiles);
    if (page) manifest.pages[path] = page;
  }
  return { manifest, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function readPage(cx: Context, path: string, value: Node | null, pair: Pair, manifest: Manifest, seedFiles?: ReadonlySet<string>): ManifestPage | null {
  const pathProblem = checkSeedPath(path);
  if (pathProblem) return bad(cx, pair.key, 'error', `page "${path}": ${pathProblem}; entry ignored`, 'manifest/bad-path');
  if (seedFiles && !seedFiles.has(path)) return bad(cx, pair.key, 'error', `page "${path}": no such seed file; entry ignored`, 'manifest/missing-file');
  if (!isMap(value)) return bad(cx, value ?? pair.key, 'error', `page "${path}" needs { publication, date, page }; entry ignored`, 'manifest/bad-entry');
  warnUnknownFields(cx, value, ['publication', 'date', 'page']);

  const page: ManifestPage = {};
  const field = (name: string) => ({ node: value.get(name, true) as Node | undefined, value: scalarOf(cx, value.get(name, true)) });
  const publication = field('publication');
  if (publication.node) {
    if (typeof publication.value !== 'string' || !manifest.publications[publication.value]) {
      return bad(cx, publication.node, 'error', `page "${path}": publication "${String(publication.value)}" is not listed under publications; entry ignored`, 'manifest/unknown-publication');
    }
    page.publication = publication.value;
  }
  const date = field('date');
  if (date.node) {
    const iso = date.value instanceof Date ? date.value.toISOString().slice(0, 10) : String(date.value);
    if (!isCalendarDate(iso)) return bad(cx, date.node, 'error', `page "${path}": date "${iso}" is not a calendar date (YYYY-MM-DD); entry ignored`, 'manifest/bad-date');
    page.date = iso;
  }
  const number = field('page');
  if (number.node) {
    if (typeof number.value !== 'number' || !Number.isSafeInteger(number.value) || number.value <= 0) {
      return bad(cx, number.node, 'error', `page "${path}": page "${String(number.value)}" is not a page number (1, 2, …); entry ignored`, 'manifest/bad-page');
    }
    page.page = number.value;
  }
  return page;
}

/** Why a manifest key cannot name a seed file (relative, inside the seeds folder, .txt, .md or .pdf), or null. */
export function checkSeedPath(path: string): string | null {
  if (path.startsWith('/') || /^[a-z]:/iu.test(path) || path.startsWith('\\')) return 'an absolute path (paths are relative to the seeds folder)';
  if (path.includes('\\')) return 'a backslash (use / between folders)';
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'a path leaving or not naming a file in the seeds folder (.., ., //)';
  if (!seedExtension.test(path)) return 'not a seed file (.txt, .md or .pdf)';
  return null;
}

/** YYYY-MM-DD naming a day that exists (not 2023-13-45, not 2022-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() + 1 === Number(m[2]) && day.getUTCDate() === Number(m[3]);
}

/** The entries of a top-level section (`publications:` or `pages:`), each with its key as text. */
function entries(cx: Context, root: YAMLMap, section: string): [string, Node | null, Pair][] {
  const node = resolve(cx, root.get(section, true));
  if (node == null) return [];
  if (!isMap(node)) {
    bad(cx, node, 'error', `\`${section}:\` must be a mapping; ignored`, 'manifest/bad-entry');
    return [];
  }
  return node.items.map((pair) => [keyText(pair), resolve(cx, pair.value) ?? null, pair]);
}

function warnUnknownFields(cx: Context, map: YAMLMap, known: string[]): void {
  for (const pair of map.items) {
    const key = keyText(pair);
    if (!known.includes(key)) bad(cx, pair.key, 'warning', `unknown field "${key}" ignored (expected ${known.join(', ')})`, 'manifest/unknown-key');
  }
}

const keyText = (pair: Pair): string => String(isScalar(pair.key) ? pair.key.value : pair.key);

/** An alias (`*name`) is followed to the node it names. */
function resolve(cx: Context, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(cx.doc) as Node | undefined;
  return node as Node | undefined;
}

function scalarOf(cx: Context, node: unknown): unknown {
  const resolved = resolve(cx, node);
  return isScalar(resolved) ? resolved.value : undefined;
}

function at(cx: Context, node: unknown): SourcePosition {
  const range = (node as Node | null)?.range;
  if (!range) return fileStart(cx.file);
  const pos = cx.lines.linePos(range[0]);
  return { file: cx.file, line: pos.line, column: pos.col };
}

function bad(cx: Context, node: unknown, severity: 'error' | 'warning', message: string, ruleId: string): null {
  cx.diagnostics.push(diagnostic(at(cx, node), severity, message, ruleId));
  return null;
}
