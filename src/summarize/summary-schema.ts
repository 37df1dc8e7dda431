import { z } from 'zod';
import { countSentences } from './count-sentences.js';

/** The field limits a summary must respect; a request may tighten them (issue: CMS field sizes). */
export interface SummaryLimits {
  headlineMaxChars: number;
  summaryMaxChars: number;
  summaryMinSentences: number;
  summaryMaxSentences: number;
  keyPointsMin: number;
  keyPointsMax: number;
  /** Key point count the prompt asks for. */
  keyPointsTarget: number;
}

export const DEFAULT_LIMITS: SummaryLimits = {
  headlineMaxChars: 120,
  summaryMaxChars: 600,
  summaryMinSentences: 2,
  summaryMaxSentences: 4,
  keyPointsMin: 3,
  keyPointsMax: 6,
  keyPointsTarget: 5,
};

const headline = (limits: SummaryLimits) =>
  z
    .string()
    .trim()
    .min(1)
    .max(limits.headlineMaxChars)
    .refine((value) => !/[\r\n]/.test(value), { message: 'Headline must be a single line.' })
    .describe(`One line, at most ${limits.headlineMaxChars} characters.`);

const summary = (limits: SummaryLimits) =>
  z
    .string()
    .trim()
    .min(1)
    .max(limits.summaryMaxChars)
    .superRefine((value, context) => {
      const sentences = countSentences(value);
      if (sentences < limits.summaryMinSentences || sentences > limits.summaryMaxSentences) {
        context.addIssue({
          code: 'custom',
          message: `Summary must have ${limits.summaryMinSentences}–${limits.summaryMaxSentences} sentences, found ${sentences}.`,
        });
      }
    })
    .describe(
      `${limits.summaryMinSentences} to ${limits.summaryMaxSentences} sentences, at most ${limits.summaryMaxChars} characters.`,
    );

const keyPointText = z
  .string()
  .trim()
  .min(1)
  .refine((value) => countSentences(value) === 1, {
    message: 'Each key point must be exactly one sentence.',
  });

const keyPointWithEvidence = z.object({
  text: keyPointText,
  evidence: z.string().trim().min(1).describe('A short verbatim quotation from the German source.'),
});

const keyPoints = <T extends z.ZodType>(item: T, limits: SummaryLimits) =>
  z
    .array(item)
    .min(limits.keyPointsMin)
    .max(limits.keyPointsMax)
    .describe(`${limits.keyPointsMin} to ${limits.keyPointsMax} items, each one sentence.`);

/** What the model must return for one language. */
export function createLanguageSummarySchema(limits: SummaryLimits = DEFAULT_LIMITS) {
  return z.object({
    headline: headline(limits),
    summary: summary(limits),
    key_points: keyPoints(keyPointText, limits),
  });
}

/** The same with evidence on each key point (prompt versions that ask for evidence). */
export function createLanguageSummaryWithEvidenceSchema(limits: SummaryLimits = DEFAULT_LIMITS) {
  return z.object({
    headline: headline(limits),
    summary: summary(limits),
    key_points: keyPoints(keyPointWithEvidence, limits),
  });
}

/** The model's whole output: both languages from one call. */
export function createModelOutputSchema(
  limits: SummaryLimits = DEFAULT_LIMITS,
  options: { evidence: boolean },
) {
  const language = options.evidence
    ? createLanguageSummaryWithEvidenceSchema(limits)
    : createLanguageSummarySchema(limits);
  return z.object({ en: language, de: language });
}

export type LanguageSummary = z.infer<ReturnType<typeof createLanguageSummarySchema>>;
export type LanguageSummaryWithEvidence = z.infer<ReturnType<typeof createLanguageSummaryWithEvidenceSchema>>;
export type KeyPointWithEvidence = z.infer<typeof keyPointWithEvidence>;
export type ModelLanguageSummary = LanguageSummary | LanguageSummaryWithEvidence;
export interface ModelOutput {
  en: ModelLanguageSummary;
  de: ModelLanguageSummary;
}
