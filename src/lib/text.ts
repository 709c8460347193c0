// Short texts derived from an article for lists and meta tags.

/** The first `max` characters of the body, cut at a character boundary (not a UTF-16 half), with … when cut. */
export function excerpt(paragraphs: readonly string[], max = 80): string {
  const chars = [...paragraphs.join(' ').replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('');
}
