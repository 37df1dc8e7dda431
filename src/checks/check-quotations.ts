import { analyzeCheckInput, type CheckAnalysis } from './analyze-check-input.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { extractQuotations } from './extract-quotations.js';
import { findCorrespondingQuotation } from './find-corresponding-quotation.js';
import { isVerbatimIn } from './is-verbatim-in.js';
import { notChecked } from './not-checked.js';
import { summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

// An English translation runs a little longer than its German original; far longer is invented.
const TRANSLATION_LENGTH_FACTOR = 1.5;
const TRANSLATION_LENGTH_SLACK = 5;
// Each quotation is looked up in the whole article, and each English one compared with every quotation
// of the article; an output or an article quoting far more than any news text does would multiply
// into an unbounded amount of work.
export const MAX_QUOTATIONS_PER_OUTPUT = 50;
export const MAX_SOURCE_QUOTATIONS = 100;

/**
 * German quotations must be the article's words exactly. English quotations are translations:
 * they must translate one of the article's quotations, judged by a plausible length.
 */
export function checkQuotations(
  source: string,
  language: SummaryLanguage,
  summary: SummaryInput,
  analysis: CheckAnalysis = analyzeCheckInput(source, { [language]: summary }),
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const quotations = summaryFields(summary).flatMap(({ field, text }) =>
    extractQuotations(text).map((quotation) => ({ field, quoted: quotation.text })),
  );
  if (quotations.length > MAX_QUOTATIONS_PER_OUTPUT) {
    return [
      notChecked(
        'quotations',
        language,
        `The output has ${quotations.length} quotations; at most ${MAX_QUOTATIONS_PER_OUTPUT} are checked.`,
      ),
    ];
  }
  for (const { field, quoted } of quotations) {
    // A quotation that starts a sentence may capitalise its first word.
    if (isVerbatimIn(analysis.normalizedSource(), quoted, { allowFirstLetterCase: true })) continue;
    const fail = (detail: string) =>
      failures.push({ check: 'quotations', language, field, text: quoted, detail });
    if (language === 'de') {
      fail('The quotation is not in the article word for word.');
      continue;
    }
    const sourceCount = analysis.sourceQuotationTexts().length;
    if (sourceCount > MAX_SOURCE_QUOTATIONS) {
      failures.push(
        notChecked(
          'quotations',
          language,
          `The article has ${sourceCount} quotations; translations are compared with at most ${MAX_SOURCE_QUOTATIONS}.`,
        ),
      );
      return failures;
    }
    const sourceQuotations = analysis.sourceQuotations();
    const correspondence = findCorrespondingQuotation(quoted, sourceQuotations);
    if (correspondence === undefined) {
      fail('The article quotes no one, so this quotation cannot translate words from the article.');
      continue;
    }
    const longest = sourceQuotations.reduce((most, quotation) => Math.max(most, quotation.words), 0);
    if (correspondence.words.translated > longest * TRANSLATION_LENGTH_FACTOR + TRANSLATION_LENGTH_SLACK) {
      fail(
        `The quotation has ${correspondence.words.translated} words, far more than any quotation in the article (the longest has ${longest}); the closest is "${correspondence.quotation}".`,
      );
    }
  }
  return failures;
}
