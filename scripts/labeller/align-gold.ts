// Line roles read off a gold edition: each content line of a seed page is found in the gold's text
// (kicker, title, subtitles, byline, paragraphs, furniture, in that printed order) and takes the role of
// the field it falls in. These are the labels `npm run train` fits the labeller to.
import { radicalSupplement } from '../data/radicals.ts';
import type { GoldEdition, LineFeatures, LineRole } from '../pipeline/types.ts';

export type { GoldEdition };

/** Text folded as the scorer compares it: NFKC, the Supplement radicals (its table), no whitespace or Markdown marks. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\u2e80-\u2eff]/gu, (c) => radicalSupplement.get(c) ?? c).replace(/[\s#*<>_]/gu, '');
}

/** A 小标题: a whole short paragraph with no sentence mark, not a bracketed credit. */
function isSectionHead(paragraph: string): boolean {
  const p = paragraph.trim();
  return [...p].length <= 30 && !/[。！？；!?;，,]/u.test(p) && !/^[（(].*[）)]$/u.test(p);
}

/**
 * The gold role of every line (null where the line's text is not found in the gold). Lines are looked
 * for in printed order from where the last one was found, then anywhere (re-threaded columns).
 */
export function alignRoles(lines: readonly LineFeatures[], gold: GoldEdition): (LineRole | null)[] {
  let text = '';
  const owner: LineRole[] = [];
  const add = (s: string | null, role: LineRole): void => {
    const f = fold(s ?? '');
    text += f;
    for (let i = 0; i < f.length; i++) owner.push(role);
  };
  const section: boolean[] = [];
  for (const a of gold.articles) {
    add(a.kicker, 'kicker');
    add(a.title, 'title');
    for (const s of a.subtitles) add(s, 'subtitle');
    add(a.byline, 'byline');
    // An untitled one-paragraph piece is a photo's caption, unless the gold calls it a brief (本报讯 …, a report).
    const photo = a.kind === 'photo' || (a.title === null && a.paragraphs.length <= 1 && a.kind !== 'brief');
    for (const p of a.paragraphs) {
      const from = text.length;
      add(p, photo ? 'caption' : 'body');
      if (!photo && isSectionHead(p)) for (let i = from; i < text.length; i++) section[i] = true;
    }
  }
  for (const f of gold.furniture) add(f.text, 'furniture');
  let cursor = 0;
  /** The roles of a text found from the cursor on (or anywhere), or null. */
  const find = (f: string): LineRole[] | null => {
    let at = text.indexOf(f, cursor);
    if (at < 0) at = text.indexOf(f);
    if (at < 0) return null;
    cursor = at + f.length;
    // A line that is a whole section head, start to end.
    if (section[at] && section[at + f.length - 1] && !section[at + f.length] && (at === 0 || !section[at - 1])) return ['section'];
    return owner.slice(at, at + f.length);
  };
  return lines.map((line) => {
    const f = fold(line.text);
    if (!f) return null;
    // A line the gold does not hold in one piece may glue parts printed apart (two titles side by side).
    const spans = find(f) ?? line.text.split(/\s+/u).map(fold).filter(Boolean).map(find).reduce<LineRole[] | null>((all, s) => (all && s ? [...all, ...s] : null), []);
    if (!spans?.length) return null;
    // A line gluing headline parts reads as its main part: the title, else its first part.
    return spans.includes('title') ? 'title' : spans[0]!;
  });
}
