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

/** One radical code point read as its ideograph (itself when it stands for none). */
function ideographOf(c: string): string {
  // Kangxi radicals decompose (compatibility) to their ideograph; the Supplement needs the table.
  return c >= '\u2f00' ? (kangxiSimplified.get(c) ?? c.normalize('NFKC')) : (radicalSupplement.get(c) ?? c);
}

/** Text with every radical code point read as its ideograph (PDF text runs: read-pdf.ts). */
export function foldRadicalText(text: string): string {
  return text.replace(radical, ideographOf);
}

export function foldRadicals(seed: DecodedSeed): FoldResult {
  let folded = 0;
  const text = seed.text.replace(radical, (c) => {
    const ideograph = ideographOf(c);
    if (ideograph !== c) folded++;
    return ideograph;
  });
  if (!folded) return { seed, diagnostics: [] };
  return {
    seed: { ...seed, text },
    diagnostics: [diagnostic(fileStart(seed.file), 'info', `${folded} radical code points (⽉ ⻓ …) read as the ideographs they stand for`, 'fold/radicals')],
  };
}
