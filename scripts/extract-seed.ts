// One text seed file through the text pipeline: decode → sanitise → extract. Pure: the same bytes,
// path and manifest give the same result, so it runs in ingest's process or in one of its extraction
// workers (scripts/extract-pool.ts) alike.
import { decodeSeed } from './pipeline/decode.ts';
import { extractEdition } from './pipeline/extract-edition.ts';
import { sanitiseText } from './pipeline/sanitise-text.ts';
import type { Extracted, Manifest } from './pipeline/types.ts';

export function extractTextSeed(bytes: Uint8Array, file: string, manifest: Manifest): Extracted {
  const decoded = decodeSeed(bytes, file);
  if (!decoded.seed) return { edition: null, diagnostics: decoded.diagnostics };
  const sanitised = sanitiseText(decoded.seed);
  const { edition, diagnostics } = extractEdition(sanitised.seed, manifest);
  return { edition, diagnostics: [...decoded.diagnostics, ...sanitised.diagnostics, ...diagnostics] };
}
