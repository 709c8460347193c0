// On an article page reached from a search result (`?hl=…`), marks every occurrence of the search
// terms in the article text and returns the first mark (SearchHighlight.astro scrolls to it). Matching
// runs over the article's text as one string, so a match that spans elements (a line break, a
// subhead) or whitespace is found as the search found it; each text node's share of a match is
// wrapped in its own <mark>. Text nodes are split, never re-parsed as HTML.
import { findRanges } from './match.ts';
import { parseTerms } from './query.ts';

export function highlightTerms(root: Element, hl: string): HTMLElement | null {
  const terms = parseTerms(hl);
  if (!terms.length) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Array<{ node: Text; start: number }> = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('[hidden], script, style, [data-pagefind-ignore]')) continue;
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  const ranges = findRanges(text, terms);
  let first: HTMLElement | null = null;
  for (const { node, start } of nodes) {
    const end = start + node.data.length;
    const local = ranges
      .filter(([a, b]) => a < end && b > start)
      .map(([a, b]) => [Math.max(a, start) - start, Math.min(b, end) - start] as const);
    let nodeFirst: HTMLElement | null = null;
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [a, b] of local.reverse()) {
      if (!node.data.slice(a, b).trim()) continue;
      const hit = node.splitText(a);
      hit.splitText(b - a);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      nodeFirst = mark;
    }
    first ??= nodeFirst;
  }
  return first;
}
