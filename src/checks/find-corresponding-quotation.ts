import { capitalisedSpans } from './capitalised-spans.js';
import { COMMON_ENGLISH_WORDS } from './common-words.js';
import { createNameMatcher } from './create-name-matcher.js';
import { extractFigures, type Figure } from './extract-figures.js';
import { createFigureLookup } from './figure-occurs-in.js';

export interface CorrespondingQuotation {
  /** The source quotation, as the article writes it. */
  quotation: string;
  /** Names and figures the two quotations share. */
  shared: string[];
  /** Word counts of the translated and the source quotation. */
  words: { translated: number; source: number };
}

/** A source quotation with what the comparison reads of it, derived once per request. */
export interface SourceQuotation {
  text: string;
  matchesName: (name: string) => boolean;
  statesFigure: (figure: Figure) => boolean;
  words: number;
}

export const countWords = (text: string) =>
  text.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length;

export function analyzeSourceQuotation(text: string): SourceQuotation {
  return {
    text,
    matchesName: createNameMatcher(text),
    statesFigure: createFigureLookup(extractFigures(text, 'de')),
    words: countWords(text),
  };
}

/**
 * The source quotation an English quotation most likely translates: the one sharing the most
 * names and figures, then the one closest in length. Undefined when the source quotes nothing.
 */
export function findCorrespondingQuotation(
  translated: string,
  sourceQuotations: readonly SourceQuotation[],
): CorrespondingQuotation | undefined {
  const translatedWords = countWords(translated);
  const names = capitalisedSpans(translated)
    .flat()
    .map((token) => token.text.replace(/['’]s?$/u, ''))
    .filter((word) => word.length >= 2 && !COMMON_ENGLISH_WORDS.has(word.toLowerCase()));
  const figures = extractFigures(translated, 'en');
  let best: (CorrespondingQuotation & { score: number }) | undefined;
  for (const quotation of sourceQuotations) {
    const shared = [
      ...new Set([
        ...names.filter((name) => quotation.matchesName(name)),
        ...figures.filter((figure) => quotation.statesFigure(figure)).map((figure) => figure.written),
      ]),
    ];
    const lengthDistance = Math.abs(Math.log((translatedWords + 1) / (quotation.words + 1)));
    const score = shared.length - lengthDistance;
    if (best === undefined || score > best.score) {
      const words = { translated: translatedWords, source: quotation.words };
      best = { quotation: quotation.text, shared, words, score };
    }
  }
  if (best === undefined) return undefined;
  const { score: _score, ...correspondence } = best;
  return correspondence;
}
