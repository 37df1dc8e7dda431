import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { redisAvailable, TEST_REDIS_URL } from './support/redis-available.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const MODEL = 'claude-sonnet-4-6';
const HARD_LIMIT_RPM = 6;
const REQUESTS_PER_INSTANCE = 5;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { type?: string; meta?: { model: string } };
}

async function summarize(brief: ReturnType<typeof createTestBrief>): Promise<Answer> {
  const response = await postJson(brief.app, { text: SEED });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

function budgetEnv(fake: FakeMessagesApi, env: Record<string, string> = {}) {
  // No retries and a short deadline: a request either fits the budget at once or is refused.
  return liveEnv(fake, { BRIEF_UPSTREAM_MAX_RETRIES: '0', BRIEF_REQUEST_DEADLINE_MS: '4000', ...env });
}

let fake: FakeMessagesApi;

beforeAll(async () => {
  fake = await startFakeMessagesApi({ hardLimits: { requestsPerMinute: HARD_LIMIT_RPM } });
});

afterEach(() => {
  fake.reset();
});

afterAll(async () => {
  await fake.close();
});

describe('the upstream budget in memory', () => {
  it('answers 503 upstream-budget-exhausted with Retry-After instead of sending what the budget cannot hold', async () => {
    const brief = createTestBrief({ env: budgetEnv(fake, { BRIEF_UPSTREAM_RPM: '2' }) });
    const answers = [];
    for (let index = 0; index < 3; index += 1) {
      answers.push(await summarize(brief));
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 503]);
    const refused = answers[2];
    expect(refused?.body.type).toBe('/problems/upstream-budget-exhausted');
    // Two a minute: the next request fits within 30 s (less the refill while the first two ran).
    expect(Number(refused?.retryAfter)).toBeGreaterThan(10);
    expect(Number(refused?.retryAfter)).toBeLessThanOrEqual(30);
    expect(fake.calls).toHaveLength(2);
    const metrics = await brief.metrics.render();
    expect(metrics).toContain(`brief_upstream_budget_rejections_total{model="${MODEL}"} 1`);
  });

  it('tightens to the model API’s own anthropic-ratelimit-* headers when they report less than configured', async () => {
    const brief = createTestBrief({ env: budgetEnv(fake, { BRIEF_UPSTREAM_RPM: '600' }) });
    const answers: Answer[] = [];
    for (let index = 0; index < HARD_LIMIT_RPM + 2; index += 1) {
      answers.push(await summarize(brief));
    }
    expect(fake.stats.overHardLimit).toBe(0);
    expect(answers.slice(0, HARD_LIMIT_RPM).every((answer) => answer.status === 200)).toBe(true);
    // The buckets refill by one request in 10 s: on a slow machine the seventh may fit, the eighth not.
    const refused = answers.slice(HARD_LIMIT_RPM).filter((answer) => answer.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((answer) => answer.body.type === '/problems/upstream-budget-exhausted')).toBe(true);
  });

  it('without a budget, the same load runs into the model API’s hard limit (the 429s it prevents)', async () => {
    const brief = createTestBrief({ env: budgetEnv(fake) });
    const answers = await Promise.all(Array.from({ length: HARD_LIMIT_RPM + 2 }, () => summarize(brief)));
    expect(fake.stats.overHardLimit).toBe(2);
    expect(answers.filter((answer) => answer.body.type === '/problems/upstream-unavailable')).toHaveLength(2);
  });
});

const redisUp = await redisAvailable();

describe.skipIf(!redisUp)('the upstream budget shared through Redis', () => {
  const redis = redisUp ? new Redis(TEST_REDIS_URL) : undefined;
  const briefs: Array<ReturnType<typeof createTestBrief>> = [];

  afterEach(async () => {
    await Promise.all(briefs.splice(0).map((brief) => brief.close()));
    await redis?.del(`brief:budget:${MODEL}`);
  });

  afterAll(async () => {
    await redis?.quit();
  });

  it('lets two Brief instances together send no more than the fake’s hard limit: no 429, the rest get 503', async () => {
    await redis?.del(`brief:budget:${MODEL}`);
    const env = budgetEnv(fake, { REDIS_URL: TEST_REDIS_URL, BRIEF_UPSTREAM_RPM: String(HARD_LIMIT_RPM) });
    for (let index = 0; index < 2; index += 1) {
      const brief = createTestBrief({ env });
      briefs.push(brief);
      expect(await brief.ready()).toBe(true);
    }
    const answers = await Promise.all(
      briefs.flatMap((brief) => Array.from({ length: REQUESTS_PER_INSTANCE }, () => summarize(brief))),
    );

    expect(fake.stats.overHardLimit).toBe(0);
    expect(fake.calls).toHaveLength(HARD_LIMIT_RPM);
    expect(fake.calls.every((call) => call.status === 200)).toBe(true);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(HARD_LIMIT_RPM);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused).toHaveLength(2 * REQUESTS_PER_INSTANCE - HARD_LIMIT_RPM);
    for (const answer of refused) {
      expect(answer.body.type).toBe('/problems/upstream-budget-exhausted');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Both instances sent calls: the budget is one, not one per instance.
    const answeredBy = briefs.map(
      (brief) => brief.logs().filter((line) => line.msg === 'request' && line.status === 200).length,
    );
    expect(answeredBy.every((count) => count > 0)).toBe(true);
  });
});
