import { estimateCostUsd } from './estimate-cost-usd.js';
import { findModelPrice, MODEL_PRICES, type ModelPrice } from './model-prices.js';
import type { TokenUsage } from './token-usage.js';

export interface CostEstimator {
  /** USD for this usage, or null for a model without a price. */
  estimate(model: string, usage: TokenUsage, options?: { batch?: boolean }): number | null;
}

export interface CostEstimatorOptions {
  prices?: Readonly<Record<string, ModelPrice>>;
  /** Called once per model that has no price, e.g. to log a warning. */
  onUnknownModel?: (model: string) => void;
}

export function createCostEstimator(options: CostEstimatorOptions = {}): CostEstimator {
  const prices = options.prices ?? MODEL_PRICES;
  const reported = new Set<string>();
  return {
    estimate(model, usage, estimateOptions = {}) {
      const price = findModelPrice(model, prices);
      if (!price) {
        if (!reported.has(model)) {
          reported.add(model);
          options.onUnknownModel?.(model);
        }
        return null;
      }
      return estimateCostUsd(usage, price, estimateOptions);
    },
  };
}
