/** What one model call takes from the budget, or gives back once its real usage is known. */
export interface BudgetAmounts {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** Per-minute limits of one model; an absent one is not limited. */
export interface BudgetLimits {
  requestsPerMinute?: number | undefined;
  inputTokensPerMinute?: number | undefined;
  outputTokensPerMinute?: number | undefined;
}

/** What the model API said about its own limits in one answer's headers. */
export interface UpstreamLimitReport {
  /** `anthropic-ratelimit-*-remaining`. */
  remaining: Partial<BudgetAmounts>;
  /** `anthropic-ratelimit-*-limit`. */
  limit: Partial<BudgetAmounts>;
  /** A 429's `retry-after`: nothing is sent for this long. */
  blockMs?: number | undefined;
}

export type TakeResult = { admitted: true } | { admitted: false; waitMs: number };

/**
 * Token buckets per model, one for each limited measure, refilled continuously at limit/minute up to
 * the limit (the model API's own algorithm). Each operation is atomic across everyone sharing the store.
 */
export interface BudgetStore {
  readonly kind: 'memory' | 'redis';
  /** Takes `amounts` when every bucket holds enough (an amount above a limit needs a full bucket); else says how long to wait. */
  take(model: string, amounts: BudgetAmounts): Promise<TakeResult>;
  /** Gives back what a call reserved and did not use; a negative amount charges more. */
  give(model: string, amounts: BudgetAmounts): Promise<void>;
  /** Lowers the buckets to what the model API reports, when it reports less. */
  tighten(model: string, report: UpstreamLimitReport): Promise<void>;
}

export const MINUTE_MS = 60_000;
/** How long a lower limit reported by the model API replaces the configured one. */
export const REPORTED_LIMIT_TTL_MS = MINUTE_MS;

export const BUDGET_MEASURES = ['requests', 'inputTokens', 'outputTokens'] as const;
export type BudgetMeasure = (typeof BUDGET_MEASURES)[number];

export function limitOf(limits: BudgetLimits, measure: BudgetMeasure): number | undefined {
  switch (measure) {
    case 'requests':
      return limits.requestsPerMinute;
    case 'inputTokens':
      return limits.inputTokensPerMinute;
    case 'outputTokens':
      return limits.outputTokensPerMinute;
  }
}
