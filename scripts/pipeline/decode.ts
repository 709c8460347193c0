// Stage: decode. Bytes of a seed file → text, once, at the boundary.
import { diagnostic, fileStart } from './diagnostics.ts';
import type { DecodedSeed, Diagnostic } from './types.ts';

export interface DecodeResult {
  seed: DecodedSeed | null;
  diagnostics: Diagnostic[];
}

/** Decode UTF-8 (with or without BOM), falling back to GB18030 when UTF-8 is invalid. */
export function decodeSeed(bytes: Uint8Array, file: string): DecodeResult {
  const at = fileStart(file);
  if (bytes.includes(0)) {
    return { seed: null, diagnostics: [diagnostic(at, 'error', 'binary file (contains NUL bytes), skipped', 'decode/binary')] };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { seed: { file, text: normaliseLineEnds(text), encoding: hasBom ? 'utf-8-bom' : 'utf-8' }, diagnostics: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return {
      seed: { file, text: normaliseLineEnds(text), encoding: 'gb18030' },
      diagnostics: [diagnostic(at, 'info', 'not UTF-8; decoded as GB18030', 'decode/gb18030')],
    };
  }
}

function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
