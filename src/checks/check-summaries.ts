import { decodeHTML } from 'entities/decode';
import type { SummaryLimits } from '../summarize/summary-schema.js';
import { analyzeCheckInput } from './analyze-check-input.js';
import { checkDays } from './check-days.js';
import { checkEvidence } from './check-evidence.js';
import { checkFigures } from './check-figures.js';
import { checkLanguage } from './check-language.js';
import { checkLimits } from './check-limits.js';
import { checkNames } from './check-names.js';
import { checkPersonNamesAgree } from './check-person-names-agree.js';
import { checkQuotations } from './check-quotations.js';
import type { CheckFailure, CheckReport, SummaryLanguage } from './check-report-schema.js';
import type { SummaryInput } from './summary-input-schema.js';

export interface CheckSummariesInput {
  /** The article text the summaries were made from. */
  source: string;
  summaries: { en?: SummaryInput; de?: SummaryInput };
  /**
   * The field limits to check. Left out where the output schema has enforced the same limits already
   * (the summarizer checks only outputs that passed it): counting the sentences again finds nothing.
   */
  limits?: SummaryLimits | undefined;
}

const LANGUAGES: readonly SummaryLanguage[] = ['en', 'de'];

/**
 * Runs every deterministic fact check on one model output. No model call, no I/O. Each check is linear
 * in its input and the input schemas bound that input, so a call's work is bounded without a time limit.
 */
export function checkSummaries({ source: rawSource, summaries, limits }: CheckSummariesInput): CheckReport {
  // Articles may arrive with HTML entities ("1.40&nbsp;Uhr", "&quot;"); read them as a reader would.
  const source = decodeHTML(rawSource);
  const analysis = analyzeCheckInput(source, summaries);
  const results: (readonly CheckFailure[])[] = [];
  for (const language of LANGUAGES) {
    const summary = summaries[language];
    if (summary === undefined) continue;
    if (limits !== undefined) results.push(checkLimits(language, summary, limits));
    results.push(
      checkLanguage(language, summary),
      checkFigures(source, language, summary, analysis),
      checkDays(analysis.sourceDays(), language, summary),
      checkQuotations(source, language, summary, analysis),
      checkEvidence(source, language, summary, analysis),
    );
  }
  results.push(checkNames(source, summaries, analysis), checkPersonNamesAgree(source, summaries, analysis));
  // Flattened, not spread into one push: a list of failures may be longer than a call's arguments.
  const failures = results.flat();
  return { passed: failures.length === 0, failures };
}
