/** The fake's organisation limits per model and minute, as the real API enforces them. */
export interface HardLimits {
  requestsPerMinute?: number | undefined;
  inputTokensPerMinute?: number | undefined;
  outputTokensPerMinute?: number | undefined;
}

const MINUTE_MS = 60_000;

type Measure = 'requests' | 'input-tokens' | 'output-tokens';

interface Bucket {
  limit: number;
  level: number;
  at: number;
}

export type HardLimitDecision =
  | { admitted: true; headers: Record<string, string>; settle: (outputTokens: number | undefined) => void }
  | { admitted: false; headers: Record<string, string>; retryAfterSeconds: number };

/**
 * Token buckets like the real API's: each limit refills continuously at limit/minute up to the limit.
 * A request needs one request, its input tokens and `max_tokens` of output; when it is answered the
 * output it did not write goes back, and a failed answer gives back its tokens. The answer's
 * `anthropic-ratelimit-*` headers report what is left.
 */
export function createHardLimits(limits: HardLimits, now: () => number = Date.now) {
  const models = new Map<string, Map<Measure, Bucket>>();
  const configured: Array<[Measure, number | undefined]> = [
    ['requests', limits.requestsPerMinute],
    ['input-tokens', limits.inputTokensPerMinute],
    ['output-tokens', limits.outputTokensPerMinute],
  ];

  function bucketsOf(model: string): Map<Measure, Bucket> {
    let buckets = models.get(model);
    if (!buckets) {
      buckets = new Map();
      for (const [measure, limit] of configured) {
        if (limit !== undefined) {
          buckets.set(measure, { limit, level: limit, at: now() });
        }
      }
      models.set(model, buckets);
    }
    const time = now();
    for (const bucket of buckets.values()) {
      bucket.level = Math.min(bucket.limit, bucket.level + ((time - bucket.at) * bucket.limit) / MINUTE_MS);
      bucket.at = time;
    }
    return buckets;
  }

  function headersOf(buckets: Map<Measure, Bucket>): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [measure, bucket] of buckets) {
      headers[`anthropic-ratelimit-${measure}-limit`] = String(bucket.limit);
      headers[`anthropic-ratelimit-${measure}-remaining`] = String(Math.max(0, Math.floor(bucket.level)));
    }
    return headers;
  }

  return {
    get enabled() {
      return configured.some(([, limit]) => limit !== undefined);
    },
    admit(model: string, inputTokens: number, maxTokens: number): HardLimitDecision {
      const buckets = bucketsOf(model);
      const amounts: Record<Measure, number> = {
        requests: 1,
        'input-tokens': inputTokens,
        'output-tokens': maxTokens,
      };
      let waitMs = 0;
      for (const [measure, bucket] of buckets) {
        const need = Math.min(amounts[measure], bucket.limit);
        if (bucket.level < need) {
          waitMs = Math.max(waitMs, ((need - bucket.level) * MINUTE_MS) / bucket.limit);
        }
      }
      if (waitMs > 0) {
        const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
        return { admitted: false, headers: headersOf(buckets), retryAfterSeconds };
      }
      for (const [measure, bucket] of buckets) {
        bucket.level -= amounts[measure];
      }
      let settled = false;
      return {
        admitted: true,
        headers: headersOf(buckets),
        settle(outputTokens) {
          if (settled) {
            return;
          }
          settled = true;
          const current = bucketsOf(model);
          const giveBack: Record<Measure, number> =
            outputTokens === undefined
              ? { requests: 0, 'input-tokens': inputTokens, 'output-tokens': maxTokens }
              : { requests: 0, 'input-tokens': 0, 'output-tokens': maxTokens - outputTokens };
          for (const [measure, bucket] of current) {
            bucket.level = Math.min(bucket.limit, bucket.level + giveBack[measure]);
          }
        },
      };
    },
    reset() {
      models.clear();
    },
  };
}
