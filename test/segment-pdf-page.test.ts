// Stage segment PDF page (segment-pdf-page.ts), after lay out lines, on pages built by hand: each line
// one glyph run of CJK type (one em wide a character, the box one em high). The expected articles were
// worked out by hand from the drawings in the comments.
import { describe, expect, it } from 'vitest';
import { layoutLines } from '../scripts/pipeline/layout-lines.ts';
import { segmentPdfPage } from '../scripts/pipeline/segment-pdf-page.ts';
import type { GlyphRun, PageBox, PdfPage } from '../scripts/pipeline/types.ts';

const run = (text: string, x: number, y: number, size: number, bold = false): GlyphRun => ({
  text,
  box: { page: 1, x, y, width: [...text].length * size, height: size },
  size,
  font: bold ? 'NotoSansCJKsc-Bold' : 'NotoSerifCJKsc-Regular',
  bold,
});
const picture = (x: number, y: number, width: number, height: number): PageBox => ({ page: 1, x, y, width, height });

function segment(runs: GlyphRun[], graphics: PageBox[]) {
  const page: PdfPage = { page: 1, width: 600, height: 900, runs, graphics };
  const lines = layoutLines(page, { file: 'p.pdf', firstLine: 1, firstColumn: 1 });
  return segmentPdfPage(lines, new Set(), 1, graphics);
}

describe('segment-pdf-page', () => {
  it('gives each photo of a grid its own caption, row by row: captions read one after another are parted by their columns and by the photo between them', () => {
    // ┌photo┐ ┌photo┐      two by two, 250 × 150 pt each, 12 pt apart
    // 雨后彩虹 (bold)  湖畔晨光里……
    // 彩虹横跨……       本报记者 甲 摄
    // 本报记者 乙 摄
    // ┌photo┐ ┌photo┐
    // 江心洲的……       晨练 (bold)
    // 本报记者 丙 摄   老人们在……
    // then a story in 9 pt body type under the grid.
    const caption = (x: number, top: number, lines: [string, boolean][]) => lines.map(([text, bold], i) => run(text, x, top + 13 * i, 8.5, bold));
    const runs = [
      ...caption(40, 196, [['雨后彩虹', true], ['彩虹横跨江面，市民驻足拍照。', false], ['本报记者 乙 摄', false]]),
      ...caption(302, 196, [['湖畔晨光里，白鹭掠过水面。', false], ['本报记者 甲 摄', false]]),
      ...caption(40, 406, [['江心洲的油菜花竞相开放。', false], ['本报记者 丙 摄', false]]),
      ...caption(302, 406, [['晨练', true], ['老人们在广场上打太极拳。', false]]),
      run('本报讯 春季植树活动昨日启动，全市市民踊跃参加，', 58, 480, 9),
      ...Array.from({ length: 8 }, (_, i) => run('共栽下树苗一万株，各区还将陆续组织义务植树活动', 40, 494 + 14 * i, 9)),
      run('到月底。', 40, 606, 9),
    ];
    const graphics = [picture(40, 40, 250, 150), picture(302, 40, 250, 150), picture(40, 250, 250, 150), picture(302, 250, 250, 150)];
    const { articles } = segment(runs, graphics);
    const photos = articles.filter((a) => a.kind === 'photo').map((a) => ({ title: a.title, paragraphs: a.paragraphs }));
    expect(photos).toEqual([
      { title: '雨后彩虹', paragraphs: ['彩虹横跨江面，市民驻足拍照。', '本报记者 乙 摄'] },
      { title: null, paragraphs: ['湖畔晨光里，白鹭掠过水面。', '本报记者 甲 摄'] },
      { title: null, paragraphs: ['江心洲的油菜花竞相开放。', '本报记者 丙 摄'] },
      { title: '晨练', paragraphs: ['老人们在广场上打太极拳。'] },
    ]);
    expect(articles.filter((a) => a.kind !== 'photo').map((a) => a.paragraphs.join(''))).toEqual([`本报讯 春季植树活动昨日启动，全市市民踊跃参加，${'共栽下树苗一万株，各区还将陆续组织义务植树活动'.repeat(8)}到月底。`]);
  });
});
