// Byte signatures ("magic numbers") of common non-text files that land in a seeds folder by mistake:
// the PDF a page's text was flattened from, its page image, an archive of pages. A seed that starts
// with one of these is reported as not text instead of being decoded into nonsense.
export interface FileSignature {
  /** Name used in the diagnostic. */
  format: string;
  /** The file's first bytes. */
  bytes: readonly number[];
}

export const binarySignatures: readonly FileSignature[] = [
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { format: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { format: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { format: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { format: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { format: 'ZIP archive (or DOCX/ODT)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'gzip archive', bytes: [0x1f, 0x8b] },
  { format: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { format: 'legacy Office document (DOC/XLS)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/**
 * Byte-order marks, checked before anything else: UTF-16 text holds NUL bytes, so it must be
 * recognised before the binary check. UTF-16 without a BOM is not guessed (it reads as binary).
 */
export const byteOrderMarks = [
  { encoding: 'utf-8', label: 'UTF-8 with a byte-order mark', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', label: 'UTF-16LE (byte-order mark)', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', label: 'UTF-16BE (byte-order mark)', bytes: [0xfe, 0xff] },
] as const;

/**
 * Control characters (C0 other than tab, line feed, form feed and carriage return; DEL; C1) above this
 * share of a file's characters (NUL bytes: of its bytes), and more than minBadBytesAllowed of them, mean
 * the file is not text. A few stray ones (a
 * DOS end-of-file mark 0x1A, an escape, a NUL) do not: the page is read, each replaced by U+FFFD with a
 * warning (scripts/pipeline/sanitise-text.ts).
 */
export const maxControlShare = 0.01;

/**
 * A page that is neither valid UTF-8 nor valid GB18030 is still read (bad places as U+FFFD, each a
 * warning) when its best reading has at most this share of bad places per byte, or at most
 * minBadBytesAllowed of them: a cut character, a stray byte, a cp1252 quote. Text in another encoding
 * read as UTF-8 or GB18030 has a bad place every few bytes (random bytes: about one in three), far
 * above 1%.
 */
export const maxBadByteShare = 0.01;
export const minBadBytesAllowed = 4;
/**
 * …and when that reading is mostly Chinese text: at least this share of its non-ASCII characters common
 * Chinese (decode.ts plausibility(); damaged sample pages score 0.99, misread ones 0.02–0.21).
 */
export const minPlausibility = 0.5;

/**
 * When the UTF-8 and GB18030 readings of a page are this close in plausibility (share of common Chinese
 * characters, decode.ts plausibility()), the choice is doubtful and a warning. Measured on the five
 * sample pages: 0.997–0.998 as UTF-8, 0.186–0.204 as misread GB18030, 0.018–0.026 GB18030 misread as
 * UTF-8: right and wrong readings are 0.79 or more apart, so a gap under 0.25 is unlike either.
 */
export const doubtfulMargin = 0.25;

/**
 * Valid UTF-8 is read as GB18030 instead only when the GB18030 reading is clearly more plausible over
 * at least this many non-ASCII characters: a line of Latin text with one ï is valid UTF-8 whose two
 * bytes also make one common GB 2312 character, too little to go on.
 */
export const minEvidenceChars = 20;
