import { readFileSync } from 'node:fs';
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  OverloadedError,
  RateLimitError,
  ServiceUnavailableError,
} from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countSentences } from '../src/summarize/count-sentences.js';
import {
  createModelOutputSchema,
  DEFAULT_LIMITS,
  type SummaryLimits,
} from '../src/summarize/summary-schema.js';
import {
  createFaultPolicy,
  type FakeMessagesApi,
  type FaultKind,
  findArticle,
  REFUSAL_TEXT,
  startFakeMessagesApi,
} from './support/fake-messages-api/index.js';

const SEED_ARTICLE = readFileSync(new URL('../samples/seed-article.de.txt', import.meta.url), 'utf8').trim();
const SHORT_ARTICLE =
  'Der Wiener Gemeinderat hat am Dienstag ein neues Budget von 18 Milliarden Euro beschlossen. ' +
  'Bürgermeister Michael Ludwig sprach von einem soliden Haushalt. Die Opposition kritisierte die hohen Schulden.';
const MODEL = 'claude-sonnet-4-6';

function summarizeParams(
  article: string,
  options: { limits?: SummaryLimits; evidence?: boolean } = {},
): MessageCreateParamsNonStreaming {
  const schema = createModelOutputSchema(options.limits ?? DEFAULT_LIMITS, {
    evidence: options.evidence ?? false,
  });
  const { type, schema: jsonSchema } = zodOutputFormat(schema);
  return {
    model: MODEL,
    max_tokens: 2048,
    system: 'You are a senior news editor.',
    messages: [
      {
        role: 'user',
        content: `Summarize the article below.\n\n<article-0a1b2c3d>\n${article}\n</article-0a1b2c3d>`,
      },
    ],
    output_config: { format: { type, schema: jsonSchema } },
  };
}

