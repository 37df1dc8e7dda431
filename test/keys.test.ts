import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBatchIdSigner } from '../src/batches/sign-batch-id.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createCostEstimator } from '../src/llm/create-cost-estimator.js';
import { describeKey } from '../src/routes/playground/browser/describe-key.js';
import { limitsFromOptions } from '../src/summarize/limits-from-options.js';
import { readArticle } from '../src/summarize/prepare-article.js';
import type { SummaryResponse } from '../src/summarize/summary-api-schemas.js';
import { estimateMaxCostUsd } from '../src/usage/estimate-max-cost-usd.js';
import type { UsageReport as LedgerReport } from '../src/usage/read-usage-report.js';

type UsageReport = LedgerReport & {
  budget: { monthly_budget_usd: number; spent_usd: number; remaining_usd: number; resets_at: string } | null;
};

import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { redisAvailable, TEST_REDIS_URL } from './support/redis-available.js';

const read = (...parts: string[]) => readFileSync(path.join(PROJECT_ROOT, ...parts), 'utf8');
const SEED = read('samples', 'seed-article.de.txt');
const LONG = read('samples', 'long-figures.de.txt');
const SIGNING_SECRET = 'signing-secret-one-of-at-least-32-chars';
const NEXT_SIGNING_SECRET = 'signing-secret-two-of-at-least-32-chars';

const SECRETS = {
  cms: 'brief_cms-plugin-secret-0123456789abcdefghij',
  archive: 'brief_archive-secret-0123456789abcdefghijklm',
  desk: 'brief_newsletter-desk-secret-0123456789abcd',
  admin: 'brief_admin-secret-0123456789abcdefghijklmno',
} as const;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const bearer = (name: keyof typeof SECRETS) => ({ authorization: `Bearer ${SECRETS[name]}` });

function writeKeysFile(budgets: { cms?: number } = {}): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'brief-keys-'));
  const file = path.join(folder, 'keys.yaml');
  writeFileSync(
    file,
    `keys:
  - id: cms-plugin
    sha256: ${sha256(SECRETS.cms)}
    scopes: [summaries, checks, usage]
${budgets.cms === undefined ? '' : `    monthly_budget_usd: ${budgets.cms}\n`}  - id: archive
    sha256: ${sha256(SECRETS.archive)}
    scopes: [batches, summaries, usage]
  - id: newsletter
    sha256: ${sha256(SECRETS.desk)}
    scopes: [summaries, usage]
    rate_limit_per_minute: 3
  - id: ops
    sha256: ${sha256(SECRETS.admin)}
    scopes: [usage, metrics, admin]
`,
  );
  return file;
}

let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi({ batchEndsOnRetrieve: 1 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const keyed = (env: Record<string, string> = {}) =>
  createTestBrief({
    env: liveEnv(fake, { BRIEF_KEYS_FILE: writeKeysFile(), BRIEF_SIGNING_SECRET: SIGNING_SECRET, ...env }),
  });

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown> & { type: string; detail: string };
}

function postBatch(app: ReturnType<typeof keyed>['app'], headers: Record<string, string>) {
  return app.request('/v1/batches', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ articles: [{ article_id: 'a1', text: SEED }] }),
  });
}

describe('scopes', () => {
  it('answers 403 with a problem for a route outside the key’s scopes, before any model call', async () => {
    const { app, logs } = keyed();
    const batch = await postBatch(app, bearer('cms'));
    expect(batch.status).toBe(403);
    expect(await problemOf(batch)).toMatchObject({
      type: '/problems/forbidden',
      required_scope: 'batches',
      detail: expect.stringContaining('"cms-plugin" does not have the "batches" scope'),
    });
    const check = await app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('archive') },
      body: JSON.stringify({ source: SEED, summaries: {} }),
    });
    expect(check.status).toBe(403);
    const summary = await postJson(app, { text: SEED }, bearer('admin'));
    expect(summary.status).toBe(403);
    expect(fake.calls).toHaveLength(0);

    expect((await postJson(app, { text: SEED }, bearer('cms'))).status).toBe(200);
    const lines = logs().filter((line) => line.msg === 'request');
    expect(lines.map((line) => [line.key_id, line.status])).toEqual([
      ['cms-plugin', 403],
      ['archive', 403],
      ['ops', 403],
      ['cms-plugin', 200],
    ]);
    expect(JSON.stringify(logs())).not.toContain(SECRETS.cms);
  });

  it('keeps each key to its own rate limit', async () => {
    const { app } = keyed();
    const statuses = async (name: keyof typeof SECRETS) => {
      const codes: number[] = [];
      for (let request = 0; request < 4; request += 1) {
        codes.push((await app.request('/v1/prompts', { headers: bearer(name) })).status);
      }
      return codes;
    };
    expect(await statuses('desk')).toEqual([200, 200, 200, 429]);
    expect(await statuses('cms')).toEqual([200, 200, 200, 200]);
  });
});

