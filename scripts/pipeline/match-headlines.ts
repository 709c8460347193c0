// Stage: match headlines. Where an extractor prints a page's text blocks out of reading order
// (pdftotext's default mode: a headline set in a cell of its own is printed where its row is, not above
// its body), a headline can end up standing alone (a draft with no body), stacked on another article's
// headline, or over another article's body, while its own body stands elsewhere with no headline at
// all. A headline names what its body reports, so its words come back in the body: this stage gives
// each headline with no body, each block of a headline stacked apart from another (a blank line between
// them), and a headline whose words are hardly in the body it stands over, to the headline-less body
// whose text holds most of its character pairs, when that share clearly says so. It builds new drafts
// and changes no line (a subtitle block given to a body as its only headline is that body's title).
import { headlineMatch as M } from '../data/article-lines.ts';
import { hanPairs } from './han-pairs.ts';
import type { ArticleDraft, ClassifiedLine } from './types.ts';

/** A run of headline lines that could stand over another body, and how much of it the body it stands over holds. */
interface Loose {
  lines: ClassifiedLine[];
  /** The Han character pairs of its headline lines. */
  pairs: Set<number>;
  /** Its share of pairs found in the body it stands over (0: it stands over none). */
  current: number;
}

export function matchHeadlines(drafts: ArticleDraft[]): ArticleDraft[] {
  const receivers = drafts.flatMap((d, i) => (d.body.length && !d.headline.some(isHead) ? [i] : []));
  if (!receivers.length) return drafts;
  const pairsOf = drafts.map((d) => hanPairs(d.body.map((l) => l.text).join('')));
  const loose: Loose[] = [];
  drafts.forEach((d, i) => {
    const heads = d.headline.filter(isHeadPart);
    if (!heads.some(isHead)) return;
    if (!d.body.length) {
      loose.push({ lines: d.headline, pairs: pairsOfHeadline(d.headline), current: 0 });
      return;
    }
    // Headline lines printed as blocks apart (a blank line before each).
    const blocks: ClassifiedLine[][] = [];
    heads.forEach((l, k) => (k && !l.gapBefore && l.index === heads[k - 1]!.index + 1 ? blocks.at(-1)!.push(l) : blocks.push([l])));
    const own = blocks.map(pairsOfHeadline);
    const shares = own.map((p) => share(p, pairsOf[i]!));
    // Of blocks apart the one most like the body stays; a lone one stays unless its words are hardly in
    // the body (then it may name another).
    const keep = blocks.length > 1 ? shares.indexOf(Math.max(...shares)) : shares[0]! < M.weakShare ? -1 : 0;
    blocks.forEach((b, k) => k !== keep && loose.push({ lines: b, pairs: own[k]!, current: shares[k]! }));
  });
  // The best pairs first, each headline and each body once.
  const offers = loose
    .flatMap((h, k) => receivers.map((r) => ({ k, r, share: share(h.pairs, pairsOf[r]!) })))
    .filter((o) => o.share >= M.minShare && o.share >= loose[o.k]!.current + M.margin)
    .sort((a, b) => b.share - a.share || a.r - b.r || a.k - b.k);
  const moved = new Map<number, Loose>();
  const taken = new Set<Loose>();
  for (const o of offers) {
    const h = loose[o.k]!;
    if (moved.has(o.r) || taken.has(h)) continue;
    moved.set(o.r, h);
    taken.add(h);
  }
  if (!moved.size) return drafts;
  const leaving = new Set([...taken].flatMap((h) => h.lines));
  return drafts.map((d, i) => {
    const arriving = titled(moved.get(i)?.lines ?? []);
    const staying = d.headline.filter((l) => !leaving.has(l));
    if (!arriving.length && staying.length === d.headline.length) return d;
    return { ...d, headline: [...arriving, ...staying] };
  });
}

const isHead = (l: ClassifiedLine): boolean => l.role === 'title' || l.role === 'kicker';
const isHeadPart = (l: ClassifiedLine): boolean => isHead(l) || l.role === 'subtitle';

/**
 * Headline lines given to a body: a block the labeller read as a subtitle under the headline it was
 * stacked on (the line after a headline) is the title of the body it names.
 */
function titled(lines: ClassifiedLine[]): ClassifiedLine[] {
  if (lines.some(isHead)) return lines;
  return lines.map((l) => (l.role === 'subtitle' ? { ...l, role: 'title', reasons: ['named body (match-headlines)', ...l.reasons] } : l));
}

/** The Han character pairs of a headline's kicker, title and subtitle lines. */
const pairsOfHeadline = (lines: ClassifiedLine[]): Set<number> => hanPairs(lines.filter(isHeadPart).map((l) => l.text).join(''));

/** The share of a headline's character pairs that a body's pairs hold. */
function share(headline: Set<number>, body: Set<number>): number {
  if (!headline.size) return 0;
  let found = 0;
  for (const p of headline) if (body.has(p)) found++;
  return found / headline.size;
}