function textOf(message: Message): string {
  const block = message.content.find((content) => content.type === 'text');
  if (block?.type !== 'text') {
    throw new Error('The message has no text block.');
  }
  return block.text;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

let fake: FakeMessagesApi;
let client: Anthropic;

beforeAll(async () => {
  fake = await startFakeMessagesApi({ retryAfterSeconds: 0.01 });
  client = new Anthropic({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 });
});

afterEach(() => {
  fake.reset();
});

afterAll(async () => {
  await fake.close();
});

describe('a normal call', () => {
  it('answers messages.create with a Message in the wire format of the API', async () => {
    const message = await client.messages.create(summarizeParams(SEED_ARTICLE));

    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: MODEL,
      stop_reason: 'end_turn',
      stop_sequence: null,
      stop_details: null,
      container: null,
      usage: { cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' },
    });
    expect(message.id).toMatch(/^msg_fake_/);
    expect(message._request_id).toMatch(/^req_fake_/);
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'text', citations: null });
    expect(message.usage.input_tokens).toBeGreaterThan(SEED_ARTICLE.length / 4);
    expect(message.usage.output_tokens).toBe(Math.ceil(textOf(message).length / 4));
  });

  it('returns output that passes the model output schema, with German taken from the article', async () => {
    const message = await client.messages.create(summarizeParams(SEED_ARTICLE));
    const output = createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).parse(
      JSON.parse(textOf(message)),
    );

    expect(SEED_ARTICLE.replace(/\s+/g, ' ')).toContain(output.de.summary.split('. ')[0]);
    expect(SEED_ARTICLE.replace(/\s+/g, ' ').startsWith(output.de.headline)).toBe(true);
    expect(output.de.key_points).toHaveLength(DEFAULT_LIMITS.keyPointsTarget);
    for (const point of output.de.key_points) {
      expect(typeof point === 'string' && SEED_ARTICLE.replace(/\s+/g, ' ').includes(point)).toBe(true);
    }
  });

  it('writes English that carries only names and numbers found in the article', async () => {
    const message = await client.messages.create(summarizeParams(SHORT_ARTICLE));
    const output = createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).parse(
      JSON.parse(textOf(message)),
    );
    const english = [output.en.headline, output.en.summary, ...output.en.key_points].join(' ');

    expect(english).toContain('Michael Ludwig');
    expect(english).toMatch(/\bThe (article|report)\b/);
    for (const number of english.match(/\d+/g) ?? []) {
      expect(SHORT_ARTICLE).toContain(number);
    }
    expect(english).not.toMatch(/["“”„]/);
  });

  it('derives evidence that is verbatim text of one article sentence when the schema asks for it', async () => {
    const message = await client.messages.create(summarizeParams(SEED_ARTICLE, { evidence: true }));
    const output = createModelOutputSchema(DEFAULT_LIMITS, { evidence: true }).parse(
      JSON.parse(textOf(message)),
    );

    for (const point of [...output.en.key_points, ...output.de.key_points]) {
      expect(typeof point).toBe('object');
      if (typeof point === 'string') {
        continue;
      }
      expect(SEED_ARTICLE).toContain(point.evidence);
      expect(countSentences(point.evidence)).toBe(1);
      const words = point.evidence.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(5);
      expect(words).toBeLessThanOrEqual(25);
    }
  });

  it('follows the tighter limits the request schema carries', async () => {
    const limits: SummaryLimits = {
      headlineMaxChars: 50,
      summaryMaxChars: 200,
      summaryMinSentences: 1,
      summaryMaxSentences: 2,
      keyPointsMin: 2,
      keyPointsMax: 3,
      keyPointsTarget: 3,
    };
    const message = await client.messages.create(summarizeParams(SEED_ARTICLE, { limits }));
    const output = createModelOutputSchema(limits, { evidence: false }).parse(JSON.parse(textOf(message)));

    expect(output.de.headline.length).toBeLessThanOrEqual(50);
    expect(output.de.summary.length).toBeLessThanOrEqual(200);
    expect(output.en.key_points).toHaveLength(3);
    expect(output.de.key_points).toHaveLength(3);
  });

  it('is parsed by messages.parse with the SDK Zod output format', async () => {
    const schema = createModelOutputSchema(DEFAULT_LIMITS, { evidence: false });
    const message = await client.messages.parse({
      ...summarizeParams(SHORT_ARTICLE),
      output_config: { format: zodOutputFormat(schema) },
    });

    expect(message.parsed_output?.de.headline).toBe(
      'Der Wiener Gemeinderat hat am Dienstag ein neues Budget von 18 Milliarden Euro beschlossen',
    );
  });

  it('puts a thinking block before the text block when thinking is on', async () => {
    const thinkingFake = await startFakeMessagesApi({ thinking: true });
    try {
      const thinkingClient = new Anthropic({ apiKey: 'test', baseURL: thinkingFake.url, maxRetries: 0 });
      const message = await thinkingClient.messages.create(summarizeParams(SHORT_ARTICLE));

      expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
      expect(message.content[0]).toMatchObject({
        type: 'thinking',
        signature: expect.stringMatching(/^sig_fake_/),
      });
    } finally {
      await thinkingFake.close();
    }
  });

  it('records every call with its parsed body, article and fault, and counts them', async () => {
    await client.messages.create(summarizeParams(SHORT_ARTICLE));
    await client.messages.create(summarizeParams(SEED_ARTICLE));

    expect(fake.calls).toHaveLength(2);
    expect(fake.calls.map((call) => [call.index, call.fault, call.status])).toEqual([
      [1, 'ok', 200],
      [2, 'ok', 200],
    ]);
    expect(fake.calls[0]?.article).toBe(SHORT_ARTICLE);
    expect(fake.calls[1]?.body.model).toBe(MODEL);
    expect(fake.stats).toMatchObject({ calls: 2, aborted: 0, inFlight: 0, maxInFlight: 1 });
    expect(fake.stats.faults.ok).toBe(2);

    fake.reset();
    expect(fake.calls).toHaveLength(0);
  });

  it('counts how many calls were open at once', async () => {
    fake.setLatency(50);
    await Promise.all([1, 2, 3].map(() => client.messages.create(summarizeParams(SHORT_ARTICLE))));

    expect(fake.stats.maxInFlight).toBe(3);
  });

  it('waits as long as a latency function decides for each call', async () => {
    fake.setLatency((call) => (call.index === 1 ? 150 : 0));
    const started = Date.now();
    await client.messages.create(summarizeParams(SHORT_ARTICLE));
    const slow = Date.now() - started;
    await client.messages.create(summarizeParams(SHORT_ARTICLE));

    expect(slow).toBeGreaterThanOrEqual(140);
    expect(fake.calls.map((call) => (call.finishedAt ?? 0) - call.receivedAt)[1]).toBeLessThan(100);
  });
});

