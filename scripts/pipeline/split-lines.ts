// Stage: split lines. Decoded text → physical lines with their source positions.
import type { DecodedSeed, SourceLine } from './types.ts';

export function splitLines(seed: DecodedSeed): SourceLine[] {
  return seed.text.split('\n').map((text, i) => ({
    text,
    position: { file: seed.file, line: i + 1, column: firstNonBlankColumn(text) },
  }));
}

function firstNonBlankColumn(text: string): number {
  const m = /\S/u.exec(text);
  return m ? [...text.slice(0, m.index)].length + 1 : 1;
}
