import type { CostEstimator } from '../llm/create-cost-estimator.js';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import { type ArticleToSummarize, buildMessageParams } from '../summarize/build-message-params.js';
import { MAX_CHECK_REPAIRS, MAX_SCHEMA_REPAIRS } from '../summarize/create-summarizer.js';

/**
 * Fewer characters per token than German prose has (about 3.5 to 4), so the estimate of the input
 * stays above the real count for ordinary text. Text of digits and rare characters can come closer.
 */
export const CHARACTERS_PER_TOKEN_AT_MOST = 2;

/** The first call, and every re-ask the summarizer may make after it. */
export const MAX_MODEL_CALLS = 1 + MAX_SCHEMA_REPAIRS + MAX_CHECK_REPAIRS;

/**
 * The most one summary can cost at list price: every call the summarizer may make, each with the
 * whole conversation so far as input (each re-ask adds an answer of at most `max_tokens` and a
 * repair request no longer than that) and `max_tokens` of output. Null for a model without a price.
 */
export function estimateMaxCostUsd(
  prompt: PromptVersion,
  article: ArticleToSummarize,
  costEstimator: CostEstimator,
): number | null {
  const params = buildMessageParams(prompt, article);
  const sent = JSON.stringify([params.system, params.messages, params.output_config.format]);
  const firstInputTokens = Math.ceil(sent.length / CHARACTERS_PER_TOKEN_AT_MOST);
  let inputTokens = 0;
  for (let call = 0; call < MAX_MODEL_CALLS; call += 1) {
    inputTokens += firstInputTokens + call * 2 * params.max_tokens;
  }
  return costEstimator.estimate(params.model, {
    input_tokens: inputTokens,
    output_tokens: MAX_MODEL_CALLS * params.max_tokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  });
}
