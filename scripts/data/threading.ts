// Knowledge for re-threading columns whose lines the PDF flattening interleaved (thread-columns.ts).

/**
 * Characters that seldom open a sentence (连词, 助词): a line starting with one most likely continues
 * the sentence of another line rather than opening a paragraph.
 */
export const continuationOpeners = new Set([...'的地得了着过和与及并等之而或且也又都就才则把被向于为从']);

/** A photographer's credit on its own line: ■ 张晶 (a name, no 记者/通讯员 title). */
export const photoCredit = /^[■◆●▲]\s*[\p{Script=Han}]{2,4}$/u;

/** How a photo caption usually opens: with the day the picture was taken (3月18日，…). */
export const captionOpener = /^\d{1,2}\s*月\s*\d{1,2}\s*日/u;
