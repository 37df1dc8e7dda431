import { createHash } from 'node:crypto';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import type { SummaryLimits } from '../summarize/summary-schema.js';

/** Bump when the cached value's shape changes, so old entries are never read as new ones. */
const CACHE_FORMAT = 2;

/** Content address of a summary: same normalised text, prompt bytes, model and options → same summary. */
export function summaryCacheKey(input: {
  text: string;
  title?: string | undefined;
  prompt: PromptVersion;
  limits: SummaryLimits;
  /** Who may read the entry (a key id); undefined: every key. */
  scope?: string | undefined;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        CACHE_FORMAT,
        input.scope ?? null,
        input.prompt.sha256,
        input.prompt.model,
        input.limits,
        input.title ?? null,
        input.text,
      ]),
    )
    .digest('hex');
}
