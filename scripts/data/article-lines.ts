// What the lines around an article look like: datelines (电头) and bylines (署名) that open a report,
// closing credits, subtitles (副题), speaker lines, continuation markers (转版) and in-text section
// heads (小标题). Used by classify-lines.ts; each pattern is tested on one trimmed line.
import { newsAgencies } from './datelines.ts';

/**
 * A dateline opening a report: 本报讯, 本报济宁讯, 本报济宁12月11日讯, 新华社北京3月24日电,
 * 东昌府讯 11月18日 (a paper named after its place). Anchored at the line start; 本报通讯员 is a byline.
 */
export const datelineStart = [
  /^本报[\p{Script=Han}]{0,6}?\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*讯(?!员)/u,
  new RegExp(`^(?:${newsAgencies.join('|')})[\\p{Script=Han}]{0,8}?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:电|讯)`, 'u'),
  /^[\p{Script=Han}]{2,6}讯(?:[\s　]+|(?=[（(]))(?:[（(][^）)]{1,30}[）)])?\s*\d{1,2}\s*月/u,
];
/** Every dateline above prints 讯 or 电: a line with neither is no dateline (a quick test before the patterns). */
export const datelineNeeds = '讯电';

/** Who wrote it, on a line of its own: ■ 本报记者 曹天伟, □ 记者 …, ■闻道, 融媒体 徐振鑫 通讯员 杨晓斌. */
export const bylineStart = /^(?:■|□|◆|●|▲)\s*\S|^(?:本报记者|本报通讯员|记者|通讯员|融媒体记者|融媒体|特约记者|实习生|文\/|文：|图\/|图：)\s*\S/u;

/** A closing credit in brackets after the last paragraph: (融媒体 徐振鑫 朱晓斌). It stays a paragraph. */
export const closingCredit = /^[（(](?:融媒体|记者|通讯员|本报记者|本报通讯员|文|图|编辑)[^）)]{1,40}[）)]$/u;

/**
 * A photo caption's last line: a finished sentence, then the photographer's credit after a mark
 * (…践行初心使命。 ■ 张晶, …增长221.5%。 ■ 本报通讯员 王少霏). The caption is an item of its own.
 */
export const captionCredit = /[。！？!?”」]\s*[■◆●▲]\s*[^。，,；;：:■◆●▲]{2,20}$/u;
/** The marks captionCredit needs one of. */
export const captionCreditNeeds = '■◆●▲';

/**
 * A photographer's credit ending in 摄 (摄影, "photographed by"): …增收。 蒋雨朵 摄, 本报记者 张三 摄,
 * （记者 李四 摄）. On a line of its own or after the caption's last sentence.
 */
export const shotCredit = /(?:^|[。！？!?”」\s])[（(]?[^。，,；;：:\s]{0,8}\s*[\p{Script=Han}·]{2,5}\s*摄[）)]?$/u;
/** shotCredit needs its 摄. */
export const shotCreditNeeds = '摄';

/**
 * Words that name a boxed column of briefs, photos or opinion (栏目名): 简讯, 快讯, 速览, 评论, 街谈.
 * A flattening tool may glue one to the first item's title (简讯栖梧县开通…). The opinion labels are the
 * ones Chinese dailies print over a commentary box: 评论 (comment), 时评 / 快评 / 锐评 / 热评 (comment
 * on the news), 短评 (short comment), 社评 / 社论 (editorial), 言论, 观点 (viewpoint: 今日观点, 新闻观点),
 * 杂谈 / 漫谈 / 随笔 (essay), 街谈.
 */
export const boxLabels = [
  ...['简讯', '快讯', '短讯', '速览', '速递', '图片新闻', '图说', '资讯', '要闻', '观察', '声音', '提示'],
  ...['评论', '时评', '快评', '锐评', '热评', '短评', '社评', '社论', '言论', '观点', '杂谈', '漫谈', '随笔', '街谈'],
];

/** A column label on a line of its own: a label word, maybe after a short qualifier (本地简讯, 新闻速览, 今日评论). */
export const boxLabelLine = new RegExp(`^[\\p{Script=Han}]{0,4}(?:${boxLabels.join('|')})$`, 'u');

