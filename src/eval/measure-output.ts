import type { PresentedLanguageSummary } from '../summarize/present-summaries.js';
import type { ReferenceSummary } from './read-eval-articles.js';
import { computeRouge, type RougeScores } from './rouge.js';

export type EvalLanguage = 'en' | 'de';

export const EVAL_LANGUAGES: readonly EvalLanguage[] = ['en', 'de'];

export interface PerLanguage<T> {
  en: T;
  de: T;
}

/** The numbers an eval reads off one valid output. */
export interface OutputMetrics {
  keyPoints: PerLanguage<number>;
  /** Summary characters / article characters. */
  compression: PerLanguage<number>;
  /** F1 etc. of each summary against the reference in its language; null without a reference. */
  rouge: PerLanguage<RougeScores> | null;
  /** Key points whose evidence is verbatim in the source, of those with evidence (both languages); null when none has any. */
  evidence: { verified: number; total: number } | null;
}

export function measureOutput(input: {
  summaries: PerLanguage<PresentedLanguageSummary>;
  articleChars: number;
  reference: ReferenceSummary | undefined;
}): OutputMetrics {
  const { summaries, articleChars, reference } = input;
  let verified = 0;
  let total = 0;
  for (const language of EVAL_LANGUAGES) {
    for (const point of summaries[language].key_points) {
      if (typeof point !== 'string') {
        total += 1;
        verified += point.evidence_verified ? 1 : 0;
      }
    }
  }
  const compression = (language: EvalLanguage) =>
    articleChars === 0 ? 0 : summaries[language].summary.length / articleChars;
  return {
    keyPoints: { en: summaries.en.key_points.length, de: summaries.de.key_points.length },
    compression: { en: compression('en'), de: compression('de') },
    rouge: reference
      ? {
          en: computeRouge(summaries.en.summary, reference.en),
          de: computeRouge(summaries.de.summary, reference.de),
        }
      : null,
    evidence: total === 0 ? null : { verified, total },
  };
}
