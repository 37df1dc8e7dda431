import { LRUCache } from 'lru-cache';
import type { CacheStore } from './cache-store.js';

export interface MemoryCacheOptions {
  maxEntries: number;
  maxBytes: number;
}

/** A bounded LRU: by entries and by bytes, each entry with its TTL. */
export function createMemoryCacheStore(options: MemoryCacheOptions): CacheStore {
  const cache = new LRUCache<string, string>({
    max: options.maxEntries,
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) => Buffer.byteLength(value) + Buffer.byteLength(key),
  });
  return {
    kind: 'memory',
    get: async (key) => cache.get(key),
    set: async (key, value, ttlSeconds) => {
      cache.set(key, value, { ttl: ttlSeconds * 1000 });
    },
    ping: async () => true,
    close: async () => {
      cache.clear();
    },
  };
}
