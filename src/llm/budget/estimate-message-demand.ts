import type { BudgetAmounts } from './budget-store.js';

/**
 * Fewer characters per token than any tokenizer the models use on German or JSON, so the estimate is
 * high: a reservation that is too small would let the replicas overrun the model API's limit.
 */
const CHARACTERS_PER_TOKEN = 3;

/** What a Messages request reserves: one request, its input as estimated from its size, and `max_tokens`. */
export function estimateMessageDemand(body: {
  system?: unknown;
  messages?: unknown;
  tools?: unknown;
  output_config?: unknown;
  max_tokens?: unknown;
}): BudgetAmounts {
  const input = JSON.stringify([
    body.system ?? null,
    body.messages ?? null,
    body.tools ?? null,
    body.output_config ?? null,
  ]);
  return {
    requests: 1,
    inputTokens: Math.ceil(input.length / CHARACTERS_PER_TOKEN),
    outputTokens: typeof body.max_tokens === 'number' ? body.max_tokens : 0,
  };
}
