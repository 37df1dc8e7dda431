import {
  BUDGET_MEASURES,
  type BudgetLimits,
  type BudgetMeasure,
  type BudgetStore,
  limitOf,
  MINUTE_MS,
  REPORTED_LIMIT_TTL_MS,
} from './budget-store.js';

interface Bucket {
  level: number;
  at: number;
  reportedLimit: number | undefined;
  reportedUntil: number;
}

interface ModelState {
  buckets: Partial<Record<BudgetMeasure, Bucket>>;
  blockedUntil: number;
}

/** One process's budget: for a single replica, and the stand-in while Redis is unreachable. */
export function createMemoryBudgetStore(
  limits: BudgetLimits,
  options: { now?: () => number } = {},
): BudgetStore {
  const now = options.now ?? Date.now;
  const models = new Map<string, ModelState>();

  function stateOf(model: string): ModelState {
    let state = models.get(model);
    if (!state) {
      state = { buckets: {}, blockedUntil: 0 };
      models.set(model, state);
    }
    return state;
  }

  /** The bucket refilled up to now, with its capacity; undefined when the measure is not limited. */
  function refill(state: ModelState, measure: BudgetMeasure, time: number) {
    const configured = limitOf(limits, measure);
    if (configured === undefined) {
      return undefined;
    }
    let bucket = state.buckets[measure];
    if (!bucket) {
      bucket = { level: configured, at: time, reportedLimit: undefined, reportedUntil: 0 };
      state.buckets[measure] = bucket;
    }
    const capacity =
      bucket.reportedLimit !== undefined && bucket.reportedUntil > time
        ? Math.min(configured, bucket.reportedLimit)
        : configured;
    bucket.level = Math.min(capacity, bucket.level + ((time - bucket.at) * capacity) / MINUTE_MS);
    bucket.at = time;
    return { bucket, capacity };
  }

  return {
    kind: 'memory',
    async take(model, amounts) {
      const time = now();
      const state = stateOf(model);
      if (state.blockedUntil > time) {
        return { admitted: false, waitMs: state.blockedUntil - time };
      }
      let waitMs = 0;
      const refilled = BUDGET_MEASURES.map((measure) => ({
        measure,
        refilled: refill(state, measure, time),
      }));
      for (const { measure, refilled: entry } of refilled) {
        if (!entry) {
          continue;
        }
        const need = Math.min(amounts[measure], entry.capacity);
        if (entry.bucket.level < need) {
          waitMs = Math.max(waitMs, Math.ceil(((need - entry.bucket.level) * MINUTE_MS) / entry.capacity));
        }
      }
      if (waitMs > 0) {
        return { admitted: false, waitMs };
      }
      for (const { measure, refilled: entry } of refilled) {
        if (entry) {
          entry.bucket.level -= amounts[measure];
        }
      }
      return { admitted: true };
    },
    async give(model, amounts) {
      const time = now();
      const state = stateOf(model);
      for (const measure of BUDGET_MEASURES) {
        const entry = refill(state, measure, time);
        if (entry) {
          entry.bucket.level = Math.min(entry.capacity, entry.bucket.level + amounts[measure]);
        }
      }
    },
    async tighten(model, report) {
      const time = now();
      const state = stateOf(model);
      for (const measure of BUDGET_MEASURES) {
        const entry = refill(state, measure, time);
        if (!entry) {
          continue;
        }
        const limit = report.limit[measure];
        if (limit !== undefined && limit < entry.capacity) {
          entry.bucket.reportedLimit = limit;
          entry.bucket.reportedUntil = time + REPORTED_LIMIT_TTL_MS;
          entry.bucket.level = Math.min(entry.bucket.level, limit);
        }
        const remaining = report.remaining[measure];
        if (remaining !== undefined && remaining < entry.bucket.level) {
          entry.bucket.level = remaining;
        }
      }
      if (report.blockMs !== undefined && report.blockMs > 0) {
        state.blockedUntil = Math.max(state.blockedUntil, time + report.blockMs);
      }
    },
  };
}
