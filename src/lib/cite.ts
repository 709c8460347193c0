// 引用本文 (cite this article, issue 16): the newspaper forms of GB/T 7714—2015 (信息与文献 参考文献
// 著录规则, §8 and its examples for 报纸 newspapers): `[N]` in print and `[N/OL]` online with the access
// date and the permalink, plus the Chicago Manual of Style's newspaper form for Western readers.
// The access date is the reader's day, filled in by the browser; the build stays deterministic.

export interface Citable {
  title: string;
  byline: string | null;
  paragraphs: readonly string[];
  paperName: string;
  /** ISO date. */
  date: string;
  page: number;
}

/** Role words around the names of a byline or dateline credit (本报记者 林小雨 通讯员 王五, 文/图 张三). */
const ROLE = /本报记者|本报通讯员|特约记者|见习记者|实习记者|记者|通讯员|实习生|编辑|本报|文字|摄影|报道|整理|[文图摄]\/?|\//gu;
/** A person's name: two to four Han characters (a 复姓 full name has four), or a Latin name. */
const NAME = /^(?:\p{Script=Han}{2,4}|[A-Za-z][A-Za-z .'-]{1,40})$/u;
/** A dateline's credit: 本报讯（记者 林小雨）, 新华社北京5月6日电（记者 王五 李四）. */
const DATELINE_CREDIT = /^\s*(?:本报讯|[^，。（(]{0,16}电)\s*[（(]([^）)]{1,40})[）)]/u;

/** The article's authors, from its byline, else its dateline's credit; [] when neither names anyone. */
export function authorsOf(byline: string | null, paragraphs: readonly string[]): string[] {
  const credit = byline ?? DATELINE_CREDIT.exec(paragraphs[0] ?? '')?.[1] ?? '';
  return [...new Set(credit.replace(ROLE, ' ').split(/[\s、，,;；]+/u).filter((t) => NAME.test(t)))];
}

/** GB/T 7714 §8.1.2: up to three authors, then `等` (et al.). */
function gbtAuthors(authors: string[]): string {
  return authors.length > 3 ? `${authors.slice(0, 3).join(', ')}, 等` : authors.join(', ');
}

const lead = (authors: string[]) => (authors.length ? `${gbtAuthors(authors)}. ` : '');

/** GB/T 7714 `[N]`: 林小雨. 河城新建三座口袋公园[N]. 河城日报, 2023-05-08(1). */
export function gbtPrint(c: Citable): string {
  return `${lead(authorsOf(c.byline, c.paragraphs))}${c.title}[N]. ${c.paperName}, ${c.date}(${c.page}).`;
}

/** GB/T 7714 `[N/OL]`, in parts around the access date and the URL the browser fills in. */
export function gbtOnline(c: Citable): { before: string; between: string; after: string } {
  return {
    before: `${lead(authorsOf(c.byline, c.paragraphs))}${c.title}[N/OL]. ${c.paperName}, ${c.date}(${c.page})[`,
    between: ']. ',
    after: '.',
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date in Chicago's form: 2023-05-08 → May 8, 2023. */
export function chicagoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** Chicago (17th ed., 14.191 newspapers), in parts around the URL: 林小雨. “Title.” Paper, May 8, 2023, 1. URL. */
export function chicago(c: Citable): { before: string; after: string } {
  const authors = authorsOf(c.byline, c.paragraphs);
  const who = authors.length ? `${authors.length > 3 ? `${authors[0]} et al` : authors.join(', ')}. ` : '';
  return { before: `${who}“${c.title}.” ${c.paperName}, ${chicagoDate(c.date)}, ${c.page}. `, after: '.' };
}
