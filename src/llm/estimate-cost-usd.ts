import { BATCH_DISCOUNT_FACTOR, type ModelPrice } from './model-prices.js';
import type { TokenUsage } from './token-usage.js';

const TOKENS_PER_PRICE_UNIT = 1_000_000;
const COST_DECIMALS = 6;

/** What the usage costs at these prices, in USD rounded to 6 decimals (a millionth of a dollar). */
export function estimateCostUsd(
  usage: TokenUsage,
  price: ModelPrice,
  options: { batch?: boolean } = {},
): number {
  const listPrice =
    (usage.input_tokens * price.input +
      usage.output_tokens * price.output +
      usage.cache_creation_input_tokens * price.cacheWrite +
      usage.cache_read_input_tokens * price.cacheRead) /
    TOKENS_PER_PRICE_UNIT;
  const cost = options.batch ? listPrice * BATCH_DISCOUNT_FACTOR : listPrice;
  return Number(cost.toFixed(COST_DECIMALS));
}
