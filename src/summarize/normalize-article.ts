// C0/C1 control characters other than tab and newline.
// (\p{Cc} is exactly U+0000–U+001F and U+007F–U+009F; spelled out, the scan is three times as fast.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\0-\x08\x0B-\x1F\x7F-\x9F]/g;
// Every invisible character removed, in one place. Besides clutter, these are how instructions are
// hidden from a reader but not from the model (tag characters spell ASCII invisibly, bidi controls
// reorder what is shown, variation selectors can carry bytes).
const INVISIBLE_CHARACTERS = new RegExp(
  `[${[
    '\u00AD', // soft hyphen
    '\u061C', // Arabic letter mark (a bidi control)
    '\u180E', // Mongolian vowel separator
    '\u200B-\u200D', // zero-width space, non-joiner, joiner
    '\u200E\u200F', // left-to-right and right-to-left marks
    '\u202A-\u202E', // bidi embeddings, overrides and their pop
    '\u2060-\u2064', // word joiner, invisible operators
    '\u2066-\u2069', // bidi isolates and their pop
    '\u206A-\u206F', // deprecated format characters
    '\uFE00-\uFE0F', // variation selectors
    '\uFEFF', // byte order mark, zero-width no-break space
    '\u{E0000}-\u{E007F}', // tag characters
    '\u{E0100}-\u{E01EF}', // variation selectors supplement
  ].join('')}]`,
  'gu',
);
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
