import { z } from 'zod';

/**
 * Bounds on what `/v1/checks` accepts. Deliberately looser than the model output schema: the checks
 * must also report on outputs that break the field limits (`checkLimits` counts those), but no field
 * may be so large or so many that checking it holds the server.
 */
export const CHECK_INPUT_LIMITS = {
  headlineMaxChars: 500,
  summaryMaxChars: 2_000,
  keyPointsMax: 10,
  keyPointMaxChars: 500,
  evidenceMaxChars: 1_000,
} as const;

const keyPointText = z.string().max(CHECK_INPUT_LIMITS.keyPointMaxChars);

export const keyPointInputSchema = z.union([
  keyPointText,
  z.object({
    text: keyPointText,
    evidence: z.string().max(CHECK_INPUT_LIMITS.evidenceMaxChars).optional(),
  }),
]);

export const summaryInputSchema = z.object({
  headline: z.string().max(CHECK_INPUT_LIMITS.headlineMaxChars),
  summary: z.string().max(CHECK_INPUT_LIMITS.summaryMaxChars),
  key_points: z.array(keyPointInputSchema).max(CHECK_INPUT_LIMITS.keyPointsMax),
});

export type KeyPointInput = z.infer<typeof keyPointInputSchema>;
export type SummaryInput = z.infer<typeof summaryInputSchema>;
