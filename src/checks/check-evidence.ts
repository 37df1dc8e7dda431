import { analyzeCheckInput, type CheckAnalysis } from './analyze-check-input.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { isVerbatimIn } from './is-verbatim-in.js';
import type { SummaryInput } from './summary-input-schema.js';

/** Every key point that brings evidence must quote the source verbatim. */
export function checkEvidence(
  source: string,
  language: SummaryLanguage,
  summary: SummaryInput,
  analysis: CheckAnalysis = analyzeCheckInput(source, { [language]: summary }),
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const [index, point] of summary.key_points.entries()) {
    if (typeof point === 'string' || point.evidence === undefined) continue;
    if (isVerbatimIn(analysis.normalizedSource(), point.evidence)) continue;
    failures.push({
      check: 'evidence',
      language,
      field: `key_points[${index}].evidence`,
      text: point.evidence,
      detail:
        'The evidence is not a verbatim passage of the article (compared ignoring whitespace, quotation mark and dash styles, and hyphenation).',
    });
  }
  return failures;
}
