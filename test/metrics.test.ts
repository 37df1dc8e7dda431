import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createMetrics } from '../src/metrics/create-metrics.js';
import { readSamples } from '../src/samples/read-samples.js';
import type { SummaryResponse } from '../src/summarize/summary-api-schemas.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { findFreePort, spawnBrief } from './support/spawn-brief.js';

const samples = readSamples(path.join(PROJECT_ROOT, 'samples'));
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const MODEL = 'claude-sonnet-4-6';
const METRICS_KEY = 'metrics-test-key-0123456789abcdef0123';
const OTHER_KEY = 'metrics-other-key-0123456789abcdef0123';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, line by line: `name{label="value",...} number`. */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match?.[1] || !match[3]) {
        throw new Error(`not a sample line: ${line}`);
      }
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function scrape(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  headers: Record<string, string> = {},
) {
  const response = await app.request('/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = parseMetrics(await response.text());
  return {
    samples,
    /** The value of the one series with exactly these labels (among others it may have); 0 if none. */
    value(name: string, labels: Record<string, string> = {}): number {
      const found = samples.filter(
        (sample) =>
          sample.name === name &&
          Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      );
      expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
      return found[0]?.value ?? 0;
    },
  };
}

function sumUsage(bodies: SummaryResponse[], field: keyof SummaryResponse['meta']['usage']) {
  return bodies.reduce((total, body) => total + body.meta.usage[field], 0);
}

describe('GET /metrics after replayed traffic', () => {
  const { app } = createTestBrief({ env: { BRIEF_CACHE_ENABLED: 'false' } });
  const bodies: SummaryResponse[] = [];

  beforeAll(async () => {
    for (const slug of ['seed-article', 'short-notice']) {
      const sample = samples.find((candidate) => candidate.slug === slug);
      const response = await app.request('/v1/summaries', {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: sample?.raw,
      });
      expect(response.status).toBe(200);
      bodies.push((await response.json()) as SummaryResponse);
    }
    expect((await postJson(app, { text: 'Zu kurz.' })).status).toBe(422);
    expect((await app.request('/v1/prompts?page=2')).status).toBe(200);
    expect((await app.request('/no/such/page/12345')).status).toBe(404);
  });

  it('counts requests by method, route template and status, a 422 under its route', async () => {
    const metrics = await scrape(app);
    const requests = 'brief_http_requests_total';
    expect(metrics.value(requests, { method: 'POST', route: '/v1/summaries', status: '200' })).toBe(2);
    expect(metrics.value(requests, { method: 'POST', route: '/v1/summaries', status: '422' })).toBe(1);
    expect(metrics.value(requests, { method: 'GET', route: '/v1/prompts', status: '200' })).toBe(1);
    expect(metrics.value(requests, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    const routes = new Set(
      metrics.samples.filter((sample) => sample.name === requests).map((s) => s.labels.route),
    );
    expect([...routes].sort()).toEqual(['/v1/prompts', '/v1/summaries', 'unmatched']);
    expect(
      metrics.value('brief_http_request_duration_seconds_count', { method: 'POST', route: '/v1/summaries' }),
    ).toBe(3);
  });

  it('counts the tokens the responses reported, by model and kind, and their cost', async () => {
    const metrics = await scrape(app);
    expect(bodies.map((body) => body.meta.model)).toEqual([MODEL, MODEL]);
    const tokens = (kind: string) => metrics.value('brief_tokens_total', { model: MODEL, kind });
    expect(tokens('input')).toBe(sumUsage(bodies, 'input_tokens'));
    expect(tokens('output')).toBe(sumUsage(bodies, 'output_tokens'));
    expect(tokens('cache_write')).toBe(sumUsage(bodies, 'cache_creation_input_tokens'));
    expect(tokens('cache_read')).toBe(sumUsage(bodies, 'cache_read_input_tokens'));
    expect(tokens('input')).toBeGreaterThan(1_000);

    const cost = bodies.reduce((total, body) => total + (body.meta.cost_usd ?? Number.NaN), 0);
    expect(cost).toBeGreaterThan(0.01);
    expect(metrics.value('brief_cost_usd_total', { model: MODEL })).toBeCloseTo(cost, 6);
  });

  it('times each model call, reads the queue, and shows no repairs for valid answers', async () => {
    const metrics = await scrape(app);
    expect(
      metrics.value('brief_upstream_request_duration_seconds_count', { model: MODEL, outcome: 'answered' }),
    ).toBe(2);
    expect(metrics.value('brief_upstream_in_progress')).toBe(0);
    expect(metrics.value('brief_upstream_queue_depth')).toBe(0);
    expect(metrics.value('brief_repair_attempts_total')).toBe(0);
    expect(metrics.value('brief_validation_failures_total', { kind: 'schema' })).toBe(0);
    expect(metrics.value('brief_cache_lookups_total', { result: 'hit' })).toBe(0);
    expect(metrics.samples.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  it('is a registry of its own: another app has counted nothing', async () => {
    const other = createTestBrief();
    const metrics = await scrape(other.app);
    expect(metrics.value('brief_tokens_total', { model: MODEL, kind: 'input' })).toBe(0);
    expect(metrics.value('brief_http_requests_total', { route: '/v1/summaries' })).toBe(0);
  });
});

describe('GET /metrics counts what the middleware answers under the route it guards', () => {
  it('counts a 401 under /v1/summaries, and itself needs any valid API key when the instance has keys', async () => {
    const { app } = createTestBrief({ env: { BRIEF_API_KEYS: `${METRICS_KEY},${OTHER_KEY}` } });
    expect((await postJson(app, { text: SEED })).status).toBe(401);

    const refused = await app.request('/metrics');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="brief"');
    expect(await refused.json()).toMatchObject({ type: '/problems/unauthorized', status: 401 });
    const wrong = await app.request('/metrics', { headers: { authorization: 'Bearer not-a-key' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

    const metrics = await scrape(app, { authorization: `Bearer ${OTHER_KEY}` });
    expect(
      metrics.value('brief_http_requests_total', { method: 'POST', route: '/v1/summaries', status: '401' }),
    ).toBe(1);
    expect(
      metrics.value('brief_http_requests_total', { method: 'GET', route: '/metrics', status: '401' }),
    ).toBe(2);
  });
});

describe('GET /metrics on a port of its own', () => {
  it('is served without a key on BRIEF_METRICS_PORT and no longer on the main port', async () => {
    const metricsPort = await findFreePort();
    const brief = await spawnBrief({
      BRIEF_API_KEYS: METRICS_KEY,
      BRIEF_METRICS_PORT: String(metricsPort),
      BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    });
    try {
      const onMain = await fetch(`${brief.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_KEY}` },
      });
      expect(onMain.status).toBe(404);
      expect(await onMain.json()).toMatchObject({ type: '/problems/not-found' });

      const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await own.text()).toMatch(
        /^brief_http_requests_total\{method="GET",route="unmatched",status="404",key_id="none"\} 1$/m,
      );
      const elsewhere = await fetch(`http://127.0.0.1:${metricsPort}/v1/prompts`);
      expect(elsewhere.status).toBe(404);
    } finally {
      brief.kill();
    }
  });
});

describe('GET /metrics counts repairs, validation failures and failed model calls', () => {
  let fake: FakeMessagesApi;
  let brief: ReturnType<typeof createTestBrief>;

  beforeAll(async () => {
    fake = await startFakeMessagesApi();
    brief = createTestBrief({
      env: liveEnv(fake, { BRIEF_UPSTREAM_MAX_RETRIES: '0' }),
    });
  });
  afterAll(() => fake.close());

  it('counts one repair and one schema failure for an invalid first answer, and both calls’ tokens', async () => {
    fake.script('invalid_output', 'ok');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SummaryResponse;
    expect(body.meta.attempts).toBe(2);
    const metrics = await scrape(brief.app);
    expect(metrics.value('brief_repair_attempts_total')).toBe(1);
    expect(metrics.value('brief_validation_failures_total', { kind: 'schema' })).toBe(1);
    expect(metrics.value('brief_validation_failures_total', { kind: 'json' })).toBe(0);
    expect(
      metrics.value('brief_upstream_request_duration_seconds_count', {
        model: body.meta.model,
        outcome: 'answered',
      }),
    ).toBe(2);
    expect(metrics.value('brief_tokens_total', { model: body.meta.model, kind: 'input' })).toBe(
      body.meta.usage.input_tokens,
    );
    expect(metrics.value('brief_tokens_total', { model: body.meta.model, kind: 'output' })).toBe(
      body.meta.usage.output_tokens,
    );
    expect(metrics.value('brief_cost_usd_total', { model: body.meta.model })).toBeCloseTo(
      body.meta.cost_usd ?? Number.NaN,
      5,
    );
  });

  it('times a failed model call under outcome "failed", with no tokens', async () => {
    fake.script('server_error');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const metrics = await scrape(brief.app);
    expect(metrics.value('brief_upstream_request_duration_seconds_count', { outcome: 'failed' })).toBe(1);
    expect(
      metrics.value('brief_http_requests_total', { method: 'POST', route: '/v1/summaries', status: '502' }),
    ).toBe(1);
  });
});

describe('createMetrics', () => {
  it('reads the upstream limiter at scrape time for the queue gauges', async () => {
    const limiter = { running: 3, queued: 7 };
    const metrics = createMetrics({ limiter, collectDefaultMetrics: false });
    const first = parseMetrics(await metrics.render());
    expect(first.find((sample) => sample.name === 'brief_upstream_in_progress')?.value).toBe(3);
    expect(first.find((sample) => sample.name === 'brief_upstream_queue_depth')?.value).toBe(7);
    limiter.queued = 0;
    const second = parseMetrics(await metrics.render());
    expect(second.find((sample) => sample.name === 'brief_upstream_queue_depth')?.value).toBe(0);
  });

  it('counts cache hits, misses and store errors for the caching summarizer to report', async () => {
    const metrics = createMetrics({ collectDefaultMetrics: false });
    metrics.recordCacheHit();
    metrics.recordCacheHit();
    metrics.recordCacheMiss();
    metrics.recordCacheError();
    const samples = parseMetrics(await metrics.render());
    const lookups = (result: string) =>
      samples.find((sample) => sample.name === 'brief_cache_lookups_total' && sample.labels.result === result)
        ?.value;
    expect(lookups('hit')).toBe(2);
    expect(lookups('miss')).toBe(1);
    expect(samples.find((sample) => sample.name === 'brief_cache_errors_total')?.value).toBe(1);
    expect(samples.some((sample) => sample.name.startsWith('process_'))).toBe(false);
  });
});
