// Stage segment PDF page (segment-pdf-page.ts), after lay out lines, on pages built by hand: each line
// one glyph run of CJK type (one em wide a character, the box one em high). The expected articles were
// worked out by hand from the drawings in the comments.
import { describe, expect, it } from 'vitest';
import { layoutLines } from '../scripts/pipeline/layout-lines.ts';
import { segmentPdfPage } from '../scripts/pipeline/segment-pdf-page.ts';
import type { GlyphRun, PageBox, PdfPage } from '../scripts/pipeline/types.ts';
import { glyphRun as run } from './pdf-runs.ts';

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

  it('keeps a 小标题 set a little larger than the body in its story, and opens a brief at a title over a letter-spaced dateline', () => {
    // 守山人                                  (16 pt bold)
    // 凌晨五点……  (8.5 pt body, 6 lines)
    // 一双脚量遍万亩林                        (10 pt bold: 1.18 × body)
    // 鹰嘴岩林场……  (body, 6 lines)
    // 市博物馆举办古代农具展                  (10 pt bold)
    // 本 报 讯 “耕读传家”……  (a short line set letter-spaced)
    const body = (top: number, n: number, text: string) => Array.from({ length: n }, (_, i) => run(i === 0 ? `　　${text}` : text, 40, top + 13 * i, 8.5)).map((r, i) => (i === 0 ? { ...r, text: r.text.trim(), box: { ...r.box, x: 57, width: r.box.width - 17 } } : r));
    const spaced = [...'本报讯“耕读传家”农具展开幕。'].map((c, i) => run(c, 57 + 12 * i, 296, 8.5));
    const runs = [
      run('守山人', 40, 40, 16, true),
      ...body(64, 6, '凌晨五点天还没亮他已背上水壶出门了'),
      run('一双脚量遍万亩林', 40, 146, 10, true),
      ...body(162, 6, '鹰嘴岩林场有林地一万一千多亩他负责'),
      run('市博物馆举办古代农具展', 40, 276, 10, true),
      ...spaced,
    ];
    const { articles } = segment(runs, []);
    expect(articles.map((a) => ({ title: a.title, subheads: a.subheads, first: a.paragraphs.map((p) => p.slice(0, 6)) }))).toEqual([
      { title: '守山人', subheads: [1], first: ['凌晨五点天还', '一双脚量遍万', '鹰嘴岩林场有'] },
      { title: '市博物馆举办古代农具展', subheads: [], first: ['本 报 讯 '] },
    ]);
  });

  it('reads the lines right under a picture as its caption where captions are set in the body size, up to the credit', () => {
    // ┌photo 250 × 150┐
    // 晨练 (bold)
    // 市民在江边晨练……   (9 pt, the body's size)
    // 本报记者 米乐 摄
    // 春季植树活动昨日启动   (15 pt title) and its story in 9 pt
    const runs = [
      run('晨练', 40, 196, 9, true),
      run('市民在江边晨练，太极拳、广场舞各有一片天地，', 40, 210, 9),
      run('本报记者 米乐 摄', 40, 224, 9),
      run('春季植树活动昨日启动', 40, 250, 15, true),
      run('本报讯 全市市民踊跃参加植树活动，', 58, 272, 9),
      ...Array.from({ length: 6 }, (_, i) => run('共栽下树苗一万株，各区还将陆续组织活动', 40, 286 + 14 * i, 9)),
    ];
    const { articles } = segment(runs, [picture(40, 40, 250, 150)]);
    expect(articles.map((a) => ({ kind: a.kind, title: a.title, paragraphs: a.paragraphs.length }))).toEqual([
      { kind: 'photo', title: '晨练', paragraphs: 1 },
      { kind: 'news', title: '春季植树活动昨日启动', paragraphs: 1 },
    ]);
    expect(articles[0]!.paragraphs.join('')).toBe('市民在江边晨练，太极拳、广场舞各有一片天地，本报记者 米乐 摄');
  });

  it('opens a brief at a bold title set at about the body size (10.5 pt over 10 pt) over its dateline', () => {
    // 金砂湾海滩救生站增至五处      (10.5 pt bold sans)
    // 　　本报讯 进入暑期，……       (10 pt body, 3 lines)
    // 鹿鸣乡开通城乡公交专线        (10.5 pt bold sans)
    // 　　本报讯 7月20日起，……
    const brief = (title: string, top: number, first: string) => [
      run(title, 40, top, 10.5, true),
      run(first, 60, top + 18, 10),
      run('站，救生员增至三十二名，并配备无人机巡查，每天', 40, top + 34, 10),
      run('上午八点至晚上八点轮班值守。', 40, top + 50, 10),
    ];
    const runs = [...brief('金砂湾海滩救生站增至五处', 40, '本报讯 进入暑期，金砂湾海滩新增两处救生'), ...brief('鹿鸣乡开通城乡公交专线', 110, '本报讯 7月20日起，鹿鸣乡至市客运中心的城乡')];
    const { articles } = segment(runs, []);
    expect(articles.map((a) => [a.title, a.paragraphs[0]!.slice(0, 6)])).toEqual([
      ['金砂湾海滩救生站增至五处', '本报讯 进入'],
      ['鹿鸣乡开通城乡公交专线', '本报讯 7月'],
    ]);
  });
});
