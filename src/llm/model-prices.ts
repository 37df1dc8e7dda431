/** USD per million tokens. Cache write is the 5-minute ephemeral cache; cache read is a cache hit. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/** The Message Batches API bills every token at this fraction of the standard price. */
export const BATCH_DISCOUNT_FACTOR = 0.5;

/**
 * Anthropic's list prices (https://docs.claude.com/en/docs/about-claude/pricing), the one place
 * they live. A model missing here gets `cost_usd: null` and a warning, never a guess.
 */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-4-6': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-opus-4-5': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
};

/** A dated snapshot (`claude-sonnet-4-5-20250929`) is priced as its model. */
const SNAPSHOT_SUFFIX = /-\d{8}$/;

export function findModelPrice(
  model: string,
  prices: Readonly<Record<string, ModelPrice>> = MODEL_PRICES,
): ModelPrice | undefined {
  return prices[model] ?? prices[model.replace(SNAPSHOT_SUFFIX, '')];
}
