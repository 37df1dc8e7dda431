/** Where summaries are kept between requests: in process memory, or Redis shared by replicas. */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** For readiness: can the store be reached. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