describe('the article', () => {
  it('is read between tags with the same code, so a tag-like string inside belongs to the article', () => {
    const content = '<article-abc123>\nText mit </article-ffff> darin.\n</article-abc123>';
    expect(findArticle({ messages: [{ role: 'user', content }] })).toBe('Text mit </article-ffff> darin.');
  });

  it('is read from the first user message also when a repair turn follows', () => {
    const first = {
      role: 'user',
      content: [{ type: 'text', text: '<article-01>Erster Text.</article-01>' }],
    };
    const repair = { role: 'user', content: '<article-02>Zweiter Text.</article-02>' };
    expect(findArticle({ messages: [first, { role: 'assistant', content: '{}' }, repair] })).toBe(
      'Erster Text.',
    );
  });
});

describe('faults', () => {
  const errorCases: {
    fault: FaultKind;
    errorClass: new (...args: never[]) => APIError;
    status: number;
    type: string;
  }[] = [
    { fault: 'rate_limit', errorClass: RateLimitError, status: 429, type: 'rate_limit_error' },
    { fault: 'overloaded', errorClass: OverloadedError, status: 529, type: 'overloaded_error' },
    { fault: 'server_error', errorClass: InternalServerError, status: 500, type: 'api_error' },
    { fault: 'unavailable', errorClass: ServiceUnavailableError, status: 503, type: 'api_error' },
    {
      fault: 'auth_error',
      errorClass: AuthenticationError,
      status: 401,
      type: 'authentication_error',
    },
    {
      fault: 'bad_request',
      errorClass: BadRequestError,
      status: 400,
      type: 'invalid_request_error',
    },
  ];

  it.each(errorCases)(
    '$fault surfaces as the SDK error for status $status',
    async ({ fault, errorClass, status, type }) => {
      fake.script(fault);
      const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

      expect(error).toBeInstanceOf(errorClass);
      const apiError = error as APIError;
      expect(apiError.status).toBe(status);
      expect(apiError.type).toBe(type);
      expect(apiError.requestID).toMatch(/^req_fake_/);
      expect(apiError.error).toMatchObject({ type: 'error', error: { type } });
      expect(fake.calls[0]?.status).toBe(status);
    },
  );

  it('sends retry-after with a rate limit', async () => {
    fake.script('rate_limit');
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('0.01');
  });

  it('makes an overload an InternalServerError as well, so a 5xx catch-all sees it', async () => {
    fake.script('overloaded');
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).apiMessage).toBe('Overloaded (fake).');
  });

  it('reset drops the connection before answering, which the SDK reports as an APIConnectionError', async () => {
    fake.script('reset');
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(fake.aborted).toHaveLength(0);
  });

  it('reset_mid_body cuts the body after the headers, which the SDK lets through as a TypeError', async () => {
    fake.script('reset_mid_body');
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(fake.calls[0]?.status).toBe(200);
    expect(fake.aborted).toHaveLength(0);
  });

  it('malformed_json answers 200 with a body that is not JSON, which the SDK throws as a SyntaxError', async () => {
    fake.script('malformed_json');
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE)));

    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('hang never answers, and the client aborting is recorded', async () => {
    fake.script('hang');
    const controller = new AbortController();
    const pending = rejectionOf(
      client.messages.create(summarizeParams(SHORT_ARTICLE), { signal: controller.signal }),
    );
    await fake.waitForCalls(1);
    controller.abort();

    expect(await pending).toBeInstanceOf(APIUserAbortError);
    const aborted = await fake.waitForAbort();
    expect(aborted).toMatchObject({ index: 1, fault: 'hang', aborted: true, status: null });
    expect(fake.stats).toMatchObject({ aborted: 1, inFlight: 0 });
  });

  it('notices a client that times out during the latency and does not answer it', async () => {
    fake.setLatency(10_000);
    const started = Date.now();
    const error = await rejectionOf(client.messages.create(summarizeParams(SHORT_ARTICLE), { timeout: 100 }));

    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    const aborted = await fake.waitForAbort();
    expect(aborted.fault).toBe('ok');
    expect(aborted.status).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('max_tokens answers with truncated JSON and the whole token budget spent', async () => {
    fake.script('max_tokens');
    const message = await client.messages.create(summarizeParams(SHORT_ARTICLE));

    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(2048);
    expect(textOf(message).startsWith('{"en":{')).toBe(true);
    expect(() => JSON.parse(textOf(message))).toThrow(SyntaxError);
  });

  it('refusal answers with stop_reason refusal and refusal stop details', async () => {
    fake.script('refusal');
    const message = await client.messages.create(summarizeParams(SHORT_ARTICLE));

    expect(message.stop_reason).toBe('refusal');
    expect(message.stop_details).toMatchObject({ type: 'refusal', category: null });
    expect(textOf(message)).toBe(REFUSAL_TEXT);
  });

  it('invalid_output answers JSON that breaks the schema with 9 key points and a 300-character headline', async () => {
    fake.script('invalid_output');
    const message = await client.messages.create(summarizeParams(SHORT_ARTICLE));
    const value = JSON.parse(textOf(message));
    const result = createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).safeParse(value);

    expect(message.stop_reason).toBe('end_turn');
    expect(value.de.headline).toHaveLength(300);
    expect(value.en.key_points).toHaveLength(9);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['en.headline', 'en.key_points', 'de.headline', 'de.key_points']),
    );
  });

  it('wrong_language answers a valid shape whose German fields are English', async () => {
    fake.script('wrong_language');
    const message = await client.messages.create(summarizeParams(SHORT_ARTICLE));
    const output = createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).parse(
      JSON.parse(textOf(message)),
    );

    expect(output.de.summary).toMatch(/^The article reports on/);
    expect(output.de.key_points.join(' ')).not.toContain('Gemeinderat hat');
  });

  it('serves a script in call order, then answers normally', async () => {
    fake.script('rate_limit', 'overloaded');
    const outcomes = [];
    for (let call = 0; call < 3; call += 1) {
      outcomes.push(
        await client.messages.create(summarizeParams(SHORT_ARTICLE)).then(
          (message) => message.stop_reason,
          (error: unknown) => (error as Error).constructor.name,
        ),
      );
    }

    expect(outcomes).toEqual(['RateLimitError', 'OverloadedError', 'end_turn']);
    expect(fake.calls.map((call) => call.fault)).toEqual(['rate_limit', 'overloaded', 'ok']);
  });

  it('lets a retrying SDK get through a scripted run of rate limits', async () => {
    const retryingClient = new Anthropic({ apiKey: 'test', baseURL: fake.url, maxRetries: 2 });
    fake.script('rate_limit', 'rate_limit');
    const message = await retryingClient.messages.create(summarizeParams(SHORT_ARTICLE));

    expect(message.stop_reason).toBe('end_turn');
    expect(fake.calls.map((call) => call.status)).toEqual([429, 429, 200]);
  });

  it('draws faults at the configured rate from a seeded PRNG, the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const policy = createFaultPolicy({ faultRate: 0.5, faultKinds: ['overloaded', 'reset'], seed });
      return Array.from({ length: 200 }, () => policy.next());
    };
    const sequence = draw(7);
    const faulty = sequence.filter((fault) => fault !== 'ok').length;

    expect(draw(7)).toEqual(sequence);
    expect(draw(8)).not.toEqual(sequence);
    expect(faulty).toBeGreaterThan(70);
    expect(faulty).toBeLessThan(130);
    expect(new Set(sequence)).toEqual(new Set(['ok', 'overloaded', 'reset']));
  });

  it('serves rate faults over HTTP and lets a script take precedence', async () => {
    const flaky = await startFakeMessagesApi({ faultRate: 1, faultKinds: ['unavailable'] });
    try {
      const flakyClient = new Anthropic({ apiKey: 'test', baseURL: flaky.url, maxRetries: 0 });
      flaky.script('ok');
      const first = await flakyClient.messages.create(summarizeParams(SHORT_ARTICLE));
      const second = await rejectionOf(flakyClient.messages.create(summarizeParams(SHORT_ARTICLE)));

      expect(first.stop_reason).toBe('end_turn');
      expect(second).toBeInstanceOf(ServiceUnavailableError);
      expect(flaky.stats.faults).toMatchObject({ ok: 1, unavailable: 1 });
    } finally {
      await flaky.close();
    }
  });
});

