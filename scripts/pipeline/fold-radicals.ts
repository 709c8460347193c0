// Stage: fold radicals. Text flattened out of a PDF may name a character by its radical code point:
// Kangxi Radicals (U+2F00–U+2FDF: `2024年07⽉24⽇`) or CJK Radicals Supplement (U+2E80–U+2EFF: ⻓ ⺠),
// as mupdf and pdfminer return them for Chromium's PDFs (the font draws both with one glyph). Each is
// read as the ideograph it stands for, once, on the decoded page, so that every later stage (the
// masthead date, headlines, bodies) sees 月 日 长 民. One code point becomes one code point, so every
// line and column position is the same as in the seed. Nothing else is changed.
import { kangxiSimplified, radicalSupplement } from '../data/radicals.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import type { DecodedSeed, Diagnostic } from './types.ts';

export interface FoldResult {
  seed: DecodedSeed;
  diagnostics: Diagnostic[];
}

const radical = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

/** One radical code point read as its ideograph (itself when it stands for none); `drawn`: as a PDF's glyph shows it. */
function ideographOf(c: string, drawn: boolean): string {
  // Kangxi radicals decompose (compatibility) to their ideograph; the Supplement needs the table.
  if (c < '\u2f00') return radicalSupplement.get(c) ?? c;
  const simplified = kangxiSimplified.get(c);
  return simplified ? (drawn ? simplified : c) : c.normalize('NFKC');
}

/** Text of a PDF's glyph runs with every radical code point read as the ideograph drawn (read-pdf.ts). */
export function foldRadicalText(text: string): string {
  return text.replace(radical, (c) => ideographOf(c, true));
}

export function foldRadicals(seed: DecodedSeed): FoldResult {
  let folded = 0;
  const text = seed.text.replace(radical, (c) => {
    const ideograph = ideographOf(c, false);
    if (ideograph !== c) folded++;
    return ideograph;
  });
  if (!folded) return { seed, diagnostics: [] };
  return {
    seed: { ...seed, text },
    diagnostics: [diagnostic(fileStart(seed.file), 'info', `${folded} radical code points (⽉ ⻓ …) read as the ideographs they stand for`, 'fold/radicals')],
  };
}