describe('metrics per key', () => {
  it('labels requests, tokens and cost with the key id, and serves /metrics only to a key with the metrics scope', async () => {
    const { app } = keyed();
    const body = (await (await postJson(app, { text: SEED }, bearer('cms'))).json()) as SummaryResponse;
    expect((await app.request('/metrics', { headers: bearer('cms') })).status).toBe(403);
    const scraped = await (await app.request('/metrics', { headers: bearer('admin') })).text();
    expect(scraped).toContain(
      'brief_http_requests_total{method="POST",route="/v1/summaries",status="200",key_id="cms-plugin"} 1',
    );
    expect(scraped).toContain(
      'brief_http_requests_total{method="GET",route="/metrics",status="403",key_id="cms-plugin"} 1',
    );
    expect(scraped).toContain(
      `brief_tokens_total{key_id="cms-plugin",model="${body.meta.model}",kind="input"} ${body.meta.usage.input_tokens}`,
    );
    expect(scraped).toMatch(
      new RegExp(`^brief_cost_usd_total\\{key_id="cms-plugin",model="${body.meta.model}"\\} `, 'm'),
    );
    expect(scraped).not.toContain(SECRETS.cms);
  });
});

describe('batch ids belong to their key', () => {
  async function submitted(env: Record<string, string> = {}) {
    const brief = keyed(env);
    const response = await postBatch(brief.app, bearer('archive'));
    expect(response.status).toBe(202);
    return { brief, batchId: ((await response.json()) as { batch_id: string }).batch_id };
  }

  it('reads back for the key that made it, and 404 exactly as unknown for an altered or a forged id', async () => {
    const { brief, batchId } = await submitted();
    const readAs = (id: string, name: keyof typeof SECRETS) =>
      brief.app.request(`/v1/batches/${encodeURIComponent(id)}`, { headers: bearer(name) });

    const own = await readAs(batchId, 'archive');
    expect(own.status).toBe(200);
    expect(((await own.json()) as { results: { items: unknown[] } }).results.items).toHaveLength(1);

    const [unsigned = '', signature = ''] = batchId.split('.');
    const payload = JSON.parse(Buffer.from(unsigned.slice('batch_'.length), 'base64url').toString('utf8'));
    const widened = `batch_${Buffer.from(JSON.stringify({ ...payload, n: 1000 })).toString('base64url')}`;
    const reference = {
      upstreamId: payload.u,
      promptVersion: payload.p,
      articleCount: 1,
      options: undefined,
    };
    const ids = {
      'an altered item count': `${widened}.${signature}`,
      'a forged signature': createBatchIdSigner({ secret: 'a-secret-brief-does-not-know-at-all' }).sign(
        reference,
        'archive',
      ),
      'no signature': unsigned,
    };
    const unknown = await problemOf(await readAs('batch_unknown.x', 'archive'));
    for (const [name, id] of Object.entries(ids)) {
      const response = await readAs(id, 'archive');
      expect(response.status, name).toBe(404);
      expect((await problemOf(response)).type, name).toBe(unknown.type);
    }
  });

  it('answers 404 to a key with the batches scope that did not make the batch', async () => {
    const brief = keyed();
    const file = readFileSync(brief.config.auth.keysFile ?? '', 'utf8').replace(
      'scopes: [summaries, checks, usage]',
      'scopes: [summaries, checks, usage, batches]',
    );
    const keysFile = path.join(mkdtempSync(path.join(tmpdir(), 'brief-keys-')), 'keys.yaml');
    writeFileSync(keysFile, file);
    const { app } = keyed({ BRIEF_KEYS_FILE: keysFile });
    const created = (await (await postBatch(app, bearer('archive'))).json()) as { batch_id: string };
    const other = await app.request(`/v1/batches/${created.batch_id}`, { headers: bearer('cms') });
    expect(other.status).toBe(404);
    expect((await problemOf(other)).detail).toContain('No batch with the id');
    expect(
      (await app.request(`/v1/batches/${created.batch_id}`, { headers: bearer('archive') })).status,
    ).toBe(200);
  });

  it('accepts ids signed with a previous secret while it is listed, and 404 once it is retired', async () => {
    const { batchId } = await submitted();
    const rotating = keyed({
      BRIEF_SIGNING_SECRET: NEXT_SIGNING_SECRET,
      BRIEF_SIGNING_SECRETS_PREVIOUS: SIGNING_SECRET,
    });
    const retired = keyed({ BRIEF_SIGNING_SECRET: NEXT_SIGNING_SECRET });
    expect(
      (await rotating.app.request(`/v1/batches/${batchId}`, { headers: bearer('archive') })).status,
    ).toBe(200);
    expect((await retired.app.request(`/v1/batches/${batchId}`, { headers: bearer('archive') })).status).toBe(
      404,
    );
  });
});