describe('the server', () => {
  it('answers an unknown route with 404 and an Anthropic error body', async () => {
    const response = await fetch(`${fake.url}/v1/complete`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(response.headers.get('request-id')).toMatch(/^req_fake_/);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: 'Not found: POST /v1/complete' },
    });
  });

  it('rejects a body that is not a Messages request with 400 invalid_request_error', async () => {
    const error = await rejectionOf(client.post('/v1/messages', { body: { messages: [] } }));

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).apiMessage).toBe('model: Field required');
    expect((error as BadRequestError).requestID).toMatch(/^req_fake_/);
    expect(fake.calls).toHaveLength(0);
  });

  it('closes promptly while a request hangs, and the client sees the connection go', async () => {
    const hanging = await startFakeMessagesApi({ script: ['hang'] });
    const hangingClient = new Anthropic({ apiKey: 'test', baseURL: hanging.url, maxRetries: 0 });
    const pending = rejectionOf(hangingClient.messages.create(summarizeParams(SHORT_ARTICLE)));
    await hanging.waitForCalls(1);

    const started = Date.now();
    await hanging.close();

    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBeInstanceOf(APIConnectionError);
    expect(hanging.aborted).toHaveLength(0);
  });
});

describe('message batches', () => {
  async function collect(stream: AsyncIterable<MessageBatchIndividualResponse>) {
    const items: MessageBatchIndividualResponse[] = [];
    for await (const item of stream) {
      items.push(item);
    }
    return items;
  }

  it('goes from create through retrieve to results, ending on the second retrieve', async () => {
    const created = await client.messages.batches.create({
      requests: [
        { custom_id: 'seed', params: summarizeParams(SEED_ARTICLE, { evidence: true }) },
        { custom_id: 'short', params: summarizeParams(SHORT_ARTICLE) },
      ],
    });
    expect(created).toMatchObject({
      type: 'message_batch',
      processing_status: 'in_progress',
      results_url: null,
      request_counts: { processing: 2, succeeded: 0 },
    });
    expect(created.id).toMatch(/^msgbatch_fake_/);

    const first = await client.messages.batches.retrieve(created.id);
    const second = await client.messages.batches.retrieve(created.id);
    expect(first.processing_status).toBe('in_progress');
    expect(second).toMatchObject({
      processing_status: 'ended',
      request_counts: { processing: 0, succeeded: 2, errored: 0 },
      results_url: `${fake.url}/v1/messages/batches/${created.id}/results`,
    });
    expect(second.ended_at).not.toBeNull();

    const items = await collect(await client.messages.batches.results(created.id));
    expect(items.map((item) => item.custom_id)).toEqual(['seed', 'short']);
    const [seed, short] = items.map((item) => item.result);
    expect(seed?.type).toBe('succeeded');
    expect(short?.type).toBe('succeeded');
    if (seed?.type !== 'succeeded' || short?.type !== 'succeeded') {
      return;
    }
    expect(seed.message.usage.service_tier).toBe('batch');
    const seedOutput = createModelOutputSchema(DEFAULT_LIMITS, { evidence: true }).parse(
      JSON.parse(textOf(seed.message)),
    );
    expect(seedOutput.de.key_points.length).toBe(DEFAULT_LIMITS.keyPointsTarget);
    expect(
      createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).safeParse(
        JSON.parse(textOf(short.message)),
      ).success,
    ).toBe(true);
  });

  it('gives items their configured faults by custom_id', async () => {
    fake.batchItemFaults.set('broken', 'errored');
    fake.batchItemFaults.set('late', 'expired');
    fake.batchItemFaults.set('stopped', 'canceled');
    fake.batchItemFaults.set('invalid', 'invalid_output');
    const created = await client.messages.batches.create({
      requests: ['fine', 'broken', 'late', 'stopped', 'invalid'].map((customId) => ({
        custom_id: customId,
        params: summarizeParams(SHORT_ARTICLE),
      })),
    });
    await client.messages.batches.retrieve(created.id);
    const ended = await client.messages.batches.retrieve(created.id);
    const items = await collect(await client.messages.batches.results(created.id));
    const byId = Object.fromEntries(items.map((item) => [item.custom_id, item.result]));

    expect(ended.request_counts).toEqual({
      processing: 0,
      succeeded: 2,
      errored: 1,
      expired: 1,
      canceled: 1,
    });
    expect(byId.fine?.type).toBe('succeeded');
    expect(byId.broken).toMatchObject({
      type: 'errored',
      error: { type: 'error', error: { type: 'invalid_request_error' } },
    });
    expect(byId.late).toEqual({ type: 'expired' });
    expect(byId.stopped).toEqual({ type: 'canceled' });
    const invalid = byId.invalid;
    expect(invalid?.type).toBe('succeeded');
    if (invalid?.type === 'succeeded') {
      const value = JSON.parse(textOf(invalid.message));
      expect(createModelOutputSchema(DEFAULT_LIMITS, { evidence: false }).safeParse(value).success).toBe(
        false,
      );
    }
  });

  it('ends a batch after the configured time instead of a number of retrieves', async () => {
    const timed = await startFakeMessagesApi({ batchEndsAfterMs: 100 });
    try {
      const timedClient = new Anthropic({ apiKey: 'test', baseURL: timed.url, maxRetries: 0 });
      const created = await timedClient.messages.batches.create({
        requests: [{ custom_id: 'one', params: summarizeParams(SHORT_ARTICLE) }],
      });
      const early = await timedClient.messages.batches.retrieve(created.id);
      const tooEarly = await timedClient.messages.batches.retrieve(created.id);
      await new Promise((resolve) => setTimeout(resolve, 120));
      const late = await timedClient.messages.batches.retrieve(created.id);

      expect([early, tooEarly, late].map((batch) => batch.processing_status)).toEqual([
        'in_progress',
        'in_progress',
        'ended',
      ]);
    } finally {
      await timed.close();
    }
  });

  it('refuses results before the batch ended and answers 404 for an unknown batch', async () => {
    const created = await client.messages.batches.create({
      requests: [{ custom_id: 'one', params: summarizeParams(SHORT_ARTICLE) }],
    });
    const early = await fetch(`${fake.url}/v1/messages/batches/${created.id}/results`);
    const unknown = await rejectionOf(client.messages.batches.retrieve('msgbatch_fake_nope'));

    expect(early.status).toBe(400);
    expect(unknown).toBeInstanceOf(NotFoundError);
  });

  it('cancels a batch, whose items then end as canceled', async () => {
    const created = await client.messages.batches.create({
      requests: [{ custom_id: 'one', params: summarizeParams(SHORT_ARTICLE) }],
    });
    const canceling = await client.messages.batches.cancel(created.id);
    const ended = await client.messages.batches.retrieve(created.id);

    expect(canceling.processing_status).toBe('canceling');
    expect(ended.request_counts).toMatchObject({ canceled: 1, succeeded: 0 });
  });
});

