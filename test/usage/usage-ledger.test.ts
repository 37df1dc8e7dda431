import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/keys/keyring.js';
import { createCostEstimator } from '../../src/llm/create-cost-estimator.js';
import { createMemoryUsageLedger } from '../../src/usage/create-memory-usage-ledger.js';
import { createRedisUsageLedger } from '../../src/usage/create-redis-usage-ledger.js';
import { createSpendControl } from '../../src/usage/create-spend-control.js';
import { readUsageReport } from '../../src/usage/read-usage-report.js';
import type { UsageLedger } from '../../src/usage/usage-ledger.js';
import { emptyUsageTotals, toNanoUsd } from '../../src/usage/usage-totals.js';
import { redisAvailable, TEST_REDIS_URL } from '../support/redis-available.js';

const hasRedis = await redisAvailable();
const connections: Redis[] = [];
function connect(): Redis {
  const redis = new Redis(TEST_REDIS_URL);
  connections.push(redis);
  return redis;
}
afterAll(() => {
  for (const redis of connections) redis.disconnect();
});

const key = (id: string, monthlyBudgetUsd?: number): ApiKey => ({
  id,
  scopes: new Set(['summaries']),
  rateLimitPerMinute: undefined,
  monthlyBudgetUsd,
});
const at = (iso: string) => () => new Date(iso);
const costEstimator = createCostEstimator();
const call = (input: number, output: number) => ({
  model: 'claude-sonnet-4-6',
  latencyMs: 1,
  outcome: 'answered' as const,
  usage: {
    input_tokens: input,
    output_tokens: output,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  },
});

const ledgers: Array<[string, () => UsageLedger, boolean]> = [
  ['in memory', createMemoryUsageLedger, true],
  ['in Redis', () => createRedisUsageLedger(connect()), hasRedis],
];

beforeAll(async () => {
  if (hasRedis) await connect().flushdb();
});

describe.each(ledgers)('the usage ledger %s', (_name, createLedger, available) => {
  it.skipIf(!available)(
    'admits concurrent requests only as far as the budget holds their reservations',
    async () => {
      const ledger = createLedger();
      const id = `concurrent-${Math.random().toString(36).slice(2)}`;
      // 0.01 USD per request at most; a budget of 0.1 USD holds ten.
      const control = createSpendControl({ ledger, costEstimator, now: at('2026-03-15T12:00:00Z') });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () => control.admit(key(id, 0.1), 0.01)),
      );
      const admitted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(admitted).toHaveLength(10);
      const refusal = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refusal?.status === 'rejected' && refusal.reason).toMatchObject({
        status: 429,
        code: 'budget-exceeded',
        extensions: { budget_usd: 0.1, spent_usd: 0, resets_at: '2026-04-01T00:00:00.000Z' },
      });

      // Settling with the real (lower) cost frees the rest of the reservation for new requests.
      for (const outcome of admitted) {
        if (outcome.status === 'fulfilled') {
          outcome.value.record(call(1_000, 100)); // 0.0045 USD
          await outcome.value.settle({ cached: false });
        }
      }
      expect(await ledger.spent(id, '2026-03')).toBe(toNanoUsd(0.045));
      await expect(control.admit(key(id, 0.1), 0.01)).resolves.toBeDefined();
    },
  );

  it.skipIf(!available)('reports usage per day and per month, with every key summed under all', async () => {
    const ledger = createLedger();
    const id = `report-${Math.random().toString(36).slice(2)}`;
    for (const [day, tokens] of [
      ['2026-01-31T23:00:00Z', 1_000],
      ['2026-02-01T01:00:00Z', 2_000],
      ['2026-02-01T02:00:00Z', 3_000],
    ] as const) {
      const control = createSpendControl({ ledger, costEstimator, now: at(day) });
      const admission = await control.admit(key(id), null);
      admission.record(call(tokens, 10));
      await admission.settle({ cached: false });
    }
    const request = { keyId: id, ledgerKeyId: id, from: '2026-01-01', to: '2026-02-28' };
    const daily = await readUsageReport(ledger, { ...request, granularity: 'day' });
    expect(daily.periods.map((period) => [period.start, period.requests, period.input_tokens])).toEqual([
      ['2026-01-31', 1, 1_000],
      ['2026-02-01', 2, 5_000],
    ]);
    expect(daily.totals).toEqual({
      ...emptyUsageTotals(),
      requests: 3,
      input_tokens: 6_000,
      output_tokens: 30,
      cost_usd: 0.01845,
    });
    const monthly = await readUsageReport(ledger, { ...request, granularity: 'month' });
    expect(monthly.periods.map((period) => [period.start, period.input_tokens])).toEqual([
      ['2026-01-01', 1_000],
      ['2026-02-01', 5_000],
    ]);
    const all = await readUsageReport(ledger, { ...request, ledgerKeyId: '*', granularity: 'day' });
    expect(all.totals.input_tokens).toBeGreaterThanOrEqual(6_000);
  });

  it.skipIf(!available)('claims a marker once', async () => {
    const ledger = createLedger();
    const marker = `batch-${Math.random()}`;
    expect(await ledger.claimOnce(marker)).toBe(true);
    expect(await ledger.claimOnce(marker)).toBe(false);
  });
});

describe.skipIf(!hasRedis)('the usage ledger in Redis', () => {
  it('is shared by two instances and survives a restart', async () => {
    const id = `shared-${Math.random().toString(36).slice(2)}`;
    const now = at('2026-05-05T10:00:00Z');
    const first = createSpendControl({ ledger: createRedisUsageLedger(connect()), costEstimator, now });
    const second = createSpendControl({ ledger: createRedisUsageLedger(connect()), costEstimator, now });
    // Two replicas share one budget of 0.05 USD: five reservations of 0.01 between them.
    const admissions = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? first : second).admit(key(id, 0.05), 0.01)),
    );
    expect(admissions.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    for (const outcome of admissions) {
      if (outcome.status === 'fulfilled') {
        outcome.value.record(call(1_000, 0));
        await outcome.value.settle({ cached: false });
      }
    }

    const restarted = createRedisUsageLedger(connect());
    const report = await readUsageReport(restarted, {
      keyId: id,
      ledgerKeyId: id,
      from: '2026-05-01',
      to: '2026-05-31',
      granularity: 'month',
    });
    expect(report.totals).toMatchObject({ requests: 5, input_tokens: 5_000, cost_usd: 0.015 });
    expect(await restarted.spent(id, '2026-05')).toBe(toNanoUsd(0.015));
  });
});
