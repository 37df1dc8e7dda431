import { Redis } from 'ioredis';

/** Redis must never hold a request up for long: no offline queue, short timeouts, one retry. */
const COMMAND_TIMEOUT_MS = 250;
const CONNECT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 5_000;

export function createRedisClient(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(times * 200, MAX_RECONNECT_DELAY_MS),
  });
  // Without a listener ioredis would print every reconnect failure itself.
  redis.on('error', onError);
  return redis;
}
