import { z } from 'zod';
import { checkReportSchema } from '../checks/check-report-schema.js';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import type { SummarizeResult } from '../summarize/create-summarizer.js';
import { createModelOutputSchema, type SummaryLimits } from '../summarize/summary-schema.js';

const tokenCount = z.number().int().nonnegative();

/** What the cache keeps of a summary: everything but the prompt (known from the key) and `cached`. */
export type CachedSummary = Omit<SummarizeResult, 'prompt' | 'cached'>;

/**
 * A cached entry as a summary, or undefined when it is not one: Redis is shared and outlives
 * releases, so what comes back is checked against the same schema as the model's answer.
 */
export function parseCachedSummary(
  raw: string,
  prompt: PromptVersion,
  limits: SummaryLimits,
): CachedSummary | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const schema = z.object({
    output: createModelOutputSchema(limits, { evidence: prompt.evidence }),
    model: z.string().min(1),
    attempts: z.number().int().positive(),
    usage: z.object({
      input_tokens: tokenCount,
      output_tokens: tokenCount,
      cache_creation_input_tokens: tokenCount,
      cache_read_input_tokens: tokenCount,
    }),
    checks: checkReportSchema,
  });
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as CachedSummary) : undefined;
}
