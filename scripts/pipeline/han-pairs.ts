// The Han character pairs of a text (its candidate two-character words, 双字词): how the pipeline tells
// which report a headline names (segment-articles.ts votes with them on which side of its body a
// headline stands; match-headlines.ts gives a headline printed apart to the body holding its pairs).
import { charClass } from './char-class.ts';

export const hanCharacter = charClass(/\p{Script=Han}/u);

/** One number for a pair of characters (code points below 0x110000). */
export const pairKey = (a: number, b: number): number => a * 0x110000 + b;

/** The pairs of Han characters that follow each other once the text's other characters are left out, as pairKey numbers. */
export function hanPairs(text: string): Set<number> {
  const han = [...text].filter((c) => hanCharacter.has(c)).map((c) => c.codePointAt(0)!);
  return new Set(han.slice(1).map((c, i) => pairKey(han[i]!, c)));
}
