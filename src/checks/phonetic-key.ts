// German and English transliterate the same names differently: Wladimir/Vladimir,
// Selenskyj/Zelensky, Lawrow/Lavrov, Pjöngjang/Pyongyang, Chodorkowski/Khodorkovsky.
const SPELLING_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['ß', 'ss'],
  ['tsch', 'ch'],
  ['sch', 'sh'],
  ['kh', 'ch'],
  ['ck', 'k'],
  ['ph', 'f'],
  ['w', 'v'],
  ['z', 's'],
  ['j', 'y'],
];

// Marks are at U+0300 or above; those of the Combining Diacritical Marks block (all that German and
// English letters decompose into) go in one pass, and only text with more beyond is tested mark by mark.
const COMBINING_DIACRITICAL_MARKS = /[\u0300-\u036F]/g;
const BEYOND_COMBINING_DIACRITICAL_MARKS = /[\u0370-\uFFFF]/;
const BEYOND_SPACING_MODIFIERS = /[\u0300-\u{10FFFF}]/gu;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
// ASCII text is its own canonical decomposition and has no marks.
const NON_ASCII = /[\u0080-\uFFFF]/;
// Every spelling variant needs one of these letters: "tsch", "sch", "kh" and "ph" an h, "ck" a k.
const SPELLING_VARIANT_LETTERS = /[ßhkwzj]/;

/** `text.replace(/\p{M}/gu, '')`, without testing the class at every position. */
function withoutMarks(text: string): string {
  const withoutCommonMarks = text.replace(COMBINING_DIACRITICAL_MARKS, '');
  if (!BEYOND_COMBINING_DIACRITICAL_MARKS.test(withoutCommonMarks)) return withoutCommonMarks;
  return withoutCommonMarks.replace(BEYOND_SPACING_MODIFIERS, (character) =>
    MARK.test(character) ? '' : character,
  );
}

/** `text.replace(/(\p{L})\1+/gu, '$1')`: a letter written twice or more in a row, once. */
function collapseRepeatedLetters(text: string): string {
  let result = '';
  let pieceStart = 0;
  let previous = -1;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (codePoint === previous && LETTER.test(String.fromCodePoint(codePoint))) {
      result += text.slice(pieceStart, index);
      pieceStart = index + width;
    }
    previous = codePoint;
    index += width;
  }
  return pieceStart === 0 ? text : result + text.slice(pieceStart);
}

function withSpellingVariants(text: string): string {
  if (!SPELLING_VARIANT_LETTERS.test(text)) return text;
  let result = text;
  // In order: "ß" becomes "ss" before "sch" is looked for, so "ßch" ends as "ssh".
  for (const [spelling, variant] of SPELLING_VARIANTS) {
    if (result.includes(spelling)) result = result.replaceAll(spelling, variant);
  }
  return result;
}

/** A spelling-insensitive key of a name, so transliterations compare equal. */
export function phoneticKey(name: string): string {
  const lower = name.toLowerCase();
  const letters = NON_ASCII.test(lower) ? withoutMarks(lower.normalize('NFD')) : lower;
  const key = collapseRepeatedLetters(withSpellingVariants(letters));
  return key.endsWith('y') ? `${key.slice(0, -1)}i` : key;
}

/**
 * `phoneticKey` of every word of a text of words (letters, marks and digits) between single spaces,
 * as such a text: the same steps run over the whole text, which no step crosses. Keying every word
 * of an article one by one was the largest single cost of the fact checks (bench/).
 */
export function phoneticKeysOfWords(words: string): string {
  const letters = withoutMarks(words.toLowerCase().normalize('NFD'));
  return collapseRepeatedLetters(withSpellingVariants(letters)).replace(/y(?= |$)/g, 'i');
}
