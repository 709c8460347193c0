// Stage: decode. Bytes of a seed file → text, once, at the boundary. Whatever the encoding and line
// ends, the text that comes out is the same as its UTF-8/LF twin's. A file that is not text is a
// diagnostic naming the file, and is skipped; a page with a few bad bytes is kept, each bad place read
// as U+FFFD with a warning at its line and column.
import { commonChinese } from '../data/common-hanzi.ts';
import { binarySignatures, byteOrderMarks, doubtfulMargin, maxBadByteShare, maxControlShare, minBadBytesAllowed, minEvidenceChars, minPlausibility } from '../data/file-signatures.ts';
import { charLength } from './char-class.ts';
import { diagnostic, fileStart, positionsAt } from './diagnostics.ts';
import type { DecodedSeed, Diagnostic } from './types.ts';

export interface DecodeResult {
  seed: DecodedSeed | null;
  diagnostics: Diagnostic[];
}

/**
 * A byte-order mark decides (UTF-8, UTF-16LE/BE). Without one, the page is read both as UTF-8 and as
 * GB18030 (a superset of GBK and GB2312), bad bytes read as U+FFFD, and the reading more plausible as
 * Chinese text wins (plausibility()); a close call is a warning. CRLF and lone CR become LF.
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
  if (!bom?.encoding.startsWith('utf-16') && countNul(bytes) > Math.max(minBadBytesAllowed, maxControlShare * bytes.length)) {
    return skip('error', 'not text: contains NUL bytes (binary, or UTF-16 without a byte-order mark), skipped', 'decode/binary');
  }

  const read = bom ? readWithBom(bytes, bom) : readWithoutBom(bytes);
  if (!read) {
    return skip('error', bom ? `not valid ${bom.label}, skipped` : 'not text: neither UTF-8 nor GB18030 (bad bytes throughout, or no Chinese text), skipped', 'decode/not-text');
  }
  const { text: decoded, encoding } = read;
  const controls = countControls(decoded);
  if (controls > Math.max(minBadBytesAllowed, maxControlShare * decoded.length)) {
    return skip('error', `not text: ${controls} control characters in ${decoded.length}, skipped`, 'decode/binary');
  }
  if (!/\S/u.test(decoded)) return skip('warning', 'only whitespace, skipped', 'decode/empty');

  const text = decoded.replace(/\r\n?/gu, '\n');
  const diagnostics: Diagnostic[] = [];
  if (read.note) diagnostics.push(diagnostic(at, read.note.severity, read.note.message, 'decode/encoding'));
  const lineEnds = describeLineEnds(decoded);
  if (lineEnds) diagnostics.push(diagnostic(at, 'info', `${lineEnds} line ends read as LF`, 'decode/line-ends'));
  // Line ends change no U+FFFD, so the n-th U+FFFD of the decoded text is the n-th of the LF text.
  const places = positionsAt(text, replacementIndexes(text, read.replaced), file);
  for (const [k, position] of places.entries()) {
    const what = read.badBytes[k] ? `bytes ${read.badBytes[k]}` : 'a byte sequence';
    diagnostics.push(diagnostic(position, 'warning', `${what} not valid ${read.name}: read as U+FFFD`, 'decode/bad-bytes'));
  }
  return { seed: { file, text, encoding }, diagnostics };
}

interface Reading {
  text: string;
  encoding: string;
  name: string;
  /** Which U+FFFD of the text (by their order) stand for bad bytes, not for a U+FFFD in the file. */
  replaced: boolean[];
  /** The bad bytes, in hex, per replaced place (when known). */
  badBytes: string[];
  note?: { severity: 'info' | 'warning'; message: string };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function readWithBom(bytes: Uint8Array, bom: (typeof byteOrderMarks)[number]): Reading | null {
  const note = { severity: 'info' as const, message: `decoded as ${bom.label}` };
  if (bom.encoding === 'utf-8') {
    const utf8 = readUtf8(bytes.subarray(bom.bytes.length));
    if (tooDamaged(utf8, bytes.length)) return null;
    return { ...utf8, encoding: 'utf-8-bom', name: bom.label, note };
  }
  // UTF-16 code units as they are: a lone surrogate stays one, for sanitise-text.ts to replace and
  // report at its place; an odd last byte is a bad place.
  const units = Math.floor((bytes.length - bom.bytes.length) / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset + bom.bytes.length, units * 2);
  const little = bom.encoding === 'utf-16le';
  const parts: string[] = [];
  for (let i = 0; i < units; i += 4096) {
    const chunk: number[] = [];
    for (let k = i; k < Math.min(units, i + 4096); k++) chunk.push(view.getUint16(k * 2, little));
    parts.push(String.fromCharCode(...chunk));
  }
  const odd = (bytes.length - bom.bytes.length) % 2 === 1;
  const text = parts.join('') + (odd ? '\ufffd' : '');
  const fffd = text.match(/\ufffd/gu)?.length ?? 0;
  const replaced: boolean[] = Array(fffd).fill(false);
  if (odd) replaced[fffd - 1] = true;
  return { text, encoding: bom.encoding, name: bom.label, replaced, badBytes: odd ? [bytes[bytes.length - 1]!.toString(16).padStart(2, '0')] : [], note };
}

