import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/errors/brief-error.js';
import type { BudgetLimits, BudgetStore } from '../../src/llm/budget/budget-store.js';
import { createMemoryBudgetStore } from '../../src/llm/budget/create-memory-budget-store.js';
import { createRedisBudgetStore } from '../../src/llm/budget/create-redis-budget-store.js';
import { createUpstreamBudget } from '../../src/llm/budget/create-upstream-budget.js';
import { readRateLimitHeaders } from '../../src/llm/budget/read-rate-limit-headers.js';
import { redisAvailable, TEST_REDIS_URL } from '../support/redis-available.js';

const MODEL = 'claude-test';
const call = (inputTokens: number, outputTokens: number) => ({ requests: 1, inputTokens, outputTokens });

function createClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(milliseconds: number) {
      time += milliseconds;
    },
  };
}

describe('the memory budget store', () => {
  it('admits as many calls as the requests-per-minute limit holds, then says how long until the next fits', async () => {
    const clock = createClock();
    const store = createMemoryBudgetStore({ requestsPerMinute: 3 }, clock);
    for (let index = 0; index < 3; index += 1) {
      expect(await store.take(MODEL, call(10, 10))).toEqual({ admitted: true });
    }
    expect(await store.take(MODEL, call(10, 10))).toEqual({ admitted: false, waitMs: 20_000 });
    clock.advance(20_000);
    expect(await store.take(MODEL, call(10, 10))).toEqual({ admitted: true });
  });

  it('reserves max_tokens of output and gets back what the answer did not use', async () => {
    const clock = createClock();
    const store = createMemoryBudgetStore({ outputTokensPerMinute: 3_000 }, clock);
    expect(await store.take(MODEL, call(0, 2_048))).toEqual({ admitted: true });
    expect((await store.take(MODEL, call(0, 2_048))).admitted).toBe(false);
    await store.give(MODEL, { requests: 0, inputTokens: 0, outputTokens: 2_048 - 400 });
    expect(await store.take(MODEL, call(0, 2_048))).toEqual({ admitted: true });
  });

  it('keeps each model in a budget of its own', async () => {
    const store = createMemoryBudgetStore({ requestsPerMinute: 1 }, createClock());
    expect((await store.take('model-a', call(1, 1))).admitted).toBe(true);
    expect((await store.take('model-b', call(1, 1))).admitted).toBe(true);
    expect((await store.take('model-a', call(1, 1))).admitted).toBe(false);
  });

  it('shrinks to what the model API reports as remaining, and stops for a 429 retry-after', async () => {
    const clock = createClock();
    const store = createMemoryBudgetStore({ requestsPerMinute: 600, inputTokensPerMinute: 100_000 }, clock);
    const headers = new Headers({
      'anthropic-ratelimit-requests-limit': '60',
      'anthropic-ratelimit-requests-remaining': '1',
      'anthropic-ratelimit-input-tokens-remaining': '99000',
    });
    await store.tighten(MODEL, readRateLimitHeaders(headers, 200));
    expect(await store.take(MODEL, call(10, 0))).toEqual({ admitted: true });
    // The reported limit of 60 a minute now refills it: one request a second.
    expect(await store.take(MODEL, call(10, 0))).toEqual({ admitted: false, waitMs: 1_000 });

    await store.tighten(MODEL, readRateLimitHeaders(new Headers({ 'retry-after': '7' }), 429, clock.now()));
    clock.advance(2_000);
    expect(await store.take(MODEL, call(10, 0))).toEqual({ admitted: false, waitMs: 5_000 });
  });
});

