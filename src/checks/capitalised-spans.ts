import { isSentenceStart } from './is-sentence-start.js';

export interface WordToken {
  text: string;
  at: number;
  sentenceStart: boolean;
  /** "US", "NATO", "U.S.": capitals throughout. */
  acronym: boolean;
}

// Initialisms with periods ("U.S."), then words with inner apostrophes or hyphens.
const WORD = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\d]+(?:['’\u2010\u2011-][\p{L}\p{M}\d]+)*(?:['’](?=\s|$))?/gu;
const ACRONYM = /^(?:\p{Lu}{2,}|\p{Lu}(?:\.\p{Lu})+\.?)$/u;

const CAPITAL = /^\p{Lu}/u;
// What may stand between two words of one span.
const ONLY_SPACES = /^[ \t\u00A0]+$/;

/**
 * Runs of capitalised words that stand next to each other with only spaces between them:
 * "Russlands Präsident Wladimir Putin", "Matthew Miller", "the State Department".
 */
export function capitalisedSpans(text: string): WordToken[][] {
  const spans: WordToken[][] = [];
  let current: WordToken[] = [];
  let previousEnd = -1;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    const at = match.index;
    const afterPrevious = previousEnd;
    previousEnd = at + word.length;
    if (!CAPITAL.test(word)) {
      if (current.length > 0) spans.push(current);
      current = [];
      continue;
    }
    if (current.length > 0 && !ONLY_SPACES.test(text.slice(afterPrevious, at))) {
      spans.push(current);
      current = [];
    }
    current.push({ text: word, at, sentenceStart: isSentenceStart(text, at), acronym: ACRONYM.test(word) });
  }
  if (current.length > 0) spans.push(current);
  return spans;
}
