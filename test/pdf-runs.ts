// Pages built by hand for the PDF stages' tests (layout-lines, segment-pdf-page): a glyph run of CJK
// type, one em wide a character and one em high, placed as a layout engine would place it.
import type { GlyphRun } from '../scripts/pipeline/types.ts';

/** A run of `text` at (x, y) in `size` pt type, bold in the sans face, else the serif body face. */
export const glyphRun = (text: string, x: number, y: number, size: number, bold = false): GlyphRun => ({
  text,
  box: { page: 1, x, y, width: [...text].length * size, height: size },
  size,
  font: bold ? 'NotoSansCJKsc-Bold' : 'NotoSerifCJKsc-Regular',
  bold,
});
