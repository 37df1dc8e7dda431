import { analyzeCheckInput, type CheckAnalysis } from './analyze-check-input.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { describeFigure } from './describe-figure.js';
import { extractFigures } from './extract-figures.js';
import { qualifiedFigureOccursIn, qualifierBefore } from './qualified-figure-occurs-in.js';
import { summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

/** Every number, percentage, amount, date and time in a summary must be one the article states. */
export function checkFigures(
  source: string,
  language: SummaryLanguage,
  summary: SummaryInput,
  analysis: CheckAnalysis = analyzeCheckInput(source, { [language]: summary }),
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const { field, text } of summaryFields(summary)) {
    const reported = new Set<string>();
    // Figures come in the order of the text: each is found after the one before, in one pass.
    let searchFrom = 0;
    for (const figure of extractFigures(text, language)) {
      const at = text.indexOf(figure.written, searchFrom);
      if (at >= 0) searchFrom = at + figure.written.length;
      if (analysis.figureInSource(figure) || reported.has(figure.written)) continue;
      const qualifier = at < 0 ? undefined : qualifierBefore(text, at);
      if (qualifier !== undefined && qualifiedFigureOccursIn(figure, qualifier, analysis.sourceFigures()))
        continue;
      reported.add(figure.written);
      failures.push({
        check: 'figures',
        language,
        field,
        text: figure.written,
        detail: `The figure '${figure.written}' (read as ${describeFigure(figure)}) does not appear in the article in any notation.`,
      });
    }
  }
  return failures;
}
