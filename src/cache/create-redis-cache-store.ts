import type { Redis } from 'ioredis';
import type { CacheStore } from './cache-store.js';

const KEY_PREFIX = 'brief:summary:';

/** Summaries in Redis, so every replica shares them. Fails fast: the caller treats errors as misses. */
export function createRedisCacheStore(redis: Redis): CacheStore {
  return {
    kind: 'redis',
    get: async (key) => (await redis.get(KEY_PREFIX + key)) ?? undefined,
    set: async (key, value, ttlSeconds) => {
      await redis.set(KEY_PREFIX + key, value, 'EX', ttlSeconds);
    },
    ping: async () => (await redis.ping()) === 'PONG',
    close: async () => {
      redis.disconnect();
    },
  };
}
