import { z } from 'zod';

/** What a key used in a period. `cost_usd` sums the list-price estimate of every model call. */
export const usageTotalsSchema = z.object({
  requests: z.number().int().nonnegative(),
  cached: z.number().int().nonnegative(),
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  cache_creation_input_tokens: z.number().int().nonnegative(),
  cache_read_input_tokens: z.number().int().nonnegative(),
  cost_usd: z.number().nonnegative(),
});

export type UsageTotals = z.infer<typeof usageTotalsSchema>;

export const USAGE_COUNTERS = [
  'requests',
  'cached',
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
] as const;

export function emptyUsageTotals(): UsageTotals {
  return {
    requests: 0,
    cached: 0,
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cost_usd: 0,
  };
}

/** Costs are kept as whole nano-dollars, so sums across replicas and days do not drift. */
export const NANO_USD_PER_USD = 1_000_000_000;

export function toNanoUsd(usd: number): number {
  return Math.round(usd * NANO_USD_PER_USD);
}

export function fromNanoUsd(nanoUsd: number): number {
  return nanoUsd / NANO_USD_PER_USD;
}

export function addUsageTotals(total: UsageTotals, more: UsageTotals): UsageTotals {
  const sum = emptyUsageTotals();
  for (const counter of USAGE_COUNTERS) {
    sum[counter] = total[counter] + more[counter];
  }
  sum.cost_usd = fromNanoUsd(toNanoUsd(total.cost_usd) + toNanoUsd(more.cost_usd));
  return sum;
}
