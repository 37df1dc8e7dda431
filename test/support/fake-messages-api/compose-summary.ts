import { isOneSentence, joinSentences } from './article-sentences.js';

export interface SummaryShape {
  minSentences: number;
  maxSentences: number;
  targetSentences: number;
  maxChars: number;
}

/**
 * Takes candidates in order while the text stays within `maxChars` and the validator counts every piece
 * as one sentence, up to `targetSentences`. Undefined when fewer than `minSentences` fit.
 */
export function composeSummary(candidates: readonly string[], shape: SummaryShape): string | undefined {
  let chosen: string[] = [];
  let text: string | undefined;
  for (const candidate of candidates) {
    if (chosen.length >= shape.targetSentences) {
      break;
    }
    const next = [...chosen, candidate];
    const joined = joinSentences(next);
    if (joined !== undefined && joined.length <= shape.maxChars) {
      chosen = next;
      text = joined;
    }
  }
  return chosen.length >= shape.minSentences ? text : undefined;
}

/** The first `count` distinct candidates that are one sentence each. */
export function composeKeyPoints<T extends { text: string }>(candidates: readonly T[], count: number): T[] {
  const chosen: T[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= count) {
      break;
    }
    if (isOneSentence(candidate.text) && !chosen.some((point) => point.text === candidate.text)) {
      chosen.push(candidate);
    }
  }
  return chosen;
}

/** Cuts at a word boundary to fit `maxChars`, without a trailing period or dangling punctuation. */
export function shortenHeadline(text: string, maxChars: number): string {
  const stripEnd = (value: string) => value.replace(/[\s.,;:–-]+$/u, '');
  const line = stripEnd(text.replace(/\s+/g, ' ').trim());
  if (line.length <= maxChars) {
    return line;
  }
  const cut = line.slice(0, maxChars + 1);
  const boundary = cut.lastIndexOf(' ');
  const shortened = stripEnd(boundary > 0 ? cut.slice(0, boundary) : line.slice(0, maxChars));
  return shortened.length > 0 ? shortened : line.slice(0, maxChars);
}
