import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import type { MessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecordingNotFoundError } from '../src/errors/recording-not-found-error.js';
import { type Cassette, canonicalizeRequest, cassetteKey, cassetteSchema } from '../src/llm/cassette.js';
import { createCassetteStore } from '../src/llm/cassette-store.js';
import { createRecordingFetch } from '../src/llm/create-recording-fetch.js';
import { createReplayFetch } from '../src/llm/create-replay-fetch.js';
import { StreamInterruptedError, streamModelAnswer } from '../src/llm/stream-model-answer.js';
import { readModelAnswer } from '../src/summarize/read-model-answer.js';
import { createTestConfig } from './support/create-test-config.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { createReplayClient, sampleMessageParams } from './support/stream-helpers.js';

const SECRET_KEY = 'sk-ant-stream-record-test-secret-0123456789';
const cassetteDir = createTestConfig({ BRIEF_MODE: 'replay' }).cassetteDir;

function readCassettes(directory: string): Cassette[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => cassetteSchema.parse(JSON.parse(readFileSync(path.join(directory, file), 'utf8'))));
}

/** The events the SDK saw, and how the call ended. */
async function runStream(client: Anthropic, params: ReturnType<typeof sampleMessageParams>) {
  const events: MessageStreamEvent[] = [];
  const stream = client.messages.stream(params);
  stream.on('streamEvent', (event) => events.push(event));
  const outcome = await stream.finalMessage().then(
    (message) => ({ message, error: undefined }),
    (error: unknown) => ({ message: undefined, error }),
  );
  return { events, ...outcome };
}

