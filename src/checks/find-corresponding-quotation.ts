import { capitalisedSpans } from './capitalised-spans.js';
import { COMMON_ENGLISH_WORDS } from './common-words.js';
import { createNameMatcher } from './create-name-matcher.js';
import { extractFigures } from './extract-figures.js';
import { figureOccursIn } from './figure-occurs-in.js';

export interface CorrespondingQuotation {
  /** The source quotation, as the article writes it. */
  quotation: string;
  /** Names and figures the two quotations share. */
  shared: string[];
  /** Word counts of the translated and the source quotation. */
  words: { translated: number; source: number };
}

export const countWords = (text: string) =>
  text.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length;

/**
 * The source quotation an English quotation most likely translates: the one sharing the most
 * names and figures, then the one closest in length. Undefined when the source quotes nothing.
 */
export function findCorrespondingQuotation(
  translated: string,
  sourceQuotations: readonly string[],
): CorrespondingQuotation | undefined {
  const translatedWords = countWords(translated);
  const names = capitalisedSpans(translated)
    .flat()
    .map((token) => token.text.replace(/['’]s?$/u, ''))
    .filter((word) => word.length >= 2 && !COMMON_ENGLISH_WORDS.has(word.toLowerCase()));
  const figures = extractFigures(translated, 'en');
  let best: (CorrespondingQuotation & { score: number }) | undefined;
  for (const quotation of sourceQuotations) {
    const matches = createNameMatcher(quotation);
    const quotationFigures = extractFigures(quotation, 'de');
    const shared = [
      ...new Set([
        ...names.filter((name) => matches(name)),
        ...figures
          .filter((figure) => figureOccursIn(figure, quotationFigures))
          .map((figure) => figure.written),
      ]),
    ];
    const sourceWords = countWords(quotation);
    const lengthDistance = Math.abs(Math.log((translatedWords + 1) / (sourceWords + 1)));
    const score = shared.length - lengthDistance;
    if (best === undefined || score > best.score) {
      best = { quotation, shared, words: { translated: translatedWords, source: sourceWords }, score };
    }
  }
  if (best === undefined) return undefined;
  const { score: _score, ...correspondence } = best;
  return correspondence;
}
