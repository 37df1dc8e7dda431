import { z } from 'zod';

/**
 * `prompts/prompts.lock.json`: the sha256 of every released `name@version`, and of the repair texts
 * they re-ask with (`name@repair`, shared; `name@version.repair`, a version's own).
 */
export const promptLockSchema = z.strictObject({
  released: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*@(?:v\d+(?:\.repair)?|repair)$/),
    z.string().regex(/^[0-9a-f]{64}$/),
  ),
});

export type PromptLock = z.infer<typeof promptLockSchema>;
