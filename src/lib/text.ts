// Short texts derived from an article for lists and meta tags.

/** The first `max` characters of the body, cut at a character boundary (not a UTF-16 half), with … when cut. */
export function excerpt(paragraphs: readonly string[], max = 80): string {
  const chars = [...paragraphs.join(' ').replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('');
}

/**
 * Seed text for a meta attribute (description, og:title): angle brackets become full-width (＜＞).
 * Inside an attribute `<` is harmless to a browser, but link-preview scrapers and feed readers that
 * re-render these values as HTML are not all careful; the reader loses nothing in a summary.
 */
export function metaText(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞');
}
