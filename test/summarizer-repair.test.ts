import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

// Retries off: each fault reaches the summarizer as it is.
const withoutRetries = (fake: FakeMessagesApi) => liveEnv(fake, { BRIEF_UPSTREAM_MAX_RETRIES: '0' });

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.status).toBe(response.status);
  return body;
}

function lastUserMessage(body: { messages?: unknown }): string {
  const messages = body.messages as Array<{ role: string; content: unknown }>;
  const last = messages.at(-1);
  expect(last?.role).toBe('user');
  return typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content);
}

describe('the summarizer validates the model output and asks once for a repair', () => {
  let fake: FakeMessagesApi;
  let brief: ReturnType<typeof createTestBrief>;

  beforeAll(async () => {
    fake = await startFakeMessagesApi();
    brief = createTestBrief({ env: withoutRetries(fake) });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('repairs an invalid first answer with a second call that quotes the validation problems', async () => {
    fake.script('invalid_output', 'ok');
    const response = await postJson(brief.app, { text: SEED, article_id: 'repair-1' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      article_id: string;
      summaries: { en: { headline: string; key_points: string[] }; de: { key_points: string[] } };
      meta: { attempts: number; usage: { output_tokens: number } };
    };
    expect(body.article_id).toBe('repair-1');
    expect(body.meta.attempts).toBe(2);
    expect(body.summaries.en.key_points.length).toBeLessThanOrEqual(6);
    expect(body.summaries.en.headline.length).toBeLessThanOrEqual(120);
    expect(fake.calls).toHaveLength(2);

    const [first, second] = fake.calls;
    expect(first?.body.messages).toHaveLength(1);
    // The re-ask carries the first answer and then the problems found in it.
    const messages = second?.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]?.content).toContain('"key_points"');
    const repair = lastUserMessage(second?.body ?? {});
    expect(repair).toMatch(/does not meet the required format/);
    expect(repair).toMatch(/- en\.headline: .*120/);
    expect(repair).toMatch(/key_points: .*6/);
    // Usage covers both calls.
    expect(body.meta.usage.output_tokens).toBeGreaterThan(0);
  });

  it('gives up with 502 invalid-model-output after the repair is still invalid', async () => {
    fake.script('invalid_output', 'invalid_output');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const body = await problem(response);
    expect(body.type).toBe('/problems/invalid-model-output');
    expect(body.attempts).toBe(2);
    const errors = body.output_errors as Array<{ path: string; message: string }>;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['en.headline', 'en.key_points']),
    );
    expect(fake.calls).toHaveLength(2);
  });

  it('answers 502 model-output-truncated for stop_reason max_tokens without a repair call', async () => {
    fake.script('max_tokens');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const body = await problem(response);
    expect(body.type).toBe('/problems/model-output-truncated');
    expect(body.detail).toMatch(/cut off \(max_tokens\)/);
    expect(body.attempts).toBe(1);
    expect(fake.calls).toHaveLength(1);
  });

  it('answers 502 model-refused for stop_reason refusal without a repair call', async () => {
    fake.script('refusal');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const body = await problem(response);
    expect(body.type).toBe('/problems/model-refused');
    expect(body.stop_reason).toBe('refusal');
    expect(fake.calls).toHaveLength(1);
  });

  it('answers 502 and never 500 when the upstream body is not JSON', async () => {
    fake.script('malformed_json', 'malformed_json', 'malformed_json');
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const body = await problem(response);
    expect(body.type).toBe('/problems/upstream-error');
    expect(JSON.stringify(body)).not.toContain('<html>');
  });
});

describe('a leading thinking block', () => {
  let fake: FakeMessagesApi;

  beforeAll(async () => {
    fake = await startFakeMessagesApi({ thinking: true });
  });
  afterAll(() => fake.close());

  it('is passed over: the summary is read from the text block after it', async () => {
    const { app } = createTestBrief({ env: withoutRetries(fake) });
    const response = await postJson(app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      summaries: { de: { headline: string; summary: string } };
      meta: { attempts: number };
    };
    expect(body.meta.attempts).toBe(1);
    expect(body.summaries.de.headline.length).toBeGreaterThan(0);
    expect(body.summaries.de.summary).not.toMatch(/summarize it in English and German/);
    expect(fake.calls).toHaveLength(1);
  });
});
