// Which BMP code points are letters, marks or digits, filled in as they are met (64 KiB at most).
const UNKNOWN = 0;
const WORD_CHARACTER = 1;
const OTHER_CHARACTER = 2;
const classOfCodeUnit = new Uint8Array(0x10000);
const LETTER_MARK_OR_DIGIT = /^[\p{L}\p{M}\d]$/u;

/** Whether a code point is a letter, a mark or a digit: what the checks count as part of a word. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (codePoint >= 0x30 && codePoint <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  if (codePoint > 0xffff) return LETTER_MARK_OR_DIGIT.test(String.fromCodePoint(codePoint));
  let known = classOfCodeUnit[codePoint];
  if (known === UNKNOWN) {
    known = LETTER_MARK_OR_DIGIT.test(String.fromCharCode(codePoint)) ? WORD_CHARACTER : OTHER_CHARACTER;
    classOfCodeUnit[codePoint] = known;
  }
  return known === WORD_CHARACTER;
}

/**
 * The words of a text: its runs of letters, marks and digits (what `split(/[^\p{L}\p{M}\d]+/u)`
 * leaves, without empty strings), read in one pass without a Unicode regex over the whole text.
 */
export function splitIntoWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (isWordCodePoint(codePoint)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      words.push(text.slice(start, index));
      start = -1;
    }
    index += width;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}
