import type { ModelLanguageSummary, ModelOutput } from './summary-schema.js';

export type PresentedKeyPoints =
  | string[]
  | Array<{ text: string; evidence: string; evidence_verified: boolean }>;

export interface PresentedLanguageSummary {
  headline: string;
  summary: string;
  key_points: PresentedKeyPoints;
}

function presentLanguage(
  summary: ModelLanguageSummary,
  verifyEvidence: (evidence: string) => boolean,
): PresentedLanguageSummary {
  const keyPoints: PresentedKeyPoints = summary.key_points.every((point) => typeof point === 'string')
    ? (summary.key_points as string[])
    : (summary.key_points as Array<{ text: string; evidence: string }>).map((point) => ({
        text: point.text,
        evidence: point.evidence,
        evidence_verified: verifyEvidence(point.evidence),
      }));
  return { headline: summary.headline, summary: summary.summary, key_points: keyPoints };
}

/** The model's output as clients see it: evidence, where asked for, is marked verified or not. */
export function presentSummaries(
  output: ModelOutput,
  verifyEvidence: (evidence: string) => boolean,
): { en: PresentedLanguageSummary; de: PresentedLanguageSummary } {
  return { en: presentLanguage(output.en, verifyEvidence), de: presentLanguage(output.de, verifyEvidence) };
}
