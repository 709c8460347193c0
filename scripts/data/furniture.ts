// Page furniture (版面元素) that belongs to no article: index boxes (导读), footers (值班编辑 lines,
// distribution lists of bulletins), rules, banners. classify-lines.ts records these lines as furniture
// with their kind; nothing is dropped.
import type { FurnitureKind } from '../pipeline/types.ts';
import { boxLabelLine, boxLabels } from './article-lines.ts';

export interface FurniturePattern {
  kind: FurnitureKind;
  pattern: RegExp;
  /** What the pattern recognises, for the README and debugging. */
  note: string;
  /**
   * Characters the pattern cannot match a line without (it needs one of them), when that is a quick
   * test that fails most lines: line-features.ts asks the pattern only of lines holding one.
   */
  needs?: string;
}

/** Tested in order on the trimmed line with its letter-spacing removed. */
export const furniturePatterns: FurniturePattern[] = [
  { kind: 'index', pattern: /^(?:今日|本期|本版)?(?:导读|要目|提要|目录)$/u, note: 'index box label: 今日导读' },
  { kind: 'index', pattern: /^(?:第\s*)?\d{1,2}\s*版$/u, note: 'page reference of an index entry: 8版', needs: '版' },
  { kind: 'index', pattern: /^\S.{2,40}\s+(?:第\s*)?\d{1,2}\s*版$/u, note: 'index entry with its page: 中国女足…冠军 8版', needs: '版' },
  { kind: 'index', pattern: /^[▶►▸●·•]?\S.{2,40}[（(]第?\s*\d{1,2}\s*版[）)]$/u, note: 'index entry with its page in brackets: ▶澜江…完工（6版）', needs: '版' },
  { kind: 'index', pattern: /^\S.{2,40}?(?:…{2,}|\.{3,}|·{3,})\s*(?:第\s*)?\d{1,2}\s*版$/u, note: 'index entry with leader dots to its page: 湄川老街年货市集开市……第07版', needs: '版' },
  {
    kind: 'footer',
    pattern: /(?:值班(?:副)?总编|值班主任|责编|责任编辑|编辑|版式|美编|校对|组版|照排)\s*[:：\s].*(?:值班|责编|编辑|版式|美编|校对|组版|照排)\s*[:：\s]/u,
    note: 'production credits: 值班副总编:… 责编:… 校对:… (the colons may be spaces: 本版编辑 宁可馨　美编 左清扬)',
  },
  {
    kind: 'footer',
    pattern: /^(?:值班(?:副)?总编|值班主任|责编|(?:本版|责任|图片|摄影)?编辑|版式|美编|校对|组版|照排)\s*[:：\s]\s*\p{Script=Han}{2,4}$/u,
    note: 'one production credit on a line of its own, a name after its label: 本版编辑 林小舟 (an extractor that prints text blocks apart parts 本版编辑 … 美编 … into two lines)',
    needs: '编版校照主',
  },
  { kind: 'footer', pattern: /^(?:报|送|发|抄送|抄报)\s*[:：]/u, note: 'distribution list of a bulletin: 报：… 发：…' },
  { kind: 'footer', pattern: /^共印\s*\d+\s*份$/u, note: 'print run of a bulletin: 共印 260 份' },
  { kind: 'other', pattern: /^[-—_=*·━─]{3,}$/u, note: 'a rule (Markdown ---)' },
  // Each label's last character: a line holding none ends with no label.
  { kind: 'section', pattern: boxLabelLine, note: 'label of a boxed column on a line of its own: 简讯, 本地简讯, 评论', needs: boxLabels.map((l) => l.at(-1)!).join('') },
  { kind: 'masthead', pattern: /^第\s*\d{1,2}\s*版\s*[:：]\s*\S{1,8}$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期\S(?:\s+.{0,24})?$/u, note: 'page header left by the masthead reader: 第02版：综合, 2024年10月16日 星期三 …' },
  { kind: 'banner', pattern: /^[·•.…]{2,}.+[·•.…]{2,}$/u, note: 'a slogan banner between dots: ··我为群众办实事··' },
];
