import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import {
  type FakeMessagesApi,
  type FaultKind,
  startFakeMessagesApi,
} from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const ERROR_LEVEL = 50;

/**
 * The SDK waits 0.5 s, 1 s, ... between retries unless upstream says otherwise; for the 5xx answers of
 * the fake (which carry no `retry-after`) this says 10 ms, so the matrix runs fast. Connection
 * failures have no headers and keep the SDK's own backoff.
 */
const fastRetryFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status < 500 || response.headers.has('retry-after')) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set('retry-after-ms', '10');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

function faultEnv(fake: FakeMessagesApi, env: Record<string, string> = {}): Record<string, string> {
  return liveEnv(fake, { BRIEF_UPSTREAM_MAX_RETRIES: '2', BRIEF_REQUEST_DEADLINE_MS: '5000', ...env });
}

interface FaultCase {
  name: string;
  script: FaultKind[];
  env?: Record<string, string>;
  status: number;
  /** Problem `type` for errors; absent for 200. */
  type?: string;
  /** `meta.attempts` of a 200, or the `attempts` member of a problem that has one. */
  attempts?: number;
  calls: number;
  retryAfter?: string;
  detail?: RegExp;
}

const ONE_RETRY = { BRIEF_UPSTREAM_MAX_RETRIES: '1' };

const FAULT_CASES: FaultCase[] = [
  { name: 'a plain success', script: ['ok'], status: 200, attempts: 1, calls: 1 },
  {
    name: 'two overloaded answers, then success',
    script: ['overloaded', 'overloaded', 'ok'],
    status: 200,
    attempts: 1,
    calls: 3,
  },
  { name: 'a rate limit, then success', script: ['rate_limit', 'ok'], status: 200, attempts: 1, calls: 2 },
  {
    name: 'rate limits past every retry',
    script: ['rate_limit', 'rate_limit', 'rate_limit'],
    status: 503,
    type: '/problems/upstream-unavailable',
    calls: 3,
    retryAfter: '1',
    detail: /rate limiting Brief/,
  },
  {
    name: 'overloaded past every retry',
    script: ['overloaded', 'overloaded', 'overloaded'],
    status: 503,
    type: '/problems/upstream-unavailable',
    calls: 3,
    // The 10 ms retry-after-ms added above, rounded up to whole seconds.
    retryAfter: '1',
    detail: /overloaded/,
  },
  { name: 'a 500, then success', script: ['server_error', 'ok'], status: 200, attempts: 1, calls: 2 },
  {
    name: '500s past every retry',
    script: ['server_error', 'server_error', 'server_error'],
    status: 502,
    type: '/problems/upstream-error',
    calls: 3,
    detail: /status 500/,
  },
  {
    name: '503s past every retry',
    script: ['unavailable', 'unavailable', 'unavailable'],
    status: 503,
    type: '/problems/upstream-unavailable',
    calls: 3,
    retryAfter: '1',
  },
  {
    name: 'a connection reset, then success',
    script: ['reset', 'ok'],
    status: 200,
    attempts: 1,
    calls: 2,
  },
  {
    name: 'connection resets past every retry',
    script: ['reset', 'reset'],
    env: ONE_RETRY,
    status: 502,
    type: '/problems/upstream-error',
    calls: 2,
    detail: /connection to the model API failed/,
  },
  {
    name: 'a connection dropped mid-body, then success',
    script: ['reset_mid_body', 'ok'],
    status: 200,
    attempts: 1,
    calls: 2,
  },
  {
    name: 'connections dropped mid-body past every retry',
    script: ['reset_mid_body', 'reset_mid_body'],
    env: ONE_RETRY,
    status: 502,
    type: '/problems/upstream-error',
    calls: 2,
    detail: /broke while the answer was read/,
  },
  {
    name: 'a body that is not JSON, then success',
    script: ['malformed_json', 'ok'],
    status: 200,
    attempts: 1,
    calls: 2,
  },
  {
    name: 'bodies that are not JSON past every retry',
    script: ['malformed_json', 'malformed_json'],
    env: ONE_RETRY,
    status: 502,
    type: '/problems/upstream-error',
    calls: 2,
    detail: /not JSON/,
  },
  {
    name: 'an authentication error, not retried',
    script: ['auth_error', 'ok'],
    status: 502,
    type: '/problems/upstream-error',
    calls: 1,
    detail: /configuration problem on our side/,
  },
  {
    name: 'a bad request, not retried',
    script: ['bad_request', 'ok'],
    status: 502,
    type: '/problems/upstream-error',
    calls: 1,
    detail: /configuration problem on our side/,
  },
  {
    name: 'an answer cut off at max_tokens, not repaired',
    script: ['max_tokens', 'ok'],
    status: 502,
    type: '/problems/model-output-truncated',
    attempts: 1,
    calls: 1,
  },
  {
    name: 'a refusal, not repaired',
    script: ['refusal', 'ok'],
    status: 502,
    type: '/problems/model-refused',
    attempts: 1,
    calls: 1,
  },
  {
    name: 'an invalid answer, then a valid repair',
    script: ['invalid_output', 'ok'],
    status: 200,
    attempts: 2,
    calls: 2,
  },
  {
    name: 'an invalid answer and an invalid repair',
    script: ['invalid_output', 'invalid_output'],
    status: 502,
    type: '/problems/invalid-model-output',
    attempts: 2,
    calls: 2,
  },
  {
    name: 'an invalid answer, an overloaded repair call, then a valid repair',
    script: ['invalid_output', 'overloaded', 'ok'],
    status: 200,
    attempts: 2,
    calls: 3,
  },
  {
    name: 'overloaded, a reset, then success',
    script: ['overloaded', 'reset', 'ok'],
    status: 200,
    attempts: 1,
    calls: 3,
  },
  {
    name: 'an answer that never comes, cut by the request deadline',
    script: ['hang'],
    env: { BRIEF_REQUEST_DEADLINE_MS: '300' },
    status: 504,
    type: '/problems/deadline-exceeded',
    calls: 1,
    detail: /deadline of 300 ms/,
  },
  {
    name: 'a rate limit, then an answer that never comes',
    script: ['rate_limit', 'hang'],
    env: { BRIEF_REQUEST_DEADLINE_MS: '400' },
    status: 504,
    type: '/problems/deadline-exceeded',
    calls: 2,
  },
  {
    name: 'answers that never come, cut by the per-call timeout',
    script: ['hang', 'hang'],
    env: { ...ONE_RETRY, BRIEF_UPSTREAM_TIMEOUT_MS: '150' },
    status: 504,
    type: '/problems/deadline-exceeded',
    calls: 2,
    detail: /did not answer in time/,
  },
];

