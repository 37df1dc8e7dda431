import { loadEld } from '../language/load-eld.js';
import type { SummaryLanguage } from './check-report-schema.js';

export interface LanguageScores {
  en: number;
  de: number;
  /** eld's own judgement: enough n-grams and a clear enough lead. */
  reliable: boolean;
}

// eld's small database gives the same verdicts as the medium one on our fixtures, samples and fake outputs; the
// extra-small one is surer of very short German fields and flags a short key point alone where the check means
// to judge them together.
let detector: ReturnType<typeof loadEld> | undefined;

/** How German and how English a text reads (eld n-gram scores, 0 when not a candidate at all). */
export function detectLanguage(text: string): LanguageScores {
  if (detector === undefined) {
    detector = loadEld().newInstance();
    // The only question is German or English; other languages would only add noise.
    detector.setLanguageSubset(['en', 'de'] satisfies SummaryLanguage[]);
  }
  const result = detector.detect(text);
  const scores = result.getScores();
  return { en: scores.en ?? 0, de: scores.de ?? 0, reliable: result.isReliable() };
}
