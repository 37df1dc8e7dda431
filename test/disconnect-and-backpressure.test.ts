import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createServerOptions } from '../src/http/create-server-options.js';
import { createTestBrief } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { listen, type RunningServer } from './support/listen.js';
import { liveEnv } from './support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const SLOW_UPSTREAM_MS = 5_000;

async function waitUntil(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error(`Condition not met within ${timeoutMs} ms.`);
    }
    await sleep(10);
  }
}

/** Starts the real Brief behind a real HTTP server on 127.0.0.1, pointed at `fake`. */
async function startBrief(fake: FakeMessagesApi, env: Record<string, string> = {}) {
  const brief = createTestBrief({ env: liveEnv(fake, env) });
  const server = await listen(brief.app.fetch, createServerOptions(brief.config));
  return { brief, server };
}

function summarize(server: RunningServer, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.url}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: SEED,
    ...(signal ? { signal } : {}),
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

describe('a client that goes away', () => {
  it('cancels the upstream call: the fake sees the abort and Brief logs 499', async () => {
    const fake = await startFakeMessagesApi({ latencyMs: SLOW_UPSTREAM_MS });
    cleanups.push(() => fake.close());
    const { brief, server } = await startBrief(fake);
    cleanups.push(() => server.close());

    const client = new AbortController();
    const started = Date.now();
    const request = summarize(server, client.signal).catch((error: unknown) => error);
    await fake.waitForCalls(1);
    client.abort();
    expect(await request).toBeInstanceOf(Error);

    const aborted = await fake.waitForAbort(1, 2_000);
    expect(aborted.index).toBe(1);
    expect(aborted.status).toBeNull();
    // Well before the fake would have answered: the abort came from the disconnect.
    expect((aborted.finishedAt ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(SLOW_UPSTREAM_MS);

    await waitUntil(() => brief.logs().some((line) => line.msg === 'request'));
    const line = brief.logs().find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ status: 499, route: '/v1/summaries', method: 'POST' });
    expect(line?.error).toBeUndefined();
    // The upstream slot is free again.
    expect(brief.limiter.running).toBe(0);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('backpressure', () => {
  it('answers 503 queue-full with Retry-After at once when every slot and queue place is taken', async () => {
    const fake = await startFakeMessagesApi({ latencyMs: SLOW_UPSTREAM_MS });
    cleanups.push(() => fake.close());
    const { brief, server } = await startBrief(fake, {
      BRIEF_MAX_CONCURRENT_UPSTREAM: '1',
      BRIEF_MAX_QUEUED: '1',
    });
    cleanups.push(() => server.close());
    const clients = new AbortController();
    cleanups.push(() => clients.abort());

    const running = summarize(server, clients.signal).catch(() => undefined);
    await fake.waitForCalls(1);
    const queued = summarize(server, clients.signal).catch(() => undefined);
    await waitUntil(() => brief.limiter.queued === 1);

    const started = performance.now();
    const refused = await summarize(server);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const body = (await refused.json()) as { type: string; detail: string };
    expect(body.type).toBe('/problems/queue-full');
    expect(body.detail).toMatch(/1 summaries in progress, 1 waiting/);
    // The refused request never reached upstream, nor did the queued one yet.
    expect(fake.calls).toHaveLength(1);
    expect(fake.stats.maxInFlight).toBe(1);

    clients.abort();
    await Promise.all([running, queued]);
    await fake.waitForAbort(1, 2_000);
    await waitUntil(() => brief.limiter.running === 0 && brief.limiter.queued === 0);
  });

  it('counts the time spent queued against the deadline: a request that never gets a slot answers 504', async () => {
    const fake = await startFakeMessagesApi();
    cleanups.push(() => fake.close());
    const { brief, server } = await startBrief(fake, {
      BRIEF_MAX_CONCURRENT_UPSTREAM: '1',
      BRIEF_MAX_QUEUED: '5',
      BRIEF_REQUEST_DEADLINE_MS: '300',
    });
    cleanups.push(() => server.close());
    // Something else holds the only upstream slot for longer than the deadline.
    let release = () => {};
    const holder = brief.limiter.run(() => new Promise<void>((resolve) => (release = resolve)), undefined);
    cleanups.push(async () => {
      release();
      await holder;
    });
    expect(brief.limiter.running).toBe(1);

    const started = performance.now();
    const response = await summarize(server);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_300);
    const body = (await response.json()) as { type: string; detail: string };
    expect(body.type).toBe('/problems/deadline-exceeded');
    expect(body.detail).toMatch(/deadline of 300 ms/);
    // It left the queue and never reached upstream.
    expect(brief.limiter.queued).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });
});
