import type { Redis } from 'ioredis';
import type { UsageLedger } from './usage-ledger.js';
import { ALL_KEYS } from './usage-ledger.js';
import {
  fromNanoUsd,
  toNanoUsd,
  USAGE_COUNTERS,
  type UsageTotals,
  usageTotalsSchema,
} from './usage-totals.js';

const PREFIX = 'brief:usage';
/** Usage is kept for a year and a bit, so `granularity=month` can show the last twelve. */
const RETENTION_SECONDS = 400 * 86_400;
/** A batch is booked once; its results are kept upstream for 29 days. */
const CLAIM_SECONDS = 30 * 86_400;
const COST_FIELD = 'cost_nano_usd';

/** Checks and takes a reservation in one step: concurrent requests on any replica see each other's holds. */
const RESERVE_SCRIPT = `
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
local amount = tonumber(ARGV[1])
if spent + reserved + amount > tonumber(ARGV[2]) then
  return {0, spent}
end
redis.call('HINCRBY', KEYS[1], 'reserved', amount)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, spent}
`;

/**
 * KEYS: the reservation's month, the booking's month, the key's day, every key's day.
 * ARGV: reserved amount, retention, cost, then the counters in USAGE_COUNTERS order.
 */
const BOOK_SCRIPT = `
local released = tonumber(ARGV[1])
if released > 0 then
  local left = redis.call('HINCRBY', KEYS[1], 'reserved', -released)
  if left < 0 then redis.call('HSET', KEYS[1], 'reserved', 0) end
end
redis.call('HINCRBY', KEYS[2], 'spent', ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[2])
local fields = {${USAGE_COUNTERS.map((counter) => `'${counter}'`).join(', ')}}
for _, day in ipairs({KEYS[3], KEYS[4]}) do
  redis.call('HINCRBY', day, '${COST_FIELD}', ARGV[3])
  for index, field in ipairs(fields) do
    redis.call('HINCRBY', day, field, ARGV[3 + index])
  end
  redis.call('EXPIRE', day, ARGV[2])
end
return 1
`;

const monthKey = (keyId: string, month: string) => `${PREFIX}:month:${keyId}:${month}`;
const dayKey = (keyId: string, day: string) => `${PREFIX}:day:${keyId}:${day}`;

function readDay(hash: Record<string, string>): UsageTotals | undefined {
  if (Object.keys(hash).length === 0) {
    return undefined;
  }
  const parsed = usageTotalsSchema.safeParse({
    ...Object.fromEntries(USAGE_COUNTERS.map((counter) => [counter, Number(hash[counter] ?? 0)])),
    cost_usd: fromNanoUsd(Number(hash[COST_FIELD] ?? 0)),
  });
  return parsed.success ? parsed.data : undefined;
}

/** The ledger in Redis: shared by every replica and kept across restarts. */
export function createRedisUsageLedger(redis: Redis): UsageLedger {
  return {
    kind: 'redis',
    async reserve(keyId, month, nanoUsd, budgetNanoUsd) {
      const [admitted, spent] = (await redis.eval(
        RESERVE_SCRIPT,
        1,
        monthKey(keyId, month),
        nanoUsd,
        budgetNanoUsd,
        RETENTION_SECONDS,
      )) as [number, number];
      return admitted === 1
        ? { admitted: true, reservation: { keyId, month, nanoUsd } }
        : { admitted: false, spentNanoUsd: spent };
    },
    async book(keyId, day, totals, reservation) {
      await redis.eval(
        BOOK_SCRIPT,
        4,
        monthKey(reservation?.keyId ?? keyId, reservation?.month ?? day.slice(0, 7)),
        monthKey(keyId, day.slice(0, 7)),
        dayKey(keyId, day),
        dayKey(ALL_KEYS, day),
        reservation?.nanoUsd ?? 0,
        RETENTION_SECONDS,
        toNanoUsd(totals.cost_usd),
        ...USAGE_COUNTERS.map((counter) => totals[counter]),
      );
    },
    async spent(keyId, month) {
      return Number((await redis.hget(monthKey(keyId, month), 'spent')) ?? 0);
    },
    async read(keyId, days) {
      const pipeline = redis.pipeline();
      for (const day of days) {
        pipeline.hgetall(dayKey(keyId, day));
      }
      const replies = (await pipeline.exec()) ?? [];
      const found = new Map<string, UsageTotals>();
      replies.forEach(([error, hash], index) => {
        const day = days[index];
        if (error) {
          throw error;
        }
        const totals = readDay(hash as Record<string, string>);
        if (day !== undefined && totals) {
          found.set(day, totals);
        }
      });
      return found;
    },
    async claimOnce(marker) {
      return (await redis.set(`${PREFIX}:claimed:${marker}`, '1', 'EX', CLAIM_SECONDS, 'NX')) === 'OK';
    },
  };
}
