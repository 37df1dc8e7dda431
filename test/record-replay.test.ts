import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { cassetteSchema } from '../src/llm/cassette.js';
import { readSamples } from '../src/samples/read-samples.js';
import { recordingNameFor, recordSamples } from '../src/samples/record-samples.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';

const SECRET_KEY = 'sk-ant-record-test-secret-0123456789';

describe('recording against a Messages API, then replaying the recording', () => {
  let fake: FakeMessagesApi;
  const cassetteDir = mkdtempSync(path.join(tmpdir(), 'brief-cassettes-'));
  const samples = readSamples(path.join(PROJECT_ROOT, 'samples')).filter((sample) =>
    ['seed-article', 'html-article'].includes(sample.slug),
  );

  beforeAll(async () => {
    fake = await startFakeMessagesApi();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('records each sample through the real SDK into a cassette that holds no secret', async () => {
    const current: { label?: string } = {};
    const recorder = createTestBrief({
      env: {
        BRIEF_MODE: 'record',
        ANTHROPIC_API_KEY: SECRET_KEY,
        ANTHROPIC_BASE_URL: fake.url,
        BRIEF_CASSETTE_DIR: cassetteDir,
        BRIEF_CACHE_ENABLED: 'false',
      },
      recordingName: (request) => recordingNameFor(current.label, request),
    });
    const outcomes = await recordSamples({
      config: recorder.config,
      brief: recorder,
      samples,
      promptVersions: ['v1'],
      current,
    });
    expect(outcomes).toEqual([
      { label: 'html-article.summarize-v1', ok: true, attempts: 1 },
      { label: 'seed-article.summarize-v1', ok: true, attempts: 1 },
    ]);
    expect(fake.calls).toHaveLength(2);
    expect(readdirSync(cassetteDir).sort()).toEqual([
      'html-article.summarize-v1.json',
      'seed-article.summarize-v1.json',
    ]);
    for (const file of readdirSync(cassetteDir)) {
      const raw = readFileSync(path.join(cassetteDir, file), 'utf8');
      expect(raw).not.toContain(SECRET_KEY);
      expect(raw.toLowerCase()).not.toMatch(/x-api-key|authorization/);
      const cassette = cassetteSchema.parse(JSON.parse(raw));
      expect(cassette.provenance).toBe('recorded');
      expect(cassette.request.path).toBe('/v1/messages');
      expect(Object.keys(cassette.response.headers).sort()).toEqual(['content-type', 'request-id']);
    }
  });

  it('replays the recording offline with the same summaries the live call returned', async () => {
    const live = createTestBrief({
      env: {
        BRIEF_MODE: 'live',
        ANTHROPIC_API_KEY: SECRET_KEY,
        ANTHROPIC_BASE_URL: fake.url,
        BRIEF_CACHE_ENABLED: 'false',
      },
    });
    const replay = createTestBrief({ env: { BRIEF_CASSETTE_DIR: cassetteDir } });
    const seed = samples.find((sample) => sample.slug === 'seed-article');
    const liveBody = await (await postJson(live.app, { text: seed?.raw })).json();
    const callsBefore = fake.calls.length;
    const replayed = await postJson(replay.app, { text: seed?.raw });
    expect(replayed.status).toBe(200);
    const replayBody = (await replayed.json()) as typeof liveBody;
    expect(fake.calls.length).toBe(callsBefore);
    expect(replayBody.summaries).toEqual(liveBody.summaries);
    expect(replayBody.meta.mode).toBe('replay');
    expect(replayBody.meta.usage).toEqual(liveBody.meta.usage);
  });

  it('fails loudly instead of replaying a stale recording when the input changes', async () => {
    const replay = createTestBrief({ env: { BRIEF_CASSETTE_DIR: cassetteDir } });
    const seed = samples.find((sample) => sample.slug === 'seed-article');
    const changed = await postJson(replay.app, { text: `${seed?.raw} Nachtrag.` });
    expect(changed.status).toBe(503);
    const otherOptions = await postJson(replay.app, { text: seed?.raw, options: { key_points: 4 } });
    expect(otherOptions.status).toBe(503);
  });
});