describe('the streamed cassettes in samples/cassettes', () => {
  const cassettes = readCassettes(cassetteDir);
  const streamed = cassettes.filter((cassette) => cassette.response.stream !== undefined);

  it('cover the seed sample and two others for prompt versions v1 and v2, all marked authored', () => {
    expect(streamed.map((cassette) => cassette.label).sort()).toEqual(
      expect.arrayContaining([
        'seed-article.summarize-v1.stream',
        'seed-article.summarize-v2.stream',
        'short-notice.summarize-v1.stream',
        'short-notice.summarize-v2.stream',
        'long-figures.summarize-v1.stream',
        'long-figures.summarize-v2.stream',
      ]),
    );
    for (const cassette of streamed) {
      expect(cassette.provenance).toBe('authored');
      expect(cassette.response.stream?.ending).toBe('closed');
      expect(cassette.response.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(JSON.stringify(cassette).toLowerCase()).not.toMatch(/x-api-key|authorization|sk-ant-/);
    }
  });

  it('are keyed like their JSON cassette plus the stream flag, and replay to the same message through the real SDK', async () => {
    const client = createReplayClient();
    for (const cassette of streamed) {
      const { stream: _stream, ...body } = cassette.request.body as Record<string, unknown>;
      const jsonKey = cassetteKey(
        canonicalizeRequest('POST', `https://api.invalid${cassette.request.path}`, JSON.stringify(body)),
      );
      const jsonTwin = cassettes.find((candidate) => candidate.key === jsonKey);
      expect(jsonTwin, `${cassette.label} has a JSON twin`).toBeDefined();
      expect((cassette.request.body as { stream?: unknown }).stream).toBe(true);

      const { message, error } = await runStream(client, body as ReturnType<typeof sampleMessageParams>);
      expect(error).toBeUndefined();
      expect(JSON.parse(JSON.stringify(message))).toMatchObject(jsonTwin?.response.body as object);
    }
  });

  it.each(['v1', 'v2'])(
    'answer the summarizer parameters of the seed sample under %s with an output that passes validation',
    async (version) => {
      const params = sampleMessageParams('seed-article', version);
      const message = await streamModelAnswer(createReplayClient(), params);
      expect(readModelAnswer(message, params.output_config.format.parse)).toMatchObject({ success: true });
    },
  );
});

describe('recording a stream from the fake Messages API, then replaying it', () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi({ streamFaultAfterEvents: 25 });
  });
  beforeEach(() => {
    fake.reset();
  });
  afterAll(async () => {
    await fake.close();
  });

  function recorder() {
    const directory = mkdtempSync(path.join(tmpdir(), 'brief-stream-cassettes-'));
    const store = createCassetteStore([directory]);
    const recorded: string[] = [];
    let notify: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => {
      notify = resolve;
    });
    const recordingFetch = createRecordingFetch(store, {
      nameFor: () => 'stream-test',
      onRecorded: (file) => {
        recorded.push(file);
        notify();
      },
    });
    return {
      directory,
      store,
      recorded,
      saved,
      client: new Anthropic({ apiKey: SECRET_KEY, baseURL: fake.url, maxRetries: 0, fetch: recordingFetch }),
      replay: () =>
        new Anthropic({
          apiKey: 'replay',
          baseURL: fake.url,
          maxRetries: 0,
          fetch: createReplayFetch(createCassetteStore([directory])),
        }),
    };
  }

  it('keeps the events in order with no secret, and replays the same events to the same message', async () => {
    const params = sampleMessageParams('seed-article', 'v1');
    const recording = recorder();
    const live = await runStream(recording.client, params);
    await recording.saved;
    expect(live.error).toBeUndefined();

    const raw = readFileSync(path.join(recording.directory, 'stream-test.json'), 'utf8');
    expect(raw).not.toContain(SECRET_KEY);
    const cassette = cassetteSchema.parse(JSON.parse(raw));
    expect(cassette).toMatchObject({ provenance: 'recorded', response: { status: 200, body: null } });
    expect(cassette.request.body).toMatchObject({ stream: true });
    expect(cassette.response.stream?.ending).toBe('closed');
    expect(cassette.response.stream?.events).toHaveLength(fake.calls[0]?.streamedEvents ?? -1);
    expect(cassette.response.stream?.events.at(-1)?.event).toBe('message_stop');

    const replayed = await runStream(recording.replay(), params);
    expect(replayed.error).toBeUndefined();
    expect(replayed.events).toEqual(live.events);
    expect(replayed.message).toEqual(live.message);
    expect(fake.calls).toHaveLength(1);
  });

  it('replays a stream whose connection broke mid-way as the same failure after the same events', async () => {
    fake.script('reset_mid_body');
    const params = sampleMessageParams('seed-article', 'v1');
    const recording = recorder();
    const live = await runStream(recording.client, params);
    await recording.saved;
    const cassette = recording.store.find(readCassettes(recording.directory)[0]?.key ?? '');
    expect(cassette?.response.stream).toMatchObject({ ending: 'broken' });
    expect(cassette?.response.stream?.events).toHaveLength(25);

    const replayed = await runStream(recording.replay(), params);
    expect(replayed.events).toEqual(live.events);
    expect(replayed.events.length).toBeGreaterThan(0);
    await expect(streamModelAnswer(recording.replay(), params)).rejects.toBeInstanceOf(
      StreamInterruptedError,
    );
  });

  it('replays a recorded overloaded_error event as the same SDK error', async () => {
    fake.script('overloaded_mid_stream');
    const params = sampleMessageParams('seed-article', 'v1');
    const recording = recorder();
    const live = await runStream(recording.client, params);
    await recording.saved;
    expect(live.error).toMatchObject({ type: 'overloaded_error' });
    const [cassette] = readCassettes(recording.directory);
    expect(cassette?.response.stream?.events.at(-1)).toMatchObject({
      event: 'error',
      data: { type: 'error', error: { type: 'overloaded_error' } },
    });

    const replayed = await runStream(recording.replay(), params);
    expect(replayed.events).toEqual(live.events);
    expect(replayed.error).toBeInstanceOf(Anthropic.APIError);
    expect(replayed.error).toMatchObject({ type: 'overloaded_error', status: undefined });
  });

  it('replays a stream that was closed before message_stop as a StreamInterruptedError', async () => {
    const seed = readCassettes(cassetteDir).find(
      (cassette) => cassette.label === 'seed-article.summarize-v1.stream',
    );
    const stream = seed?.response.stream;
    if (!seed || !stream) {
      throw new Error('no streamed seed cassette');
    }
    const directory = mkdtempSync(path.join(tmpdir(), 'brief-stream-cassettes-'));
    createCassetteStore([directory]).save({
      ...seed,
      response: { ...seed.response, stream: { events: stream.events.slice(0, 30), ending: 'closed' } },
    });
    const client = new Anthropic({
      apiKey: 'replay',
      maxRetries: 0,
      fetch: createReplayFetch(createCassetteStore([directory])),
    });
    await expect(streamModelAnswer(client, sampleMessageParams('seed-article', 'v1'))).rejects.toBeInstanceOf(
      StreamInterruptedError,
    );
  });

  it('writes no cassette for a stream the caller aborted', async () => {
    fake.setStreamPacing({ tokensPerSecond: 200 });
    const recording = recorder();
    const controller = new AbortController();
    const error = await streamModelAnswer(recording.client, sampleMessageParams('seed-article', 'v1'), {
      signal: controller.signal,
      onPartial: () => controller.abort(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIUserAbortError);
    await fake.waitForAbort();
    expect(readdirSync(recording.directory)).toEqual([]);
    expect(recording.recorded).toEqual([]);
  });

  it('leaves the JSON path as it was: the same request without the stream flag is a different recording', async () => {
    const recording = recorder();
    const params = sampleMessageParams('seed-article', 'v1');
    await recording.client.messages.parse(params);
    await recording.saved;
    const [cassette] = readCassettes(recording.directory);
    expect(cassette?.response.stream).toBeUndefined();
    expect(cassette?.response.body).toMatchObject({ type: 'message' });
    const error = await streamModelAnswer(recording.replay(), params).catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(RecordingNotFoundError);
  });
});
