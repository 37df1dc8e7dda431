import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mapUpstreamError } from '../../src/llm/map-upstream-error.js';
import {
  type PartialAnswer,
  StreamInterruptedError,
  streamModelAnswer,
} from '../../src/llm/stream-model-answer.js';
import { readModelAnswer } from '../../src/summarize/read-model-answer.js';
import { type FakeMessagesApi, startFakeMessagesApi } from '../support/fake-messages-api/index.js';
import {
  createFakeClient,
  createReplayClient,
  extendsPartial,
  sampleMessageParams,
} from '../support/stream-helpers.js';

/** Every JSON value in `value`, itself included: what `completedFields` counts once the answer is whole. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) {
    return 1 + value.reduce<number>((sum, item) => sum + countValues(item), 0);
  }
  if (value !== null && typeof value === 'object') {
    return 1 + Object.values(value).reduce<number>((sum, item) => sum + countValues(item), 0);
  }
  return 1;
}

describe('a streamed model call replayed from a cassette', () => {
  it('resolves to the same message as the JSON call, parsed by the output format, with the usage of the final message', async () => {
    const client = createReplayClient();
    const params = sampleMessageParams('seed-article', 'v2');
    const streamed = await streamModelAnswer(client, params);
    const json = await client.messages.parse(params);

    expect(streamed.content).toEqual(json.content);
    expect(streamed.usage).toEqual(json.usage);
    expect(streamed.usage.output_tokens).toBeGreaterThan(1);
    expect(streamed.stop_reason).toBe('end_turn');
    const answer = readModelAnswer(streamed, params.output_config.format.parse);
    expect(answer).toMatchObject({ success: true });
    expect(answer).toEqual(json.parsed_output);
  });

  it('reports partial outputs that each extend the one before, parse, and end in the whole answer', async () => {
    const client = createReplayClient();
    const params = sampleMessageParams('seed-article', 'v1');
    const partials: PartialAnswer[] = [];
    // No throttle: a partial for every delta, so every step of the growth is checked.
    const message = await streamModelAnswer(client, params, {
      partialIntervalMs: 0,
      onPartial: (partial) => partials.push(structuredClone(partial)),
    });
    const text = message.content.find((block) => block.type === 'text')?.text ?? '';
    const whole = JSON.parse(text) as unknown;

    expect(partials.length).toBeGreaterThan(100);
    for (const [index, partial] of partials.entries()) {
      expect(text.startsWith(partial.text)).toBe(true);
      expect(JSON.parse(JSON.stringify(partial.output))).toEqual(partial.output);
      const previous = partials[index - 1];
      if (previous) {
        expect(extendsPartial(previous.output, partial.output)).toBe(true);
        expect(partial.text.length).toBeGreaterThan(previous.text.length);
        expect(partial.completedFields).toBeGreaterThanOrEqual(previous.completedFields);
      }
    }
    const last = partials.at(-1);
    expect(last?.output).toEqual(whole);
    expect(last?.completedFields).toBe(countValues(whole));
    // Somewhere mid-way the English headline stood cut inside its text.
    const headline = (whole as { en: { headline: string } }).en.headline;
    const cut = partials.map((partial) => (partial.output as { en?: { headline?: string } }).en?.headline);
    expect(
      cut.some((value) => value !== undefined && value.length > 0 && value.length < headline.length),
    ).toBe(true);
  });

  it('emits within one interval only the partials of completed fields, one for each', async () => {
    const client = createReplayClient();
    const partials: PartialAnswer[] = [];
    // The replay is far faster than any interval: only the very first partial and completions pass.
    await streamModelAnswer(client, sampleMessageParams('short-notice', 'v1'), {
      partialIntervalMs: 60_000,
      onPartial: (partial) => partials.push(partial),
    });
    const [first, ...rest] = partials;
    expect(first?.completedFields).toBe(0);
    let previous = first?.completedFields ?? 0;
    for (const partial of rest) {
      expect(partial.completedFields).toBeGreaterThan(previous);
      previous = partial.completedFields;
    }
    const completions = rest.length;
    // short-notice v1: root, en, de, and per language headline, summary, the key point list and its items.
    expect(completions).toBeGreaterThan(10);
  });

  it('emits at most one partial per interval while no field completes', async () => {
    const client = createReplayClient();
    let clock = 0;
    const partials: PartialAnswer[] = [];
    await streamModelAnswer(client, sampleMessageParams('seed-article', 'v2'), {
      partialIntervalMs: 50,
      // Each reading of the clock moves it on 20 ms: a delta every 20 ms.
      now: () => {
        clock += 20;
        return clock;
      },
      onPartial: (partial) => partials.push(partial),
    });
    const deltas = partials.at(-1)?.text.length ?? 0;
    expect(partials.length).toBeGreaterThan(5);
    // Far fewer partials than deltas: the throttle held most of them back.
    expect(partials.length).toBeLessThan(deltas / 10);
  });
});

describe('a streamed model call against the fake Messages API', () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi({ streamFaultAfterEvents: 40 });
  });
  beforeEach(() => {
    fake.reset();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('streams the fake summary to a valid final message', async () => {
    const params = sampleMessageParams('seed-article', 'v1');
    const partials: PartialAnswer[] = [];
    const message = await streamModelAnswer(createFakeClient(fake.url), params, {
      onPartial: (partial) => partials.push(partial),
    });
    expect(readModelAnswer(message, params.output_config.format.parse)).toMatchObject({ success: true });
    expect(partials.length).toBeGreaterThan(5);
    expect(fake.calls[0]?.body).toMatchObject({ stream: true });
    expect(fake.calls[0]?.streamedEvents).toBeGreaterThan(40);
  });

  it('reads the answer from the text block when a thinking block comes first', async () => {
    const thinkingFake = await startFakeMessagesApi({ thinking: true });
    try {
      const params = sampleMessageParams('seed-article', 'v1');
      const partials: PartialAnswer[] = [];
      const message = await streamModelAnswer(createFakeClient(thinkingFake.url), params, {
        onPartial: (partial) => partials.push(partial),
      });
      expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
      expect(readModelAnswer(message, params.output_config.format.parse)).toMatchObject({ success: true });
      expect(partials[0]?.text.startsWith('{')).toBe(true);
    } finally {
      await thinkingFake.close();
    }
  });

  it('surfaces an overloaded_error event mid-stream as the SDK APIError of that type, after the partials before it', async () => {
    fake.script('overloaded_mid_stream');
    const partials: PartialAnswer[] = [];
    const error = await streamModelAnswer(
      createFakeClient(fake.url),
      sampleMessageParams('seed-article', 'v1'),
      {
        onPartial: (partial) => partials.push(partial),
      },
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).not.toBeInstanceOf(Anthropic.APIConnectionError);
    expect(error).toMatchObject({ type: 'overloaded_error', status: undefined });
    expect(partials.length).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.streamedEvents).toBe(40);
    // Brief maps it as it maps a 529: the client may try again.
    expect(mapUpstreamError(error).error).toMatchObject({ status: 503, code: 'upstream-unavailable' });
  });

  it('surfaces a connection reset after N events as a StreamInterruptedError, an APIConnectionError', async () => {
    fake.script('reset_mid_body');
    const error = await streamModelAnswer(
      createFakeClient(fake.url),
      sampleMessageParams('seed-article', 'v1'),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StreamInterruptedError);
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(fake.calls[0]?.streamedEvents).toBe(40);
    expect(fake.aborted).toHaveLength(0);
  });

  it('aborts the upstream request when the caller aborts mid-stream: the fake sees the client leave', async () => {
    fake.setStreamPacing({ tokensPerSecond: 200 });
    const controller = new AbortController();
    const error = await streamModelAnswer(
      createFakeClient(fake.url),
      sampleMessageParams('seed-article', 'v1'),
      {
        signal: controller.signal,
        onPartial: () => controller.abort(),
      },
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Anthropic.APIUserAbortError);
    const aborted = await fake.waitForAbort();
    expect(aborted.aborted).toBe(true);
    expect(aborted.streamedEvents).toBeGreaterThan(0);
    expect(aborted.streamedEvents).toBeLessThan(40);
  });

  it('waits the configured first-token delay, then paces the answer at the configured tokens per second', async () => {
    fake.setStreamPacing({ firstTokenDelayMs: 300, tokensPerSecond: 1_000 });
    const started = performance.now();
    let firstPartialAfter: number | undefined;
    const message = await streamModelAnswer(
      createFakeClient(fake.url),
      sampleMessageParams('short-notice', 'v1'),
      {
        onPartial: () => {
          firstPartialAfter ??= performance.now() - started;
        },
      },
    );
    const took = performance.now() - started;
    const text = message.content.find((block) => block.type === 'text')?.text ?? '';
    // About four characters a token: half of that estimate is a safe lower bound.
    const streamingMs = (text.length / 4 / 1_000) * 1_000;
    expect(firstPartialAfter).toBeGreaterThanOrEqual(290);
    expect(took).toBeGreaterThanOrEqual(300 + streamingMs / 2);
  });
});

describe('a streamed answer cut off by max_tokens', () => {
  it('still reports its last growth before the final message, which readModelAnswer reports as truncated', async () => {
    const fake = await startFakeMessagesApi({ script: ['max_tokens'] });
    try {
      const params = sampleMessageParams('seed-article', 'v1');
      const partials: PartialAnswer[] = [];
      const message = await streamModelAnswer(createFakeClient(fake.url), params, {
        partialIntervalMs: 60_000,
        onPartial: (partial) => partials.push(partial),
      });
      const text = message.content.find((block) => block.type === 'text')?.text;
      expect(message.stop_reason).toBe('max_tokens');
      expect(partials.at(-1)?.text).toBe(text);
      expect(readModelAnswer(message, params.output_config.format.parse)).toMatchObject({
        code: 'model-output-truncated',
      });
    } finally {
      await fake.close();
    }
  });
});
