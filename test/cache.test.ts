import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCacheStore } from '../src/cache/create-memory-cache-store.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { redisAvailable, TEST_REDIS_URL } from './support/redis-available.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const LONG = readFileSync(path.join(PROJECT_ROOT, 'samples', 'long-figures.de.txt'), 'utf8');

let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

// The cache is what these tests are about: on.
const cachedLiveEnv = () => liveEnv(fake, { BRIEF_CACHE_ENABLED: 'true' });

type Body = {
  summaries: unknown;
  meta: { cached: boolean; attempts: number; usage: { input_tokens: number } };
};

describe('the summary cache', () => {
  it('answers a repeat without a model call, marked cached, with the same summaries', async () => {
    const { app } = createTestBrief({ env: cachedLiveEnv() });
    const first = (await (await postJson(app, { text: SEED })).json()) as Body;
    const second = (await (await postJson(app, { text: SEED })).json()) as Body;
    expect(fake.calls).toHaveLength(1);
    expect(first.meta).toMatchObject({ cached: false, attempts: 1 });
    expect(second.meta).toMatchObject({ cached: true, attempts: 0 });
    expect(second.meta.usage.input_tokens).toBe(0);
    expect(second.summaries).toEqual(first.summaries);
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/^brief_cache_lookups_total\{result="hit"\} 1$/m);
    expect(metrics).toMatch(/^brief_cache_lookups_total\{result="miss"\} 1$/m);
  });

  it('keys on the normalised text, so spacing and line endings do not defeat it, but options do', async () => {
    const { app } = createTestBrief({ env: cachedLiveEnv() });
    await postJson(app, { text: SEED });
    await postJson(app, { text: SEED.replaceAll('\n', '\r\n').replaceAll(' ', '  ') });
    expect(fake.calls).toHaveLength(1);
    await postJson(app, { text: SEED, options: { key_points: 4 } });
    expect(fake.calls).toHaveLength(2);
  });

  it('makes exactly one upstream call for 100 identical requests at once', async () => {
    fake.setLatency(300);
    const { app } = createTestBrief({ env: cachedLiveEnv() });
    const responses = await Promise.all(Array.from({ length: 100 }, () => postJson(app, { text: LONG })));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Body[];
    expect(fake.calls).toHaveLength(1);
    expect(bodies.filter((body) => !body.meta.cached)).toHaveLength(1);
    expect(new Set(bodies.map((body) => JSON.stringify(body.summaries))).size).toBe(1);
  });

  it('can be switched off', async () => {
    const { app } = createTestBrief({ env: liveEnv(fake) });
    await postJson(app, { text: SEED });
    await postJson(app, { text: SEED });
    expect(fake.calls).toHaveLength(2);
  });
});

describe('the in-memory store', () => {
  it('is bounded by entries and by bytes, least recently used out first', async () => {
    const byEntries = createMemoryCacheStore({ maxEntries: 2, maxBytes: 1_000_000 });
    await byEntries.set('a', '1', 60);
    await byEntries.set('b', '2', 60);
    await byEntries.get('a');
    await byEntries.set('c', '3', 60);
    expect(await byEntries.get('a')).toBe('1');
    expect(await byEntries.get('b')).toBeUndefined();

    const byBytes = createMemoryCacheStore({ maxEntries: 100, maxBytes: 100 });
    await byBytes.set('x', 'x'.repeat(60), 60);
    await byBytes.set('y', 'y'.repeat(60), 60);
    expect(await byBytes.get('x')).toBeUndefined();
    expect(await byBytes.get('y')).toBe('y'.repeat(60));
  });
});

const hasRedis = await redisAvailable();
if (!hasRedis) {
  process.stderr.write(
    `\nNOTICE: no Redis at ${TEST_REDIS_URL}: the Redis cache tests are skipped (.ci/run starts one).\n\n`,
  );
}

describe.skipIf(!hasRedis)('the Redis store shared by replicas', () => {
  beforeEach(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  });

  it('lets a second app instance answer from what the first one cached', async () => {
    const first = createTestBrief({ env: { ...cachedLiveEnv(), REDIS_URL: TEST_REDIS_URL } });
    const second = createTestBrief({ env: { ...cachedLiveEnv(), REDIS_URL: TEST_REDIS_URL } });
    try {
      expect(await first.ready()).toBe(true);
      expect(await second.ready()).toBe(true);
      const a = (await (await postJson(first.app, { text: SEED })).json()) as Body;
      const b = (await (await postJson(second.app, { text: SEED })).json()) as Body;
      expect(fake.calls).toHaveLength(1);
      expect(b.meta.cached).toBe(true);
      expect(b.summaries).toEqual(a.summaries);
      const ready = await second.app.request('/readyz');
      expect(((await ready.json()) as { checks: { redis: { ok: boolean } } }).checks.redis.ok).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('shares rate-limit counters between app instances', async () => {
    const SHARED_KEY = 'shared-counter-key-0123456789abcdef';
    const env = {
      ...cachedLiveEnv(),
      REDIS_URL: TEST_REDIS_URL,
      BRIEF_API_KEYS: SHARED_KEY,
      BRIEF_RATE_LIMIT_PER_MINUTE: '2',
    };
    const first = createTestBrief({ env });
    const second = createTestBrief({ env });
    try {
      await Promise.all([first.ready(), second.ready()]);
      const headers = { authorization: `Bearer ${SHARED_KEY}` };
      expect((await first.app.request('/v1/prompts', { headers })).status).toBe(200);
      expect((await second.app.request('/v1/prompts', { headers })).status).toBe(200);
      expect((await first.app.request('/v1/prompts', { headers })).status).toBe(429);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('a Redis outage', () => {
  it('does not take Brief down: requests are served uncached, the error is logged, readiness says why', async () => {
    // Nothing listens on port 1: every Redis command fails fast.
    const brief = createTestBrief({ env: { ...cachedLiveEnv(), REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const first = await postJson(brief.app, { text: SEED });
      const second = await postJson(brief.app, { text: SEED });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(fake.calls).toHaveLength(2);
      expect(brief.logs().some((line) => line.msg === 'cache unavailable; serving uncached')).toBe(true);
      const ready = await brief.app.request('/readyz');
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: { redis: { ok: boolean } } }).checks.redis.ok).toBe(false);
    } finally {
      await brief.close();
    }
  });
});