function readWithoutBom(bytes: Uint8Array): Reading | null {
  const utf8 = readUtf8(bytes);
  if (!utf8.badBytes.length && !hasMultibyte(bytes)) return utf8; // ASCII: every reading is the same
  const gb = readGb18030(bytes);
  const scores = { utf8: plausibility(utf8.text), gb: plausibility(gb.text) };
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const weighed = `${percent(scores.utf8)} common Chinese characters as UTF-8, ${percent(scores.gb)} as GB18030`;
  // Valid UTF-8 is strong evidence of its own (text in another encoding is soon invalid UTF-8): it is
  // kept unless, over enough characters to tell, GB18030 reads clearly more like Chinese text; when
  // GB18030 reads better but not clearly, or over too few characters, the choice is a warning.
  if (!utf8.badBytes.length) {
    const gbClearly = !gb.badBytes.length && scores.gb - scores.utf8 >= doubtfulMargin && nonAscii(gb.text) >= minEvidenceChars;
    if (gbClearly) gb.note = { severity: 'info', message: `decoded as GB18030 (valid UTF-8 too, but ${weighed})` };
    else if (scores.gb > scores.utf8) utf8.note = { severity: 'warning', message: `encoding doubtful: read as UTF-8 (valid), but ${weighed}; check the page's text` };
    return gbClearly ? gb : utf8;
  }
  // Readings with more bad places than a few stray bytes make are out; of the rest the more plausible
  // wins, and a damaged reading must still look like Chinese text.
  const candidates = [utf8, gb].filter((r) => !tooDamaged(r, bytes.length));
  const score = (r: Reading) => (r === gb ? scores.gb : scores.utf8);
  const best = candidates.sort((x, y) => score(y) - score(x))[0];
  if (!best || (best.badBytes.length && score(best) < minPlausibility)) return null;
  if (candidates.length === 2 && Math.abs(scores.gb - scores.utf8) < doubtfulMargin) {
    best.note = { severity: 'warning', message: `encoding doubtful: read as ${best.name} (${weighed}); check the page's text` };
  } else if (best === gb) {
    best.note = { severity: 'info', message: `decoded as GB18030 (not valid UTF-8; ${weighed})` };
  }
  return best;
}

/** More bad places than a few stray bytes make (scripts/data/file-signatures.ts). */
const tooDamaged = (reading: Reading, size: number): boolean => reading.badBytes.length > Math.max(minBadBytesAllowed, maxBadByteShare * size);

/** Bytes at or above 0x80: without them a page reads the same in UTF-8 and GB18030. */
const hasMultibyte = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

/**
 * UTF-8 as the WHATWG Encoding Standard decodes it (each maximal bad subsequence → one U+FFFD), with the
 * places it replaced: valid runs go through TextDecoder, only the bad places are found by hand.
 */
