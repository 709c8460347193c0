// 小标题 recognition on the article page (src/lib/subheads.ts). The subheads and prose lines below
// are the ones printed in the sample pages (as the gold editions transcribe them).
import { describe, expect, it } from 'vitest';
import { bodyBlocks } from '../src/lib/subheads.ts';

const kinds = (paragraphs: string[]) => bodyBlocks(paragraphs).map((b) => b.kind);

describe('bodyBlocks', () => {
  it('marks short lines between paragraphs that end no sentence as subheads, text unchanged', () => {
    const body = ['本报讯 近日，我区召开双拥工作会议。', '打造拥军文化新阵地', '全区建成双拥主题公园一处。', '千企万店齐拥军', '商户为军人提供优待服务。'];
    expect(kinds(body)).toEqual(['paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    expect(bodyBlocks(body).map((b) => b.text)).toEqual(body);
  });

  it('marks ornamented lines as subheads even when the ornament ends in an ellipsis', () => {
    const body = ['春节前，宋女士拨打了市民热线。', '……◀ 瞄准突出问题发力 ▶……', '区里梳理出群众反映集中的问题。', '·····◀ 压实承办单位责任 ▶·····', '承办单位限时办结。'];
    expect(kinds(body)).toEqual(['paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    expect(kinds(['第一段。', '【新闻链接】', '第二段。'])).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('leaves prose alone: sentences, the opening line, a closing credit, long lines', () => {
    expect(kinds(['奉献，让城市暖起来', '全市志愿者走上街头。', '(融媒体 徐振鑫 朱晓斌)'])).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(kinds(['第一段。', '会议要求，各级各部门要切实把思想和行动统一到市委市政府部署上来', '最后一段。'])).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(kinds(['第一段。', '短句也是句子。', '（下转第8版）', '最后一段。'])).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
});
