import { z } from 'zod';

// Deliberately looser than the model output schema: the checks must also report on outputs
// that break the limits, so lengths and counts are checked by `checkLimits`, not here.
export const keyPointInputSchema = z.union([
  z.string(),
  z.object({ text: z.string(), evidence: z.string().optional() }),
]);

export const summaryInputSchema = z.object({
  headline: z.string(),
  summary: z.string(),
  key_points: z.array(keyPointInputSchema),
});

export type KeyPointInput = z.infer<typeof keyPointInputSchema>;
export type SummaryInput = z.infer<typeof summaryInputSchema>;
