// Stage: read manifest. `seeds/manifest.yaml` text → typed Manifest; bad entries are diagnostics.
import { parse } from 'yaml';
import { diagnostic, fileStart } from './diagnostics.ts';
import type { Diagnostic, Manifest, ManifestPage } from './types.ts';

export interface ManifestResult {
  manifest: Manifest;
  diagnostics: Diagnostic[];
}

export const emptyManifest = (): Manifest => ({ publications: {}, pages: {} });

export function readManifest(text: string, file: string): ManifestResult {
  const diagnostics: Diagnostic[] = [];
  const manifest = emptyManifest();
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const at = line ? { file, line: line.line, column: line.col } : fileStart(file);
    diagnostics.push(diagnostic(at, 'error', `manifest is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 'manifest/yaml'));
    return { manifest, diagnostics };
  }
  if (data == null) return { manifest, diagnostics };
  const record = isRecord(data) ? data : {};
  if (isRecord(record.publications)) {
    for (const [slug, value] of Object.entries(record.publications)) {
      if (isRecord(value) && typeof value.name === 'string') manifest.publications[slug] = { name: value.name };
    }
  }
  if (isRecord(record.pages)) {
    for (const [path, value] of Object.entries(record.pages)) {
      if (!isRecord(value)) continue;
      const page: ManifestPage = {};
      if (typeof value.publication === 'string') page.publication = value.publication;
      if (typeof value.date === 'string') page.date = value.date;
      if (value.date instanceof Date) page.date = value.date.toISOString().slice(0, 10);
      if (typeof value.page === 'number') page.page = value.page;
      manifest.pages[path] = page;
    }
  }
  return { manifest, diagnostics };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
