import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createServerOptions } from '../src/http/create-server-options.js';
import type { PartialJson } from '../src/llm/stream-model-answer.js';
import { createSummariesRouter } from '../src/routes/summaries/summaries.index.js';
import { summaryStreamEventSchema } from '../src/routes/summaries/summary-stream-events.js';
import { summaryResponseSchema } from '../src/summarize/summary-api-schemas.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { listen } from './support/listen.js';
import { liveEnv } from './support/live-env.js';
import { readServerSentEvents } from './support/read-server-sent-events.js';
import { extendsPartial } from './support/stream-helpers.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const STREAM = { accept: 'text/event-stream' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

function names(events: Array<{ event: string }>): string[] {
  return events.map((event) => event.event).filter((name, index, all) => name !== all[index - 1]);
}

async function startFake(options: Parameters<typeof startFakeMessagesApi>[0] = {}): Promise<FakeMessagesApi> {
  const fake = await startFakeMessagesApi(options);
  cleanups.push(() => fake.close());
  return fake;
}

describe('POST /v1/summaries with Accept: text/event-stream (replay)', () => {
  it('streams started, growing partials and a result equal to the JSON answer', async () => {
    const streamed = createTestBrief({ env: { BRIEF_CACHE_ENABLED: 'false' } });
    const response = await postJson(streamed.app, { text: SEED, article_id: 'a-1' }, STREAM);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-encoding')).toBeNull();
    const events = await readServerSentEvents(response);
    for (const event of events) {
      summaryStreamEventSchema.parse({ event: event.event, data: event.data });
    }
    expect(names(events)).toEqual(['started', 'partial', 'result']);
    const requestId = response.headers.get('x-request-id');
    expect(events[0]?.data).toEqual({
      request_id: requestId,
      prompt: expect.objectContaining({ name: 'summarize', version: 'v1' }),
      model: 'claude-sonnet-4-6',
      mode: 'replay',
    });

    const partials = events.filter((event) => event.event === 'partial');
    expect(partials.length).toBeGreaterThanOrEqual(4);
    for (const [index, partial] of partials.entries()) {
      expect(partial.data.attempt).toBe(1);
      if (index > 0) {
        const before = partials[index - 1]?.data.summaries as PartialJson;
        expect(extendsPartial(before, partial.data.summaries as PartialJson)).toBe(true);
      }
    }
    // The headline is the first thing an editor sees.
    expect(partials[0]?.data.summaries).toEqual({ en: { headline: expect.stringMatching(/^Putin/) } });

    const json = createTestBrief({ env: { BRIEF_CACHE_ENABLED: 'false' } });
    const jsonResponse = await postJson(json.app, { text: SEED, article_id: 'a-1' });
    const expected = summaryResponseSchema.parse(await jsonResponse.json());
    const result = events.at(-1)?.data;
    expect(result).toEqual({
      ...expected,
      meta: { ...expected.meta, request_id: requestId },
    });
    // The last partial holds everything the result says, as written.
    expect(partials.at(-1)?.data.summaries).toMatchObject({
      en: { headline: expected.summaries.en.headline, summary: expected.summaries.en.summary },
    });
  });

  it('sends started and result at once for a cached answer', async () => {
    const { app } = createTestBrief();
    await (await postJson(app, { text: SEED })).json();
    const events = await readServerSentEvents(await postJson(app, { text: SEED }, STREAM));
    expect(names(events)).toEqual(['started', 'result']);
    expect(events[1]?.data).toMatchObject({ meta: { cached: true, attempts: 0, cost_usd: 0 } });
    expect(events[0]?.data).toMatchObject({ model: 'claude-sonnet-4-6', mode: 'replay' });
  });

  it('refuses before streaming with an ordinary problem response', async () => {
    const { app } = createTestBrief();
    const unknownVersion = await postJson(app, { text: SEED, prompt_version: 'v99' }, STREAM);
    expect(unknownVersion.status).toBe(422);
    expect(unknownVersion.headers.get('content-type')).toBe('application/problem+json');
    expect(await unknownVersion.json()).toMatchObject({
      type: expect.stringContaining('unknown-prompt-version'),
    });

    const tooShort = await postJson(app, { text: 'Kurz.' }, STREAM);
    expect(tooShort.status).toBe(422);
    expect(tooShort.headers.get('content-type')).toBe('application/problem+json');

    // No recording for this article: replay misses before the model answers.
    const unrecorded = await postJson(app, { text: `${SEED}\nEin Satz, der nie aufgenommen wurde.` }, STREAM);
    expect(unrecorded.status).toBe(503);
    expect(unrecorded.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('POST /v1/summaries streaming against the fake Messages API (live)', () => {
  it('announces a repair and restarts the partials with the next attempt', async () => {
    const fake = await startFake({ script: ['invalid_output', 'ok'] });
    const { app } = createTestBrief({ env: liveEnv(fake) });
    const events = await readServerSentEvents(await postJson(app, { text: SEED }, STREAM));
    expect(names(events)).toEqual(['started', 'partial', 'repair', 'partial', 'result']);
    const repair = events.find((event) => event.event === 'repair');
    expect(repair?.data).toMatchObject({
      attempt: 2,
      reason: 'invalid-output',
      output_errors: expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
    });
    const after = events
      .slice(events.indexOf(repair as never) + 1)
      .filter((event) => event.event === 'partial');
    expect(after.every((event) => event.data.attempt === 2)).toBe(true);
    expect(events.at(-1)?.data).toMatchObject({ meta: { attempts: 2 } });
  });

  it('ends with an error event carrying the status the JSON request would get when upstream fails mid-stream', async () => {
    const fake = await startFake({ script: ['overloaded_mid_stream'], streamFaultAfterEvents: 20 });
    const { app } = createTestBrief({ env: liveEnv(fake) });
    const response = await postJson(app, { text: SEED }, STREAM);
    expect(response.status).toBe(200);
    const events = await readServerSentEvents(response);
    expect(names(events)).toEqual(['started', 'partial', 'error']);
    expect(events.at(-1)?.data).toMatchObject({
      status: 503,
      type: expect.stringContaining('upstream-unavailable'),
      request_id: response.headers.get('x-request-id'),
    });
    expect(fake.calls).toHaveLength(1);
  });

  it('sends the failed checks as a 502 error event in strict mode', async () => {
    const fake = await startFake({ script: ['wrong_language', 'wrong_language'] });
    const { app } = createTestBrief({ env: liveEnv(fake) });
    const events = await readServerSentEvents(await postJson(app, { text: SEED, strict: true }, STREAM));
    expect(names(events)).toEqual(['started', 'partial', 'repair', 'partial', 'error']);
    expect(events.find((event) => event.event === 'repair')?.data).toMatchObject({
      attempt: 2,
      reason: 'checks-failed',
      failures: expect.arrayContaining([expect.anything()]),
    });
    expect(events.at(-1)?.data).toMatchObject({
      status: 502,
      type: expect.stringContaining('checks-failed'),
    });
  });

  it('ends a slow stream at the request deadline with a 504 error event', async () => {
    const fake = await startFake({ tokensPerSecond: 40 });
    const { app } = createTestBrief({ env: liveEnv(fake, { BRIEF_REQUEST_DEADLINE_MS: '1500' }) });
    const started = performance.now();
    const events = await readServerSentEvents(await postJson(app, { text: SEED }, STREAM));
    expect(names(events)).toEqual(['started', 'partial', 'error']);
    expect(events.at(-1)?.data).toMatchObject({ status: 504 });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect((await fake.waitForAbort(1)).aborted).toBe(true);
  });

  it('shares one model call between identical streams in flight: the second gets started and result', async () => {
    const fake = await startFake({ firstTokenDelayMs: 300, tokensPerSecond: 400 });
    const { app } = createTestBrief({ env: liveEnv(fake, { BRIEF_CACHE_ENABLED: 'true' }) });
    const first = Promise.resolve(postJson(app, { text: SEED }, STREAM)).then((response) =>
      readServerSentEvents(response),
    );
    await fake.waitForCalls(1);
    const second = await readServerSentEvents(await postJson(app, { text: SEED }, STREAM));
    expect(names(await first)).toEqual(['started', 'partial', 'result']);
    expect(names(second)).toEqual(['started', 'result']);
    expect(second[1]?.data).toMatchObject({ meta: { cached: true } });
    expect(fake.calls).toHaveLength(1);
  });

  it('aborts the upstream call when the client leaves mid-stream', async () => {
    const fake = await startFake({ tokensPerSecond: 20 });
    const brief = createTestBrief({ env: liveEnv(fake) });
    const server = await listen(brief.app.fetch, createServerOptions(brief.config));
    cleanups.push(() => server.close());
    const client = new AbortController();
    const response = await fetch(`${server.url}/v1/summaries`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', ...STREAM },
      body: SEED,
      signal: client.signal,
    });
    const seen: string[] = [];
    const reading = readServerSentEvents(response, (event) => {
      seen.push(event.event);
      if (event.event === 'partial') {
        client.abort();
      }
    }).catch((error: unknown) => error);
    expect(await reading).toBeInstanceOf(Error);
    expect(seen).toEqual(['started', 'partial']);
    const aborted = await fake.waitForAbort(1, 3_000);
    expect(aborted.streamedEvents).toBeGreaterThan(0);
    expect(aborted.streamedEvents).toBeLessThan(100);
    await expect.poll(() => brief.limiter.running).toBe(0);
    await expect.poll(() => brief.lifecycle.inFlight).toBe(0);
  });

  it('counts an open stream as in flight, so a graceful shutdown waits for its result', async () => {
    const fake = await startFake({ tokensPerSecond: 400 });
    const brief = createTestBrief({ env: liveEnv(fake) });
    const response = await postJson(brief.app, { text: SEED }, STREAM);
    expect(brief.lifecycle.inFlight).toBe(1);
    brief.lifecycle.startDraining();
    let idle = false;
    const drained = brief.lifecycle.idle().then(() => {
      idle = true;
    });
    // A new request is turned away while the open stream goes on.
    expect((await postJson(brief.app, { text: SEED }, STREAM)).status).toBe(503);
    expect(idle).toBe(false);
    const events = await readServerSentEvents(response);
    expect(names(events)).toEqual(['started', 'partial', 'result']);
    await drained;
    expect(idle).toBe(true);
  });

  it('keeps a quiet stream open with heartbeat comments', async () => {
    const fake = await startFake({ firstTokenDelayMs: 400, tokensPerSecond: 10 });
    const brief = createTestBrief({ env: liveEnv(fake) });
    const router = createSummariesRouter({
      config: brief.config,
      summarizer: brief.summarizer,
      costEstimator: brief.costEstimator,
      cpuTasks: brief.cpuTasks,
      heartbeatIntervalMs: 100,
    });
    const client = new AbortController();
    const response = await postJson(
      { request: (path, init) => router.request(path, { ...init, signal: client.signal }) },
      { text: SEED },
      STREAM,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    client.abort();
    await reader.cancel();
    expect(text).toMatch(/^event: started\n/);
    expect(text).toContain('\n\n: heartbeat\n\n');
  });
});
