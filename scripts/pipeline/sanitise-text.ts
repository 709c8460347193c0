// Stage: sanitise text. Decoded text → text the archive and the site can carry. Characters that are
// not text (NUL and other C0 controls but tab, line feed and form feed; DEL; C1 controls; lone
// surrogates; the Unicode noncharacters U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF) break a reader somewhere
// down the line (Astro's YAML reader rejects U+FFFE/U+FFFF, HTML cannot hold a lone surrogate nor NUL):
// each is replaced by U+FFFD, with a warning at its line and column. The page is kept.
import { diagnostic, positionsAt } from './diagnostics.ts';
import type { DecodedSeed, Diagnostic } from './types.ts';

export interface SanitiseResult {
  seed: DecodedSeed;
  diagnostics: Diagnostic[];
}

const planeNoncharacters = Array.from({ length: 16 }, (_, p) => `\\u{${(p + 1).toString(16)}fffe}\\u{${(p + 1).toString(16)}ffff}`).join('');
/** With the u flag, [\ud800-\udfff] matches only surrogates that are not half of a pair. */
export const notText = new RegExp(`[\\u0000-\\u0008\\u000b\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff${planeNoncharacters}]`, 'gu');

export function sanitiseText(seed: DecodedSeed): SanitiseResult {
  const found = [...seed.text.matchAll(notText)];
  if (!found.length) return { seed, diagnostics: [] };
  const positions = positionsAt(seed.text, found.map((m) => m.index), seed.file);
  const diagnostics = found.map((m, k) => {
    const c = m[0].codePointAt(0)!;
    return diagnostic(positions[k]!, 'warning', `${codePoint(c)} (${describe(c)}) cannot be carried into the archive: replaced by U+FFFD`, 'sanitise/replaced');
  });
  return { seed: { ...seed, text: seed.text.replace(notText, '\ufffd') }, diagnostics };
}

const codePoint = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

function describe(c: number): string {
  if (c === 0) return 'NUL';
  if (c < 0xa0) return 'a control character';
  if (c >= 0xd800 && c <= 0xdfff) return 'a lone surrogate';
  return 'a noncharacter';
}
