// Stage: decode. Bytes of a seed file → text, once, at the boundary. Whatever the encoding and line
// ends, the text that comes out is the same as its UTF-8/LF twin's; anything that is not text is a
// diagnostic naming the file, and the file is skipped.
import { binarySignatures, byteOrderMarks, maxControlShare } from '../data/file-signatures.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import type { DecodedSeed, Diagnostic } from './types.ts';

export interface DecodeResult {
  seed: DecodedSeed | null;
  diagnostics: Diagnostic[];
}

/**
 * A byte-order mark decides (UTF-8, UTF-16LE/BE); without one, UTF-8 when the bytes are valid UTF-8,
 * else GB18030 (a superset of GBK and GB2312) when they are valid GB18030. CRLF and lone CR become LF.
 */
export function decodeSeed(bytes: Uint8Array, file: string): DecodeResult {
  const at = fileStart(file);
  const skip = (severity: 'error' | 'warning', message: string, ruleId: string): DecodeResult => ({
    seed: null,
    diagnostics: [diagnostic(at, severity, message, ruleId)],
  });
  if (bytes.length === 0) return skip('warning', 'empty file, skipped', 'decode/empty');

  const bom = byteOrderMarks.find((b) => startsWith(bytes, b.bytes));
  const signature = binarySignatures.find((s) => startsWith(bytes, s.bytes));
  if (!bom && signature) return skip('error', `not text: a ${signature.format}, skipped`, 'decode/binary');
  if (!bom?.encoding.startsWith('utf-16') && bytes.includes(0)) {
    return skip('error', 'not text: contains NUL bytes (binary, or UTF-16 without a byte-order mark), skipped', 'decode/binary');
  }

  const read = readText(bytes, bom);
  if (!read) {
    return skip('error', bom ? `not valid ${bom.label}, skipped` : 'not text: neither valid UTF-8 nor valid GB18030, skipped', 'decode/not-text');
  }
  const { text: decoded, encoding, label } = read;
  const controls = countControls(decoded);
  if (controls > maxControlShare * decoded.length) {
    return skip('error', `not text: ${controls} control characters in ${decoded.length}, skipped`, 'decode/binary');
  }
  if (!/\S/u.test(decoded)) return skip('warning', 'only whitespace, skipped', 'decode/empty');

  const diagnostics: Diagnostic[] = [];
  if (label) diagnostics.push(diagnostic(at, 'info', `decoded as ${label}`, 'decode/encoding'));
  const lineEnds = describeLineEnds(decoded);
  if (lineEnds) diagnostics.push(diagnostic(at, 'info', `${lineEnds} line ends read as LF`, 'decode/line-ends'));
  return { seed: { file, text: decoded.replace(/\r\n?/gu, '\n'), encoding }, diagnostics };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The text, its encoding's name, and a label for the diagnostic when it is not plain UTF-8. */
function readText(bytes: Uint8Array, bom: (typeof byteOrderMarks)[number] | undefined): { text: string; encoding: string; label: string | null } | null {
  if (bom) {
    const text = strictDecode(bom.encoding, bytes);
    return text == null ? null : { text, encoding: bom.encoding === 'utf-8' ? 'utf-8-bom' : bom.encoding, label: bom.label };
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 != null) return { text: utf8, encoding: 'utf-8', label: null };
  const gb = strictDecode('gb18030', bytes);
  return gb == null ? null : { text: gb, encoding: 'gb18030', label: 'GB18030 (not valid UTF-8)' };
}

/** The text, or null when the bytes are not valid in that encoding (a BOM is dropped). */
function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** C0 controls other than tab, LF, FF and CR; DEL; C1 controls. */
function countControls(text: string): number {
  return text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu)?.length ?? 0;
}

/** `CRLF`, `CR` or `CRLF and CR` when the text has such line ends; null for LF only. */
function describeLineEnds(text: string): string | null {
  const crlf = /\r\n/u.test(text);
  const cr = /\r(?!\n)/u.test(text);
  return crlf && cr ? 'CRLF and CR' : crlf ? 'CRLF' : cr ? 'CR' : null;
}