function readUtf8(bytes: Uint8Array): Reading {
  const valid = strictDecode('utf-8', bytes);
  if (valid != null) return { text: valid, encoding: 'utf-8', name: 'UTF-8', replaced: Array(valid.match(/\ufffd/gu)?.length ?? 0).fill(false), badBytes: [] };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  const replaced: boolean[] = [];
  const badBytes: string[] = [];
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end <= runStart) return;
    const run = decoder.decode(bytes.subarray(runStart, end));
    for (let n = run.match(/\ufffd/gu)?.length ?? 0; n > 0; n--) replaced.push(false);
    parts.push(run);
  };
  for (let i = 0; i < bytes.length; ) {
    const bad = badSequenceAt(bytes, i);
    if (!bad) {
      i += sequenceLength(bytes[i]!);
      continue;
    }
    flushRun(i);
    parts.push('\ufffd');
    replaced.push(true);
    badBytes.push([...bytes.subarray(i, i + bad)].map((b) => b.toString(16).padStart(2, '0')).join(' '));
    i += bad;
    runStart = i;
  }
  flushRun(bytes.length);
  return { text: parts.join(''), encoding: 'utf-8', name: 'UTF-8', replaced, badBytes };
}

const sequenceLength = (lead: number): number => (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

/** 0 when a valid UTF-8 sequence starts at i, else how many bytes one U+FFFD replaces (WHATWG). */
function badSequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 0;
  let need: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) lower = 0xa0;
    if (lead === 0xed) upper = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) lower = 0x90;
    if (lead === 0xf4) upper = 0x8f;
  } else return 1;
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (b === undefined || b < lower || b > upper) return k;
    lower = 0x80;
    upper = 0xbf;
  }
  return 0;
}

/** GB18030 with bad bytes as U+FFFD (GB18030 text holds no U+FFFD of its own in practice). */
function readGb18030(bytes: Uint8Array): Reading {
  const text = new TextDecoder('gb18030').decode(bytes);
  const n = text.match(/\ufffd/gu)?.length ?? 0;
  return { text, encoding: 'gb18030', name: 'GB18030', replaced: Array(n).fill(true), badBytes: Array(n).fill('') };
}

/**
 * How plausible a reading is as Chinese text: the share of its non-ASCII characters that are common
 * Chinese (GB 2312 level-1 characters and symbols, scripts/data/common-hanzi.ts). U+FFFD counts
 * against. ASCII reads the same in both encodings, so it does not count. 1 when there is nothing else.
 */
export function plausibility(text: string): number {
  let total = 0;
  let common = 0;
  // By code unit, not `for…of` (no string per character): a surrogate pair is one character, and no
  // common character lies outside the BMP, so the pair counts against unless the set holds it.
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) continue;
    total++;
    if (charLength(text, i) === 2) {
      if (commonChinese.has(text.slice(i, i + 2))) common++;
      i++;
    } else common += commonUnits[u]!;
  }
  return total ? common / total : 1;
}

/** 1 for each code unit plausibility() counts as common: the common characters and the CJK symbol and full-width ranges. */
const commonUnits = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (const c of commonChinese) if (c.length === 1) table[c.charCodeAt(0)] = 1;
  table.fill(1, 0x2000, 0x206f + 1);
  table.fill(1, 0x3000, 0x303f + 1);
  table.fill(1, 0xff00, 0xffef + 1);
  return table;
})();

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    n++;
    if (charLength(text, i) === 2) i++;
  }
  return n;
}

/** Indexes into `text` of the U+FFFD characters flagged in `replaced` (in order of appearance). */
function replacementIndexes(text: string, replaced: boolean[]): number[] {
  if (!replaced.includes(true)) return [];
  const indexes: number[] = [];
  let k = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) if (replaced[k++]) indexes.push(i);
  return indexes;
}

/** The text, or null when the bytes are not valid in that encoding (a BOM is dropped). */
function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n++;
  return n;
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
