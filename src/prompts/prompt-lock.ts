import { z } from 'zod';

/** `prompts/prompts.lock.json`: the sha256 of every released `name@version`. */
export const promptLockSchema = z.strictObject({
  released: z.record(z.string().regex(/^[a-z][a-z0-9-]*@v\d+$/), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type PromptLock = z.infer<typeof promptLockSchema>;