/** A subtitle (副题) opened by a dash: ——写在…之时, ---聊城抗疫记, - 东昌府区…, ⸺记… (a two-em dash as extractors return ——). */
export const dashSubtitle = /^(?:——|—|－－|--+|-|－|⸺|⸻)\s*\S/u;

/** A speaker line under a meeting headline: 孙爱军讲话 李长萍主持 王彤宇曾晓黎张百顺出席. */
export const speakerLine = /^(?:[\p{Script=Han}、]{2,16}(?:讲话|主持|出席|致辞|作报告|参加|会见|并讲话)[\s　]*)+$/u;
/** The last characters of speakerLine's verbs: it needs one of them. */
export const speakerLineNeeds = '话持席辞告加见';

/**
 * Verbs of a held event (召开, 举行): a kicker glued to its title on one line ends with one (…大会召开
 * 强化… 聚力…); a headline block of its own ending with one is the news itself, a title.
 */
export const kickerEnding = /(?:召开|举行|开幕|闭幕|举办)$/u;

/**
 * Which of two headline blocks printed one above the other is the title (主题): the upper one with a
 * subtitle (副题) below it, or the lower one with a kicker (引题) above it. Each cue is a habit of
 * Chinese headline writing, weighed in attach-headlines.ts `kickerEvidence`.
 */
export const headlineCues = {
  /** A kicker that introduces its title as what someone said (林红玉在检查…时强调); not 要求, often a noun (更高要求). */
  sayingEnd: /(?:强调|指出|表示|提出|寄语)$/u,
  /**
   * A title that exhorts (虚题: 以更高标准…, 全力确保…, 扎实推进…) under a kicker stating the facts
   * (实题): the block above it is that kicker.
   */
  exhortationStart: /^(?:以|全力|奋力|努力|扎实|坚持|加快|推动|持续|切实|着力|聚力|勇于|强化|深化|携手|确保|争当|争创)/u,
  /** A title of short parallel phrases (添绿增色 共建家园), a slogan under a kicker stating the facts. */
  sloganPhrases: /^\p{Script=Han}{2,8}(?:[ \u3000]+\p{Script=Han}{2,8})+$/u,
  /** A subtitle giving the local angle of a wider story (我区设分会场…, 我市…): it opens its own line. */
  localStart: /^我(?:省|市|区|县|镇|乡)/u,
  /** A subtitle adding a detail to its title (分别比去年提升…, 其中…). */
  detailStart: /^(?:分别|其中|同时|此外|另有)/u,
};

/** An in-text section head decorated with rules or arrows: ……◀ 瞄准突出问题发力 ▶…… */
export const decoratedHead = /^[.·…\-—━─*＊\s]*[◀◆【■]\s*[^▶】◆]{2,20}\s*[▶◆】][.·…\-—━─*＊\s]*$/u;
/** The closing marks decoratedHead needs one of. */
export const decoratedHeadNeeds = '▶◆】';

/** 下转第8版 / (下转8版) / 上接第1版: the marker and the page it names. */
export const continuedTo = /[（(]?\s*下转\s*第?\s*(?<page>\d{1,2})\s*版\s*[)）]?/u;
export const continuedFrom = /[（(]?\s*上接\s*第?\s*(?<page>\d{1,2})\s*版\s*[)）]?/u;

/** A line that opens a paragraph the way reports do: a date (1月24日，), a dateline or a quotation. */
export const paragraphOpener = /^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|本报|新华社|[“"「])/u;

/**
 * When a headline standing apart is given to a body with no headline (match-headlines.ts): the share of
 * the headline's Han character pairs the body's text holds. Measured on the gold of the corpus's dev and
 * train pages (test/corpus, 1,200 distinct titles): 87% of titles reach 0.3 against their own body,
 * 1.25% against another body on their page; the own body holds the larger share for 89%.
 */
export const headlineMatch = {
  minShare: 0.3,
  /** A headline already over a body moves only to one holding this much more of its pairs. */
  margin: 0.2,
  /**
   * A lone headline over a body holding less than this share of its pairs may stand over another's
   * (gold: 93% of titles reach 0.1 against their own body, 18% against another on their page).
   */
  weakShare: 0.1,
};
