import { capitalisedSpans, type WordToken } from './capitalised-spans.js';
import type { SummaryLanguage } from './check-report-schema.js';
import { createNameMatcher, exonymsOf } from './create-name-matcher.js';
import { deriveOnce } from './derive-once.js';
import { type DayReference, extractDayReferences } from './extract-day-references.js';
import { extractFigures, type Figure } from './extract-figures.js';
import { extractQuotations } from './extract-quotations.js';
import { createFigureLookup } from './figure-occurs-in.js';
import { analyzeSourceQuotation, type SourceQuotation } from './find-corresponding-quotation.js';
import { memoizePerCall } from './memoize-per-call.js';
import { normalizeForComparison } from './normalize-for-comparison.js';
import { phoneticKey } from './phonetic-key.js';
import { placeFormsOf } from './place-forms-of.js';
import { type SummaryField, summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

export interface AnalyzedField extends SummaryField {
  /** Runs of capitalised words (`capitalisedSpans`), which all name checks read. */
  spans: readonly WordToken[][];
}

/**
 * What the checks derive from one source and its outputs, each piece once and only when a check
 * asks for it. Made per call of `checkSummaries`, so nothing outlives the request.
 */
export interface CheckAnalysis {
  /** Whether a name occurs in the source in any inflection, spelling or exonym. */
  matchesSource: (name: string) => boolean;
  /** The source's figures, read as German. */
  sourceFigures: () => readonly Figure[];
  /** Whether the source states a figure (`figureOccursIn` over an index of the source's figures). */
  figureInSource: (figure: Figure) => boolean;
  /** The days the source names ("Dienstagabend", "gestern", "Black Friday"). */
  sourceDays: () => readonly DayReference[];
  /** The source as `normalizeForComparison` leaves it. */
  normalizedSource: () => string;
  /** The texts of the source's quotations. */
  sourceQuotationTexts: () => readonly string[];
  /** The source's quotations, each read once for names, figures and length. */
  sourceQuotations: () => readonly SourceQuotation[];
  /** The prose fields of one language's output with their capitalised spans; none when absent. */
  fieldsOf: (language: SummaryLanguage) => readonly AnalyzedField[];
  /** Whether a name occurs in one language's output (headline, summary, key points). */
  matchesOutput: (language: SummaryLanguage) => (name: string) => boolean;
  phoneticKeyOf: (word: string) => string;
  exonymsOf: (name: string) => readonly string[] | undefined;
  /** The forms of the place a word names, from the gazetteer; undefined for a word that names none. */
  placeFormsOf: (name: string) => readonly string[] | undefined;
}

export function analyzeCheckInput(
  source: string,
  summaries: { en?: SummaryInput; de?: SummaryInput },
): CheckAnalysis {
  const phoneticKeyOf = memoizePerCall(phoneticKey);
  const exonymsOfName = memoizePerCall(exonymsOf);
  const placeFormsOfName = memoizePerCall(placeFormsOf);
  // A name matches under any name of the place it names ("Styria" for "Steiermark"; a place's forms hold
  // its exonyms too, and a name of two places the forms of both) or under any of its exonyms.
  const formsOf = (name: string) => placeFormsOfName(name) ?? exonymsOfName(name);
  const fieldsOfSummary = (language: SummaryLanguage) =>
    deriveOnce((): AnalyzedField[] => {
      const summary = summaries[language];
      if (summary === undefined) return [];
      return summaryFields(summary).map((field) => ({ ...field, spans: capitalisedSpans(field.text) }));
    });
  const fields = { en: fieldsOfSummary('en'), de: fieldsOfSummary('de') };
  const outputMatcher = (language: SummaryLanguage) =>
    deriveOnce(() =>
      createNameMatcher(
        fields[language]()
          .map((field) => field.text)
          .join('\n'),
        { phoneticKeyOf, exonymsOf: formsOf },
      ),
    );
  const outputMatchers = { en: outputMatcher('en'), de: outputMatcher('de') };
  const sourceMatcher = deriveOnce(() => createNameMatcher(source, { phoneticKeyOf, exonymsOf: formsOf }));
  const sourceQuotationTexts = deriveOnce(() => extractQuotations(source).map((quotation) => quotation.text));
  const sourceFigures = deriveOnce(() => extractFigures(source, 'de'));
  const figureLookup = deriveOnce(() => createFigureLookup(sourceFigures()));
  return {
    matchesSource: (name) => sourceMatcher()(name),
    sourceFigures,
    figureInSource: (figure) => figureLookup()(figure),
    // English too: a German article may quote "Black Friday" or the "Sunday Times".
    sourceDays: deriveOnce(() => [
      ...extractDayReferences(source, 'de'),
      ...extractDayReferences(source, 'en'),
    ]),
    normalizedSource: deriveOnce(() => normalizeForComparison(source)),
    sourceQuotationTexts,
    sourceQuotations: deriveOnce(() => sourceQuotationTexts().map(analyzeSourceQuotation)),
    fieldsOf: (language) => fields[language](),
    matchesOutput: (language) => outputMatchers[language](),
    phoneticKeyOf,
    exonymsOf: exonymsOfName,
    placeFormsOf: placeFormsOfName,
  };
}
