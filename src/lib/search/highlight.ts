// On an article page reached from a search result (`?hl=…`), marks every occurrence of the search
// terms in the article text and scrolls to the first. Text nodes are split, never re-parsed as HTML.
import { findRanges } from './match.ts';
import { parseTerms } from './query.ts';

export function highlightTerms(root: Element, hl: string): HTMLElement | null {
  const terms = parseTerms(hl);
  if (!terms.length) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n.parentElement?.closest('[hidden], script, style'))) nodes.push(n as Text);
  }
  let first: HTMLElement | null = null;
  for (const node of nodes) {
    const ranges = findRanges(node.data, terms);
    let nodeFirst: HTMLElement | null = null;
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [start, end] of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
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
