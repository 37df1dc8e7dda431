import { countSentences, splitSentences } from '../../../src/summarize/count-sentences.js';

export const EVIDENCE_MIN_WORDS = 5;
export const EVIDENCE_MAX_WORDS = 25;
// Shorter than the maximum: evidence is meant to be a short quotation.
const EVIDENCE_TARGET_WORDS = 18;
const EVIDENCE_WORDS_BEFORE_FACT = 6;
const SENTENCE_MIN_WORDS = 4;
// A line without final punctuation up to this length is a heading ("Putin droht mit Konsequenzen").
const HEADING_MAX_CHARS = 120;

const TERMINAL_PUNCTUATION = /[.!?…]["'“”„«»‘’)\]]*$/u;

/** True when the validator would count `text` as exactly one sentence. */
export function isOneSentence(text: string): boolean {
  return countSentences(text) === 1;
}

/** Joins sentences and checks the validator counts them as many as there are pieces. */
export function joinSentences(sentences: readonly string[]): string | undefined {
  const text = sentences.join(' ');
  return countSentences(text) === sentences.length ? text : undefined;
}

function isHeading(line: string): boolean {
  return line.length <= HEADING_MAX_CHARS && !TERMINAL_PUNCTUATION.test(line);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The article's whole sentences in order, each one the validator counts as exactly one sentence and
 * that ends in final punctuation. Heading lines are skipped.
 */
export function readArticleSentences(article: string): string[] {
  return article
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !isHeading(line))
    .flatMap((line) => splitSentences(line))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(
      (sentence) =>
        TERMINAL_PUNCTUATION.test(sentence) &&
        wordCount(sentence) >= SENTENCE_MIN_WORDS &&
        isOneSentence(sentence),
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds `words` in the article, whatever whitespace separates them there, and returns the verbatim text. */
function findVerbatim(words: readonly string[], article: string): string | undefined {
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u');
  return pattern.exec(article)?.[0];
}

/**
 * A verbatim quotation of 5 to 25 words from one sentence of the article, starting a little before
 * `around` when given. Undefined when the sentence is too short or not found in the article.
 */
export function findEvidence(sentence: string, article: string, around?: string): string | undefined {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < EVIDENCE_MIN_WORDS) {
    return undefined;
  }
  const length = Math.min(EVIDENCE_TARGET_WORDS, words.length);
  const firstFactWord = around?.split(/\s+/)[0];
  const factIndex =
    firstFactWord === undefined ? -1 : words.findIndex((word) => word.includes(firstFactWord));
  const start = Math.min(Math.max(factIndex - EVIDENCE_WORDS_BEFORE_FACT, 0), words.length - length);
  return findVerbatim(words.slice(start, start + length), article);
}