async function usageOf(app: ReturnType<typeof keyed>['app'], name: keyof typeof SECRETS, query = '') {
  const response = await app.request(`/v1/usage${query}`, { headers: bearer(name) });
  expect(response.status).toBe(200);
  return (await response.json()) as UsageReport;
}

describe('GET /v1/usage', () => {
  it('sums exactly what the responses reported, per key, and an admin key reads any key or all', async () => {
    const { app } = keyed({ BRIEF_CACHE_ENABLED: 'true' });
    fake.script('invalid_output', 'ok');
    const bodies: SummaryResponse[] = [];
    for (const [name, text] of [
      ['cms', SEED],
      ['cms', LONG],
      ['cms', SEED],
      ['desk', LONG],
    ] as const) {
      const response = await postJson(app, { text }, bearer(name));
      expect(response.status).toBe(200);
      bodies.push((await response.json()) as SummaryResponse);
    }
    const cms = bodies.slice(0, 3);
    expect(cms.map((body) => [body.meta.attempts, body.meta.cached])).toEqual([
      [2, false],
      [1, false],
      [0, true],
    ]);
    const sum = (field: keyof SummaryResponse['meta']['usage'], of = cms) =>
      of.reduce((total, body) => total + body.meta.usage[field], 0);
    const cost = (of = cms) => of.reduce((total, body) => total + (body.meta.cost_usd ?? Number.NaN), 0);

    const report = await usageOf(app, 'cms');
    const today = new Date().toISOString().slice(0, 10);
    expect(report).toMatchObject({ key_id: 'cms-plugin', to: today, granularity: 'day' });
    expect(report.totals).toMatchObject({
      requests: 3,
      cached: 1,
      input_tokens: sum('input_tokens'),
      output_tokens: sum('output_tokens'),
      cache_creation_input_tokens: sum('cache_creation_input_tokens'),
      cache_read_input_tokens: sum('cache_read_input_tokens'),
    });
    expect(report.totals.cost_usd).toBeCloseTo(cost(), 6);
    expect(report.periods).toEqual([{ start: today, ...report.totals }]);
    expect(describeKey(report)).toBe('Key cms-plugin · no monthly budget');
    expect((await usageOf(app, 'desk')).totals.input_tokens).toBe(sum('input_tokens', bodies.slice(3)));

    expect((await usageOf(app, 'admin', '?key_id=cms-plugin')).totals).toEqual(report.totals);
    const all = await usageOf(app, 'admin', '?key_id=all&granularity=month');
    expect(all.totals.requests).toBe(4);
    expect(all.totals.cost_usd).toBeCloseTo(cost(bodies), 6);
    expect(all.periods.map((period) => period.start)).toEqual([`${today.slice(0, 7)}-01`]);

    const foreign = await app.request('/v1/usage?key_id=newsletter', { headers: bearer('cms') });
    expect(foreign.status).toBe(403);
    expect((await problemOf(foreign)).required_scope).toBe('admin');
    const backwards = await app.request('/v1/usage?from=2026-02-01&to=2026-01-01', {
      headers: bearer('cms'),
    });
    expect(backwards.status).toBe(422);
  });
});

