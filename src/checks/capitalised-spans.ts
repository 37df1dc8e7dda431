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

/** `/^\p{Lu}/u`, answered without the regex for ASCII (A to Z are its only capitals). */
function startsWithCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : CAPITAL.test(word);
}

const SPACES_BETWEEN_WORDS = new Set([' ', '\t', '\u00A0']);

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let index = from; index < to; index += 1) {
    if (!SPACES_BETWEEN_WORDS.has(text.charAt(index))) return false;
  }
  return true;
}

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
    if (!startsWithCapital(word)) {
      if (current.length > 0) spans.push(current);
      current = [];
      continue;
    }
    if (current.length > 0 && !onlySpacesBetween(text, afterPrevious, at)) {
      spans.push(current);
      current = [];
    }
    current.push({ text: word, at, sentenceStart: isSentenceStart(text, at), acronym: ACRONYM.test(word) });
  }
  if (current.length > 0) spans.push(current);
  return spans;
}
