// Knowledge for re-threading columns whose lines the PDF flattening interleaved (thread-columns.ts).

/**
 * Characters that seldom open a sentence (连词, 助词): a line starting with one most likely continues
 * the sentence of another line rather than opening a paragraph.
 */
export const continuationOpeners = new Set([...'的地得了着过和与及并等之而或且也又都就才则把被向于为从']);

/** A line that opens a paragraph the way reports do: a date (1月24日，), a dateline or a quotation. */
export const paragraphOpener = /^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|本报|新华社|[“"「])/u;

/** A photographer's credit on its own line: ■ 张晶 (a name, no 记者/通讯员 title). */
export const photoCredit = /^[■◆●▲]\s*[\p{Script=Han}]{2,4}$/u;
