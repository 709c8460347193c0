// Shapes a PDF page's image and article regions for the page view (components/PageImage.astro).
import type { ArticleRef, PageImage } from './archive-schema.ts';

/**
 * The page image's width in pixels, as scripts/render-page-images.ts renders it: 1400 px shows a
 * broadsheet's body type (9 pt on a 350 mm page) at about 1.6 px a point, readable when a phone's reader
 * zooms in, and keeps the WebP under 400 KB (README, "Pages from PDFs").
 */
export const PAGE_IMAGE_WIDTH = 1400;

/** White space kept around an article's lines in its outline, in PDF points (about 1 mm). */
const REGION_PADDING = 3;

export interface ImageRegion {
  ref: ArticleRef;
  /** Rectangles in PDF points, padded and kept inside the page. */
  boxes: { x: number; y: number; width: number; height: number }[];
}

/** The image's size in pixels at `width` (the height as the renderer rounds it). */
export function imageSize(image: Pick<PageImage, 'width' | 'height'>, width = PAGE_IMAGE_WIDTH): { width: number; height: number } {
  return { width, height: Math.round((width * image.height) / image.width) };
}

/** Each article of the page with its region, in reading order; an article with no region is left out. */
export function imageRegions(image: PageImage, refs: readonly ArticleRef[]): ImageRegion[] {
  const byOrder = new Map(image.regions.map((r) => [r.order, r.boxes]));
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const regions: ImageRegion[] = [];
  for (const ref of [...refs].sort((a, b) => a.order - b.order)) {
    const boxes = (byOrder.get(ref.order) ?? []).map((b) => {
      const x = clamp(b.x - REGION_PADDING, image.width);
      const y = clamp(b.y - REGION_PADDING, image.height);
      const right = clamp(b.x + b.width + REGION_PADDING, image.width);
      const bottom = clamp(b.y + b.height + REGION_PADDING, image.height);
      return { x: round(x), y: round(y), width: round(right - x), height: round(bottom - y) };
    });
    if (boxes.length) regions.push({ ref, boxes });
  }
  return regions;
}

const round = (n: number): number => Math.round(n * 10) / 10;