describe('monthly budgets', () => {
  it('starts at most as many summaries as the budget holds when 50 arrive at once, and never spends past it', async () => {
    const prompt = keyed().prompts.get('summarize', 'v1');
    if (!prompt) throw new Error('no v1 prompt');
    const article = readArticle({ text: SEED });
    const maxCost =
      estimateMaxCostUsd(
        prompt,
        { ...article, limits: limitsFromOptions(undefined) },
        createCostEstimator(),
      ) ?? 0;
    const budget = Number((maxCost * 10.5).toFixed(6));
    const { app } = keyed({
      BRIEF_KEYS_FILE: writeKeysFile({ cms: budget }),
      BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    });
    // Slow answers: every request is admitted or refused before the first one settles.
    fake.setLatency(300);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postJson(app, { text: SEED }, bearer('cms'))),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);
    expect(fake.calls).toHaveLength(10);
    const refused = responses.find((response) => response.status === 429) as Response;
    const problem = await problemOf(refused);
    expect(problem).toMatchObject({
      type: '/problems/budget-exceeded',
      budget_usd: budget,
      spent_usd: 0,
      resets_at: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z$/),
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const usage = await usageOf(app, 'cms');
    expect(usage.totals.requests).toBe(10);
    expect(usage.totals.cost_usd).toBeGreaterThan(0);
    expect(usage.totals.cost_usd).toBeLessThanOrEqual(budget);
    expect(usage.budget).toEqual({
      monthly_budget_usd: budget,
      spent_usd: usage.totals.cost_usd,
      remaining_usd: Number((budget - usage.totals.cost_usd).toFixed(9)),
      resets_at: problem.resets_at,
    });
    // What the playground shows once this key is entered.
    expect(describeKey(usage)).toBe(
      `Key cms-plugin · ${(budget - usage.totals.cost_usd).toFixed(2)} of ${budget.toFixed(2)} USD left this month`,
    );
  });
});

describe('cache scope', () => {
  it('keeps keys apart by default: another key’s identical article is not answered from the cache', async () => {
    const { app } = keyed({ BRIEF_CACHE_ENABLED: 'true' });
    await postJson(app, { text: SEED }, bearer('cms'));
    const other = (await (await postJson(app, { text: SEED }, bearer('desk'))).json()) as SummaryResponse;
    const again = (await (await postJson(app, { text: SEED }, bearer('cms'))).json()) as SummaryResponse;
    expect(other.meta.cached).toBe(false);
    expect(other.meta.cost_usd).toBeGreaterThan(0);
    expect(again.meta.cached).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });

  it('shares cached answers between keys with BRIEF_CACHE_SCOPE=shared', async () => {
    const { app } = keyed({ BRIEF_CACHE_ENABLED: 'true', BRIEF_CACHE_SCOPE: 'shared' });
    await postJson(app, { text: SEED }, bearer('cms'));
    const other = (await (await postJson(app, { text: SEED }, bearer('desk'))).json()) as SummaryResponse;
    expect(other.meta).toMatchObject({ cached: true, attempts: 0, cost_usd: 0 });
    expect(fake.calls).toHaveLength(1);
  });
});

const hasRedis = await redisAvailable();

describe.skipIf(!hasRedis)('keys with Redis', () => {
  beforeEach(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  });

  it('treats a corrupt cache entry as a miss, logs it once, and replaces it', async () => {
    const brief = keyed({ BRIEF_CACHE_ENABLED: 'true', REDIS_URL: TEST_REDIS_URL });
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await brief.ready();
      await postJson(brief.app, { text: SEED }, bearer('cms'));
      const [entry] = await redis.keys('brief:summary:*');
      expect(entry).toBeDefined();
      const stored = JSON.parse((await redis.get(entry ?? '')) ?? '{}');
      await redis.set(entry ?? '', JSON.stringify({ ...stored, output: { en: 'not a summary' } }), 'EX', 60);

      const afterCorruption = (await (
        await postJson(brief.app, { text: SEED }, bearer('cms'))
      ).json()) as SummaryResponse;
      const afterRepair = (await (
        await postJson(brief.app, { text: SEED }, bearer('cms'))
      ).json()) as SummaryResponse;
      expect(afterCorruption.meta.cached).toBe(false);
      expect(afterRepair.meta.cached).toBe(true);
      expect(fake.calls).toHaveLength(2);
      expect(
        brief.logs().filter((line) => line.msg === 'cache entry is not a valid summary: treated as a miss'),
      ).toHaveLength(1);
    } finally {
      redis.disconnect();
      await brief.close();
    }
  });

  it('keeps usage across a restart and shares it between two instances', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL };
    const first = keyed(env);
    const second = keyed(env);
    try {
      await Promise.all([first.ready(), second.ready()]);
      const a = (await (await postJson(first.app, { text: SEED }, bearer('cms'))).json()) as SummaryResponse;
      const b = (await (await postJson(second.app, { text: LONG }, bearer('cms'))).json()) as SummaryResponse;
      const fromSecond = await usageOf(second.app, 'cms');
      expect(fromSecond.totals.requests).toBe(2);
      expect(fromSecond.totals.input_tokens).toBe(a.meta.usage.input_tokens + b.meta.usage.input_tokens);
    } finally {
      await first.close();
      await second.close();
    }
    const restarted = keyed(env);
    try {
      await restarted.ready();
      expect((await usageOf(restarted.app, 'cms')).totals.requests).toBe(2);
    } finally {
      await restarted.close();
    }
  });
});
