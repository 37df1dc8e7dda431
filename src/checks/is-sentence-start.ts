// What may stand between a sentence end and the next word: space, opening quotes, brackets, dashes.
const LEADING_PUNCTUATION = /[\s"'„“”»«‚‘’([\u2013\u2014-]/u;
const SENTENCE_END = /[.!?:]/;
const isDigit = (character: string) => character >= '0' && character <= '9';

/**
 * Whether the word at `index` begins a sentence (or a field), so its capital says nothing.
 * Reads backwards from the word, a few characters at most: it runs for every capitalised word.
 */
export function isSentenceStart(text: string, index: number): boolean {
  let end = index;
  while (end > 0 && LEADING_PUNCTUATION.test(text.charAt(end - 1))) end -= 1;
  if (end === 0) return true;
  const last = text.charAt(end - 1);
  if (!SENTENCE_END.test(last)) return false;
  return last !== '.' || !isOrdinalPeriod(text, end - 1);
}

/** "am 24. Juni": one or two digits (not part of a longer number) before the period make an ordinal. */
function isOrdinalPeriod(text: string, period: number): boolean {
  let digits = 0;
  while (digits < 3 && period - digits > 0 && isDigit(text.charAt(period - digits - 1))) digits += 1;
  return (digits === 1 || digits === 2) && text.charAt(period - digits - 1) !== '.';
}
