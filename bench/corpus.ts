// The text a synthetic archive is made of: the sentences of the sample seed pages, unwrapped.
// Sentences that print masthead facts (dates, page and issue numbers, contacts) or continuation
// markers are left out, so that a synthetic page's identity comes only from its path and masthead;
// sentences with a dateline (电头) only open articles, as in print.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { agencyDateline, namedPaperDateline, ownDateline } from '../scripts/data/datelines.ts';
import { mastheadTokens } from '../scripts/data/mastheads.ts';
import { decodeSeed } from '../scripts/pipeline/decode.ts';

export interface Corpus {
  /** Whole sentences, each ending in 。！？ (and a closing quote where printed), in first-seen order. */
  sentences: string[];
  /** Sentences that open with a dateline (本报讯, 新华社…电): only ever an article's first sentence. */
  openings: string[];
  /** Clauses of 6–16 Chinese characters (no digits or Latin): headlines read like phrases, not cut text. */
  headlines: string[];
}

/** Shortest and longest sentence kept, in characters. */
const MIN_SENTENCE = 10;
const MAX_SENTENCE = 160;
/** 上接/下转 continuation markers (上接第1版, 下转8版): they would point at pages of another issue. */
const continuationMarker = /[上下][接转]/u;
/** Markdown-ish marks some exports leave in (#, **): dropped, so headlines are found as in print. */
const markup = /[#*]/gu;

export async function readCorpus(seeds: string): Promise<Corpus> {
  const files = (await readdir(seeds, { recursive: true })).filter((f) => /\.(txt|md)$/iu.test(f)).sort();
  const texts: string[] = [];
  for (const file of files) {
    const { seed } = decodeSeed(await readFile(join(seeds, file)), file);
    if (seed) texts.push(seed.text);
  }
  const corpus = corpusFromTexts(texts);
  if (corpus.sentences.length < 20 || !corpus.openings.length || corpus.headlines.length < 20) throw new Error(`bench: only ${corpus.sentences.length} usable sentences in ${seeds}`);
  return corpus;
}

export function corpusFromTexts(texts: string[]): Corpus {
  const sentences = new Set<string>();
  const openings = new Set<string>();
  const headlines = new Set<string>();
  for (const text of texts) {
    for (const block of text.split(/\n\s*\n/u)) {
      const unwrapped = block.split('\n').map((line) => line.trim()).join('').replace(markup, '');
      for (const sentence of unwrapped.match(/[^。！？]+[。！？]+[”」』]?/gu) ?? []) {
        const s = sentence.replace(/\s+/gu, ' ').trim();
        if (!isUsable(s)) continue;
        if (datelines.some((d) => s.search(d) >= 0)) openings.add(s);
        else sentences.add(s);
        for (const clause of s.split(/[，、；：。！？“”"（）()《》,;:]/u)) if (headlineClause.test(clause)) headlines.add(clause);
      }
    }
  }
  return { sentences: [...sentences], openings: [...openings], headlines: [...headlines] };
}

const headlineClause = /^\p{Script=Han}{6,16}$/u;
const datelines = [ownDateline, agencyDateline, namedPaperDateline];

function isUsable(sentence: string): boolean {
  const length = [...sentence].length;
  if (length < MIN_SENTENCE || length > MAX_SENTENCE) return false;
  if (!/\p{Script=Han}{4}/u.test(sentence) || continuationMarker.test(sentence)) return false;
  return !Object.values(mastheadTokens).some((token) => token.test(sentence));
}
