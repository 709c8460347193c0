// The dictionary word segmenter (jieba, with its bundled dictionary), shared by the stages that ask
// whether a word runs across a join (split-columns, thread-columns, slugify-publication). Loaded once, on first use: only
// pages with gaps at a column edge or interleaved columns need it, and loading takes a while.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
