// C0/C1 control characters other than tab and newline, and invisible format characters
// (zero-width spaces and joiners, BOM, soft hyphen, bidi controls).
// (\p{Cc} is exactly U+0000–U+001F and U+007F–U+009F; spelled out, the scan is three times as fast.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\0-\x08\x0B-\x1F\x7F-\x9F]/g;
const INVISIBLE_CHARACTERS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// Only runs that change: one that starts with a space other than U+0020, or two or more of any kind.
// (Matching every single space to write it back costs more than the rest of the pass together.)
const HORIZONTAL_WHITESPACE =
  /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]*| [\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]+/g;
const SPACE_AROUND_NEWLINE = / +\n *|\n +/g;

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
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
