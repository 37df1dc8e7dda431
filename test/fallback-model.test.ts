import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { canonicalizeRequest, cassetteKey } from '../src/llm/cassette.js';
import { createCassetteStore } from '../src/llm/cassette-store.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const MODEL = 'claude-sonnet-4-6';
const FALLBACK_MODEL = 'claude-haiku-4-5';

let fake: FakeMessagesApi;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
});

afterEach(() => {
  fake.reset();
});

afterAll(async () => {
  await fake.close();
});

function fallbackEnv(env: Record<string, string> = {}) {
  return liveEnv(fake, {
    BRIEF_UPSTREAM_MAX_RETRIES: '1',
    BRIEF_FALLBACK_MODEL: FALLBACK_MODEL,
    BRIEF_REQUEST_DEADLINE_MS: '10000',
    ...env,
  });
}

describe('the fallback model', () => {
  it('answers with the fallback model when the model stays overloaded after the SDK’s retries, and says so', async () => {
    fake.script('overloaded', 'overloaded', 'ok');
    const brief = createTestBrief({ env: fallbackEnv() });
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meta: { model: string; fallback: boolean; attempts: number } };
    expect(body.meta).toMatchObject({ model: FALLBACK_MODEL, fallback: true, attempts: 1 });
    expect(fake.calls.map((call) => call.body.model)).toEqual([MODEL, MODEL, FALLBACK_MODEL]);
    // The same prompt, word for word.
    expect(fake.calls[2]?.body.messages).toEqual(fake.calls[0]?.body.messages);
    expect(fake.calls[2]?.body.system).toEqual(fake.calls[0]?.body.system);
    const metrics = await brief.metrics.render();
    expect(metrics).toContain(`brief_model_fallbacks_total{from="${MODEL}",to="${FALLBACK_MODEL}"} 1`);
    expect(brief.logs().some((line) => line.msg === 'model overloaded: asking the fallback model')).toBe(
      true,
    );
  });

  it('falls back after a 5xx too, and asks the fallback only once (with the SDK’s retries)', async () => {
    fake.script('server_error', 'unavailable', 'overloaded', 'overloaded', 'ok');
    const brief = createTestBrief({ env: fallbackEnv() });
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(503);
    expect(fake.calls.map((call) => call.body.model)).toEqual([MODEL, MODEL, FALLBACK_MODEL, FALLBACK_MODEL]);
  });

  it('does not fall back on a rate limit or a bad request: another model would not help', async () => {
    fake.script('rate_limit', 'rate_limit');
    const limited = createTestBrief({ env: fallbackEnv() });
    expect((await postJson(limited.app, { text: SEED })).status).toBe(503);
    fake.reset();
    fake.script('bad_request');
    const rejected = createTestBrief({ env: fallbackEnv() });
    expect((await postJson(rejected.app, { text: SEED })).status).toBe(502);
    expect(fake.calls.map((call) => call.body.model)).toEqual([MODEL]);
  });

  it('is off without BRIEF_FALLBACK_MODEL: overload stays a 503 with meta.fallback never set', async () => {
    fake.script('overloaded', 'overloaded');
    const brief = createTestBrief({ env: liveEnv(fake, { BRIEF_UPSTREAM_MAX_RETRIES: '1' }) });
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(503);
    expect(fake.calls.map((call) => call.body.model)).toEqual([MODEL, MODEL]);
    const ok = await postJson(brief.app, { text: SEED });
    expect(((await ok.json()) as { meta: { fallback: boolean } }).meta.fallback).toBe(false);
  });
});

describe('the fallback model in replay mode', () => {
  it('replays a recorded fallback: an overloaded answer of the model, then the fallback model’s answer', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'brief-fallback-cassettes-'));
    try {
      // Record mode keeps answers, not failures: the fallback model's answer is recorded ...
      fake.script('overloaded', 'ok');
      const recorder = createTestBrief({
        env: fallbackEnv({
          BRIEF_MODE: 'record',
          BRIEF_CASSETTE_DIR: directory,
          BRIEF_UPSTREAM_MAX_RETRIES: '0',
        }),
      });
      const recorded = await postJson(recorder.app, { text: SEED, title: 'Fallback' });
      expect(recorded.status).toBe(200);
      expect(readdirSync(directory)).toHaveLength(1);
      // ... and the model's 529 is authored, in the wire format the fake sent.
      const overloaded = fake.calls[0];
      const request = canonicalizeRequest(
        'POST',
        `${fake.url}/v1/messages`,
        JSON.stringify(overloaded?.body),
      );
      createCassetteStore([directory]).save(
        {
          key: cassetteKey(request),
          provenance: 'authored',
          label: 'the model overloaded, for the fallback test',
          created_at: new Date(0).toISOString(),
          request,
          response: {
            status: 529,
            headers: { 'content-type': 'application/json' },
            body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
          },
        },
        'fallback.overloaded.json',
      );

      const replaying = createTestBrief({
        env: { BRIEF_MODE: 'replay', BRIEF_CASSETTE_DIR: directory, BRIEF_FALLBACK_MODEL: FALLBACK_MODEL },
      });
      const callsBefore = fake.calls.length;
      const response = await postJson(replaying.app, { text: SEED, title: 'Fallback' });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { meta: { model: string; fallback: boolean; mode: string } };
      expect(body.meta).toMatchObject({ model: FALLBACK_MODEL, fallback: true, mode: 'replay' });
      expect(fake.calls).toHaveLength(callsBefore);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