describe('hard limits', () => {
  it('refuses a call over the requests-per-minute limit with 429, retry-after and the anthropic-ratelimit-* headers', async () => {
    const limited = await startFakeMessagesApi({ hardLimits: { requestsPerMinute: 2 } });
    const limitedClient = new Anthropic({ apiKey: 'test', baseURL: limited.url, maxRetries: 0 });
    try {
      const first = await limitedClient.messages.create(summarizeParams(SHORT_ARTICLE)).withResponse();
      expect(first.response.headers.get('anthropic-ratelimit-requests-limit')).toBe('2');
      expect(first.response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('1');
      await limitedClient.messages.create(summarizeParams(SHORT_ARTICLE));
      const error = await rejectionOf(limitedClient.messages.create(summarizeParams(SHORT_ARTICLE)));
      expect(error).toBeInstanceOf(RateLimitError);
      const headers = (error as RateLimitError).headers;
      // One request refills in 30 s at two a minute.
      expect(headers?.get('retry-after')).toBe('30');
      expect(headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
      expect(limited.stats.overHardLimit).toBe(1);
      expect(limited.calls.map((call) => call.status)).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('reserves max_tokens of output per call and gives back what the answer did not use', async () => {
    const limited = await startFakeMessagesApi({ hardLimits: { outputTokensPerMinute: 3_000 } });
    const limitedClient = new Anthropic({ apiKey: 'test', baseURL: limited.url, maxRetries: 0 });
    try {
      const first = await limitedClient.messages.create(summarizeParams(SHORT_ARTICLE));
      expect(first.usage.output_tokens).toBeLessThan(952);
      // 3,000 less the first answer's real output leaves room for another 2,048-token reservation.
      await limitedClient.messages.create(summarizeParams(SHORT_ARTICLE));
      expect(limited.stats.overHardLimit).toBe(0);
      // While one answer is being written it holds its whole max_tokens: a second call does not fit.
      limited.setLatency(300);
      const results = await Promise.allSettled([
        limitedClient.messages.create(summarizeParams(SHORT_ARTICLE)),
        limitedClient.messages.create(summarizeParams(SHORT_ARTICLE)),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(limited.stats.overHardLimit).toBe(1);
    } finally {
      await limited.close();
    }
  });
});
