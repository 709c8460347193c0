// A unigram word model over jieba's own dictionary (the words and frequencies `@node-rs/jieba` bundles,
// 349,045 words), for asking how much better two pieces of text read joined than apart. jieba's API
// segments but does not say how probable a segmentation is, so the model reads its dictionary file and
// finds the likeliest segmentation itself (the same maximum-probability route over the word graph that
// jieba takes, without its HMM for unknown words). Loaded once, on first use: only pages whose lines
// need joining ask it.
import { dict } from '@node-rs/jieba/dict.js';

interface Model {
  logP: Map<string, number>;
  /** Log probability of a character the dictionary does not hold as a word (jieba's floor: the rarest word's). */
  unknown: number;
  longest: number;
}

let model: Model | null = null;

function load(): Model {
  if (model) return model;
  const logP = new Map<string, number>();
  const text = new TextDecoder().decode(dict);
  let total = 0;
  const entries: [string, number][] = [];
  for (const line of text.split('\n')) {
    const [word, freq] = line.split(' ');
    const n = Number(freq);
    if (!word || !(n > 0)) continue;
    entries.push([word, n]);
    total += n;
  }
  let longest = 1;
  let rarest = Infinity;
  for (const [word, n] of entries) {
    const p = Math.log(n / total);
    logP.set(word, Math.max(p, logP.get(word) ?? -Infinity));
    longest = Math.max(longest, [...word].length);
    rarest = Math.min(rarest, p);
  }
  model = { logP, unknown: rarest, longest: Math.min(longest, 8) };
  return model;
}

/**
 * Segmentations already computed, by text: a page asks for the same few characters of each line's end
 * and start against many others (and order-fragments scores each join more than once), so most asks
 * repeat. The value is a pure function of the text, so the cache changes no answer; it is emptied when
 * it passes MEMO_LIMIT entries, to bound memory over a long ingest.
 */
const memo = new Map<string, number>();
const MEMO_LIMIT = 200_000;

/** Log probability of the likeliest segmentation of `text` into dictionary words. */
export function segmentationLogP(text: string): number {
  const known = memo.get(text);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const p = segment(text);
  memo.set(text, p);
  return p;
}

function segment(text: string): number {
  const m = load();
  const chars = [...text];
  const best = new Array<number>(chars.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let i = 0; i < chars.length; i++) {
    if (best[i] === -Infinity) continue;
    let word = '';
    for (let j = i; j < Math.min(chars.length, i + m.longest); j++) {
      word += chars[j];
      const p = m.logP.get(word) ?? (j === i ? m.unknown : undefined);
      if (p === undefined) continue;
      if (best[i]! + p > best[j + 1]!) best[j + 1] = best[i]! + p;
    }
  }
  return best[chars.length]!;
}

/**
 * How much likelier `left` and `right` read as one text than as two (log ratio, never below 0): high
 * when a word runs across the join (春运拉|开帷幕), 0 when the join falls between words. Only the
 * characters near the join are weighed (`reach` on each side).
 */
export function joinGain(left: string, right: string, reach = 4): number {
  const l = [...left].slice(-reach).join('');
  const r = [...right].slice(0, reach).join('');
  if (!l || !r) return 0;
  const gain = segmentationLogP(l + r) - segmentationLogP(l) - segmentationLogP(r);
  // Sums of the same word probabilities in another order differ in the last bits: that is no gain.
  return gain > 1e-9 ? gain : 0;
}
