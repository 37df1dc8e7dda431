// What may stand between a sentence end and the next word: space, opening quotes, brackets, dashes.
const LEADING_PUNCTUATION = /[\s"'„“”»«‚‘’([\u2013\u2014-]+$/u;
const SENTENCE_END = /[.!?:]$/;
// "am 24. Juni": a period after a number is an ordinal, not a sentence end.
const ORDINAL_PERIOD = /(?<![.\d])\d{1,2}\.$/;

/** Whether the word at `index` begins a sentence (or a field), so its capital says nothing. */
export function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(LEADING_PUNCTUATION, '');
  if (before.length === 0) return true;
  return SENTENCE_END.test(before) && !ORDINAL_PERIOD.test(before);
}
