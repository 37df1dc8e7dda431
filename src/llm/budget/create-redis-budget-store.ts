import type { Redis } from 'ioredis';
import {
  BUDGET_MEASURES,
  type BudgetAmounts,
  type BudgetLimits,
  type BudgetStore,
  limitOf,
  MINUTE_MS,
  REPORTED_LIMIT_TTL_MS,
  type UpstreamLimitReport,
} from './budget-store.js';

/**
 * The token buckets of one model in one hash, changed by one script, so every replica sees the same
 * budget and no two take the same tokens. The clock is Redis's own (`TIME`): replicas' clocks may differ.
 * Same rules as the memory store: refill at limit/minute up to the limit (or a lower reported one).
 * ARGV: op ('take' | 'give' | 'tighten'), minute ms, reported-limit ttl ms, block ms, then per measure
 * (requests, input, output): configured limit (0: none), amount, reported remaining (-1: none),
 * reported limit (-1: none). Returns the milliseconds to wait, 0 when taken (or for give and tighten).
 */
const BUDGET_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local op = ARGV[1]
local minute = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local blockMs = tonumber(ARGV[4])
local key = KEYS[1]
local names = {'r', 'i', 'o'}
local buckets = {}
for k = 1, 3 do
  local base = 4 + (k - 1) * 4
  local configured = tonumber(ARGV[base + 1])
  if configured > 0 then
    local n = names[k]
    local fields = redis.call('HMGET', key, n, n .. '_at', n .. '_lim', n .. '_lim_until')
    local capacity = configured
    local reported = tonumber(fields[3])
    if reported and tonumber(fields[4]) > now and reported < capacity then
      capacity = reported
    end
    local level = tonumber(fields[1]) or configured
    local at = tonumber(fields[2]) or now
    level = math.min(capacity, level + (now - at) * capacity / minute)
    buckets[k] = { name = n, level = level, capacity = capacity, configured = configured,
      amount = tonumber(ARGV[base + 2]), remaining = tonumber(ARGV[base + 3]), limit = tonumber(ARGV[base + 4]) }
  end
end
local function save()
  for k = 1, 3 do
    local b = buckets[k]
    if b then
      redis.call('HSET', key, b.name, tostring(b.level), b.name .. '_at', now)
    end
  end
  redis.call('PEXPIRE', key, minute * 2)
end
if op == 'take' then
  local blocked = tonumber(redis.call('HGET', key, 'blocked_until') or '0')
  if blocked > now then
    return blocked - now
  end
  local wait = 0
  for k = 1, 3 do
    local b = buckets[k]
    if b then
      local need = math.min(b.amount, b.capacity)
      if b.level < need then
        wait = math.max(wait, math.ceil((need - b.level) * minute / b.capacity))
      end
    end
  end
  if wait > 0 then
    return wait
  end
  for k = 1, 3 do
    local b = buckets[k]
    if b then b.level = b.level - b.amount end
  end
  save()
  return 0
end
if op == 'give' then
  for k = 1, 3 do
    local b = buckets[k]
    if b then b.level = math.min(b.capacity, b.level + b.amount) end
  end
  save()
  return 0
end
for k = 1, 3 do
  local b = buckets[k]
  if b then
    if b.limit >= 0 and b.limit < b.capacity then
      redis.call('HSET', key, b.name .. '_lim', b.limit, b.name .. '_lim_until', now + ttl)
      b.capacity = b.limit
      b.level = math.min(b.level, b.limit)
    end
    if b.remaining >= 0 and b.remaining < b.level then
      b.level = b.remaining
    end
  end
end
if blockMs > 0 then
  local blocked = tonumber(redis.call('HGET', key, 'blocked_until') or '0')
  redis.call('HSET', key, 'blocked_until', math.max(blocked, now + blockMs))
end
save()
return 0
`;

const NONE = -1;

export interface RedisBudgetStoreOptions {
  /** Default `brief:budget`; one hash per model below it. */
  keyPrefix?: string;
}

/** The budget every replica shares through Redis. */
export function createRedisBudgetStore(
  redis: Redis,
  limits: BudgetLimits,
  options: RedisBudgetStoreOptions = {},
): BudgetStore {
  const keyPrefix = options.keyPrefix ?? 'brief:budget';

  async function run(
    op: 'take' | 'give' | 'tighten',
    model: string,
    amounts: Partial<BudgetAmounts>,
    report?: UpstreamLimitReport,
  ): Promise<number> {
    const args: (string | number)[] = [op, MINUTE_MS, REPORTED_LIMIT_TTL_MS, Math.ceil(report?.blockMs ?? 0)];
    for (const measure of BUDGET_MEASURES) {
      args.push(
        limitOf(limits, measure) ?? 0,
        amounts[measure] ?? 0,
        report?.remaining[measure] ?? NONE,
        report?.limit[measure] ?? NONE,
      );
    }
    const result = await redis.eval(BUDGET_SCRIPT, 1, `${keyPrefix}:${model}`, ...args);
    return Number(result);
  }

  return {
    kind: 'redis',
    async take(model, amounts) {
      const waitMs = await run('take', model, amounts);
      return waitMs > 0 ? { admitted: false, waitMs } : { admitted: true };
    },
    async give(model, amounts) {
      await run('give', model, amounts);
    },
    async tighten(model, report) {
      await run('tighten', model, {}, report);
    },
  };
}
