// C0/C1 control characters other than tab and newline, and invisible format characters
// (zero-width spaces and joiners, BOM, soft hyphen, bidi controls).
const CONTROL_CHARACTERS = /(?![\t\n])\p{Cc}/gu;
const INVISIBLE_CHARACTERS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const HORIZONTAL_WHITESPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g;

/**
 * Input hygiene before anything counts or hashes the text: Unicode NFC, control and invisible
 * characters removed, line endings unified, runs of spaces collapsed, at most one blank line.
 */
export function normalizeArticle(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(HORIZONTAL_WHITESPACE, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
