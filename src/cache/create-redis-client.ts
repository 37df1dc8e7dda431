import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

/** Redis must never hold a request up for long: no offline queue, short timeouts, one retry. */
const COMMAND_TIMEOUT_MS = 250;
const CONNECT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 5_000;

export interface RedisClientEvents {
  /** The first error after being connected (or at start): reconnect attempts after it stay quiet. */
  onDown: (error: Error) => void;
  onUp: () => void;
}

/** ioredis is loaded on first use: an instance without REDIS_URL does not pay for it at start-up. */
const requireFromHere = createRequire(import.meta.url);

export function createRedisClient(url: string, events: RedisClientEvents): Redis {
  const ioredis: typeof import('ioredis') = requireFromHere('ioredis');
  const redis = new ioredis.Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(times * 200, MAX_RECONNECT_DELAY_MS),
  });
  let down = false;
  // A listener is required (ioredis would print every reconnect failure itself); one line per outage.
  redis.on('error', (error: Error) => {
    if (!down) {
      down = true;
      events.onDown(error);
    }
  });
  redis.on('ready', () => {
    if (down) {
      down = false;
      events.onUp();
    }
  });
  return redis;
}