describe('the fault matrix: every upstream fault, alone and in sequence, gets its documented answer', () => {
  let fake: FakeMessagesApi;

  beforeAll(async () => {
    // A rate-limit answer asks for 10 ms, so retrying tests stay fast; Brief passes on whole seconds.
    fake = await startFakeMessagesApi({ retryAfterSeconds: 0.01 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it.each(FAULT_CASES)('$name: $status', async (fault) => {
    const brief = createTestBrief({ env: faultEnv(fake, fault.env), fetch: fastRetryFetch });
    fake.script(...fault.script);
    const started = performance.now();
    const response = await postJson(brief.app, { text: SEED });
    const elapsed = performance.now() - started;

    expect(response.status).toBe(fault.status);
    const body = (await response.json()) as Record<string, unknown>;
    if (fault.status === 200) {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((body.meta as { attempts: number }).attempts).toBe(fault.attempts);
      expect((body.summaries as { de: { headline: string } }).de.headline.length).toBeGreaterThan(0);
    } else {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(body.type).toBe(fault.type);
      expect(body.status).toBe(fault.status);
      expect(body.request_id).toBe(response.headers.get('x-request-id'));
      if (fault.attempts !== undefined) {
        expect(body.attempts).toBe(fault.attempts);
      }
      if (fault.detail) {
        expect(body.detail).toMatch(fault.detail);
      }
      // No stack, no upstream body, no key.
      expect(JSON.stringify(body)).not.toMatch(/node_modules|\.ts:\d+|<html>|"test"/);
    }
    expect(response.headers.get('retry-after')).toBe(fault.retryAfter ?? null);
    expect(fake.calls).toHaveLength(fault.calls);

    const deadline = Number(brief.config.upstream.requestDeadlineMs);
    expect(elapsed).toBeLessThan(deadline + 1_000);
    const requestLine = brief.logs().find((line) => line.msg === 'request');
    expect(requestLine?.status).toBe(fault.status);
  });

  it('aborts the upstream call when the deadline passes, so nobody pays for a late answer', async () => {
    const brief = createTestBrief({ env: faultEnv(fake, { BRIEF_REQUEST_DEADLINE_MS: '250' }) });
    fake.script('hang');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(504);
    const aborted = await fake.waitForAbort(1, 2_000);
    expect(aborted.fault).toBe('hang');
    expect(aborted.status).toBeNull();
  });

  it('logs an authentication failure upstream at error level and tells operators what to check', async () => {
    const brief = createTestBrief({ env: faultEnv(fake) });
    fake.script('auth_error');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const errors = brief.logs().filter((line) => line.level === ERROR_LEVEL);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ upstream_error: 'AuthenticationError', upstream_status: 401 });
    expect(errors[0]?.msg).toMatch(/ANTHROPIC_API_KEY/);
    expect(brief.logLines.join('\n')).not.toContain(SEED.slice(0, 40));
  });

  it('re-asks once when the German summary came back in English, and answers the repaired one', async () => {
    // The schema checks shape and limits, not language: the language check after it catches this.
    const brief = createTestBrief({ env: faultEnv(fake) });
    fake.script('wrong_language');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meta: { attempts: number }; checks: { passed: boolean } };
    expect(body.meta.attempts).toBe(2);
    expect(body.checks.passed).toBe(true);
    expect(fake.calls).toHaveLength(2);
  });
});

describe('a retry-after longer than the time left', () => {
  let fake: FakeMessagesApi;

  beforeAll(async () => {
    fake = await startFakeMessagesApi({ retryAfterSeconds: 30 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('answers 503 with upstream’s Retry-After at once instead of sleeping into a 504', async () => {
    const brief = createTestBrief({ env: faultEnv(fake, { BRIEF_REQUEST_DEADLINE_MS: '3000' }) });
    fake.script('rate_limit', 'ok');
    const started = performance.now();
    const response = await postJson(brief.app, { text: SEED });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    const body = (await response.json()) as { type: string };
    expect(body.type).toBe('/problems/upstream-unavailable');
    expect(fake.calls).toHaveLength(1);
  });

  it('still waits and retries when the retry-after fits in the deadline', async () => {
    const quick = await startFakeMessagesApi({ retryAfterSeconds: 0.05, script: ['rate_limit', 'ok'] });
    try {
      const brief = createTestBrief({ env: faultEnv(quick, { BRIEF_REQUEST_DEADLINE_MS: '3000' }) });
      const response = await postJson(brief.app, { text: SEED });
      expect(response.status).toBe(200);
      expect(quick.calls).toHaveLength(2);
    } finally {
      await quick.close();
    }
  });
});