describe('the upstream budget', () => {
  it('waits for the budget to refill when the wait ends before the deadline', async () => {
    const clock = createClock();
    const waits: number[] = [];
    const budget = createUpstreamBudget({
      store: createMemoryBudgetStore({ requestsPerMinute: 60 }, clock),
      now: clock.now,
      wait: async (milliseconds) => {
        waits.push(milliseconds);
        clock.advance(milliseconds);
      },
    });
    for (let index = 0; index < 60; index += 1) {
      await budget.admit(MODEL, call(1, 1), { deadlineAt: clock.now() + 5_000 });
    }
    const admission = await budget.admit(MODEL, call(1, 1), { deadlineAt: clock.now() + 5_000 });
    expect(waits).toEqual([1_000]);
    expect(admission.waitedMs).toBe(1_000);
  });

  it('refuses at once with 503 upstream-budget-exhausted and Retry-After when the wait would pass the deadline', async () => {
    const clock = createClock();
    const rejected: number[] = [];
    const budget = createUpstreamBudget({
      store: createMemoryBudgetStore({ requestsPerMinute: 2 }, clock),
      now: clock.now,
      wait: async () => {
        throw new Error('must not wait');
      },
      onRejected: ({ waitMs }) => rejected.push(waitMs),
    });
    await budget.admit(MODEL, call(1, 1), { deadlineAt: clock.now() + 10_000 });
    await budget.admit(MODEL, call(1, 1), { deadlineAt: clock.now() + 10_000 });
    const refusal = await budget
      .admit(MODEL, call(1, 1), { deadlineAt: clock.now() + 10_000 })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceUnavailableError);
    const error = refusal as ServiceUnavailableError;
    expect(error.code).toBe('upstream-budget-exhausted');
    expect(error.status).toBe(503);
    expect(error.headers['retry-after']).toBe('30');
    expect(rejected).toEqual([30_000]);
  });

  it('falls back to the insurance store while the shared store fails', async () => {
    const failures: unknown[] = [];
    const broken: BudgetStore = {
      kind: 'redis',
      take: async () => {
        throw new Error('Connection is closed.');
      },
      give: async () => undefined,
      tighten: async () => undefined,
    };
    const budget = createUpstreamBudget({
      store: broken,
      insurance: createMemoryBudgetStore({ requestsPerMinute: 1 }),
      onStoreError: (error) => failures.push(error),
    });
    await budget.admit(MODEL, call(1, 1), { deadlineAt: Date.now() + 100 });
    await expect(budget.admit(MODEL, call(1, 1), { deadlineAt: Date.now() + 100 })).rejects.toThrow(
      /budget shared by Brief's replicas is spent/,
    );
    expect(failures).toHaveLength(2);
  });
});

const redisUp = await redisAvailable();

describe.skipIf(!redisUp)('the Redis budget store', () => {
  const clients: Redis[] = [];
  const keyPrefix = `brief:test-budget:${process.pid}:${Date.now()}`;
  const replica = (limits: BudgetLimits) => {
    const redis = new Redis(TEST_REDIS_URL);
    clients.push(redis);
    return createRedisBudgetStore(redis, limits, { keyPrefix });
  };

  afterAll(async () => {
    const [first] = clients;
    if (first) {
      const keys = await first.keys(`${keyPrefix}:*`);
      if (keys.length > 0) {
        await first.del(...keys);
      }
    }
    await Promise.all(clients.map((client) => client.quit()));
  });

  it('shares one budget between replicas: what one takes, the other cannot', async () => {
    const limits = { requestsPerMinute: 4, outputTokensPerMinute: 10_000 };
    const first = replica(limits);
    const second = replica(limits);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 === 0 ? first : second).take('shared', call(5, 100)),
      ),
    );
    expect(results.filter((result) => result.admitted)).toHaveLength(4);
    const waits = results.flatMap((result) => (result.admitted ? [] : [result.waitMs]));
    expect(waits).toHaveLength(2);
    for (const waitMs of waits) {
      expect(waitMs).toBeGreaterThan(10_000);
      expect(waitMs).toBeLessThanOrEqual(15_000);
    }
  });

  it('gives back unused output tokens and takes the model API’s lower report, for every replica', async () => {
    const limits = { outputTokensPerMinute: 3_000, requestsPerMinute: 1_000 };
    const first = replica(limits);
    const second = replica(limits);
    expect((await first.take('settle', call(0, 2_048))).admitted).toBe(true);
    expect((await second.take('settle', call(0, 2_048))).admitted).toBe(false);
    await first.give('settle', { requests: 0, inputTokens: 0, outputTokens: 1_648 });
    expect((await second.take('settle', call(0, 2_048))).admitted).toBe(true);

    await first.tighten('report', { remaining: { requests: 0 }, limit: {} });
    const refused = await second.take('report', call(1, 1));
    expect(refused.admitted).toBe(false);
    await second.tighten('blocked', { remaining: {}, limit: {}, blockMs: 9_000 });
    const blocked = await first.take('blocked', call(1, 1));
    expect(blocked.admitted ? 0 : blocked.waitMs).toBeGreaterThan(8_000);
  });
});
