// Punctuation classes (标点) that tell where a printed sentence, line or paragraph ends. Seeds mix
// full-width Chinese punctuation with ASCII (some e-paper exports print `,` `!` `:` for `，！：`).

/** Marks that end a sentence (句末点号): a line ending with one may end a paragraph. */
export const sentenceEnd = new Set(['。', '！', '？', '；', '…', '!', '?', ';', '.']);

/** Closing quotes and brackets that may follow a sentence end (。” / ！」 / …）). */
export const closers = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);

/** Marks inside a sentence (句内点号): text holding these reads as prose, not as a headline. */
export const sentenceInside = /[。；;]/u;

/** Commas and enumeration marks: a line ending with one runs on into the next. */
export const runOn = new Set(['，', ',', '、', '：', ':', '—', '（', '(', '“', '「', '《']);

/** Characters that count as full width (one em) when the width of a printed line is measured. */
export const fullWidth = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019■□◆●▲▶◀]/u;

/** Marks that never open a line of their own accord: a line starting with one continues the last. */
export const closingMarks = '”’」』）)》】，,。、；;：:！!？?…';
