import type { Redis } from 'ioredis';
import type { BudgetLimits } from './budget-store.js';
import { createMemoryBudgetStore } from './create-memory-budget-store.js';
import { createRedisBudgetStore } from './create-redis-budget-store.js';
import {
  createUpstreamBudget,
  type UpstreamBudget,
  type UpstreamBudgetOptions,
} from './create-upstream-budget.js';

export type BudgetHooks = Pick<UpstreamBudgetOptions, 'onAdmitted' | 'onRejected' | 'onStoreError'>;

/**
 * The budget Brief's configuration asks for: none without limits; shared through Redis when there is
 * one (with a budget in memory while it is unreachable); else in memory.
 */
export function createConfiguredBudget(
  limits: BudgetLimits | undefined,
  redis: Redis | undefined,
  hooks: BudgetHooks = {},
): UpstreamBudget | undefined {
  if (!limits) {
    return undefined;
  }
  const memory = createMemoryBudgetStore(limits);
  return createUpstreamBudget({
    ...hooks,
    store: redis ? createRedisBudgetStore(redis, limits) : memory,
    insurance: redis ? memory : undefined,
  });
}
