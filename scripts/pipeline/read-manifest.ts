// Stage: read manifest. `seeds/manifest.yaml` text → typed Manifest. The manifest is input like any
// seed: every entry is checked, a bad entry is a diagnostic at its line (from the yaml library's node
// positions) and is left out, the rest still counts. Malformed YAML is one diagnostic per YAML error
// and the whole manifest is ignored (a half-read manifest could silently move pages). A key given twice
// is a warning per repeat and the last one counts, as YAML readers do. Keys are data: looked up as own
// properties of null-prototype records, so `constructor`, `toString` or `__proto__` name nothing built in.
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { compareDiagnostics, diagnostic, fileStart } from './diagnostics.ts';
import type { Diagnostic, Manifest, ManifestPage, SourcePosition } from './types.ts';

export interface ManifestResult {
  manifest: Manifest;
  diagnostics: Diagnostic[];
}

export const emptyManifest = (): Manifest => ({ publications: Object.create(null), pages: Object.create(null) });

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
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
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
  warnDuplicateKeys(cx, root);
  for (const pair of root.items) {
    const key = keyText(pair);
    if (key !== 'publications' && key !== 'pages') bad(cx, pair.key, 'warning', `unknown manifest key "${key}" ignored`, 'manifest/unknown-key');
  }
  for (const [slug, value, pair] of entries(cx, root, 'publications')) {
    if (!slugPattern.test(slug)) {
      bad(cx, pair.key, 'error', `publication slug "${slug}" is not URL-safe (a-z, 0-9, single hyphens); entry ignored`, 'manifest/bad-slug');
      continue;
    }
    const name = isMap(value) ? scalarOf(cx, lastValue(value, 'name')) : undefined;
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
    else delete manifest.pages[path];
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
  const field = (name: string) => ({ node: lastValue(value, name), value: scalarOf(cx, lastValue(value, name)) });
  const publication = field('publication');
  if (publication.node) {
    if (typeof publication.value !== 'string' || !Object.hasOwn(manifest.publications, publication.value)) {
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

/**
 * YYYY-MM-DD naming a day that exists (not 2023-13-45, not 2022-02-30) in the proleptic Gregorian
 * calendar, years 0001–9999 (ISO 8601). Date.UTC reads years 0–99 as 1900–1999: setUTCFullYear does not.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!m) return false;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return false;
  const day = new Date(0);
  day.setUTCFullYear(year, month - 1, date);
  return day.getUTCFullYear() === year && day.getUTCMonth() + 1 === month && day.getUTCDate() === date;
}

/** The entries of a top-level section (`publications:` or `pages:`), each with its key as text. */
function entries(cx: Context, root: YAMLMap, section: string): [string, Node | null, Pair][] {
  const node = resolve(cx, lastValue(root, section));
  if (node == null) return [];
  if (!isMap(node)) {
    bad(cx, node, 'error', `\`${section}:\` must be a mapping; ignored`, 'manifest/bad-entry');
    return [];
  }
  warnDuplicateKeys(cx, node);
  return node.items.map((pair) => [keyText(pair), resolve(cx, pair.value) ?? null, pair]);
}

function warnUnknownFields(cx: Context, map: YAMLMap, known: string[]): void {
  warnDuplicateKeys(cx, map);
  for (const pair of map.items) {
    const key = keyText(pair);
    if (!known.includes(key)) bad(cx, pair.key, 'warning', `unknown field "${key}" ignored (expected ${known.join(', ')})`, 'manifest/unknown-key');
  }
}

/** The value of a map's last pair with this key (a repeated key: the last counts). */
function lastValue(map: YAMLMap, key: string): Node | undefined {
  return map.items.findLast((pair) => keyText(pair) === key)?.value as Node | undefined;
}

/** A warning at each repeat of a key in one mapping, naming where it was first given. */
function warnDuplicateKeys(cx: Context, map: YAMLMap): void {
  const first = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = keyText(pair);
    const earlier = first.get(key);
    if (!earlier) first.set(key, pair);
    else bad(cx, pair.key, 'warning', `key "${key}" given again (first at line ${at(cx, earlier.key).line}); the last one counts`, 'manifest/duplicate-key');
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
