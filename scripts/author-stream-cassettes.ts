/**
 * Writes streamed cassettes (`stream: true`) for samples whose JSON answer is already recorded or
 * authored: the same request with the stream flag, answered by that message as the Messages API
 * streams it (chunked into text deltas of a few tokens). No live stream was recorded for them, so
 * they are marked `provenance: "authored"`; the label ends in `.stream`.
 *
 *   npx tsx scripts/author-stream-cassettes.ts            # the default samples
 *   npx tsx scripts/author-stream-cassettes.ts short-notice seed-article
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { createToolConfig } from '../src/config/env.js';
import { canonicalizeRequest, cassetteKey, cassetteSchema } from '../src/llm/cassette.js';
import { createCassetteStore } from '../src/llm/cassette-store.js';
import { messageToStreamEvents } from '../src/llm/message-to-stream-events.js';

const DEFAULT_SAMPLES = ['seed-article', 'short-notice', 'long-figures'];
const STREAM_SUFFIX = '.stream';

const samples = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SAMPLES;
const config = createToolConfig({ BRIEF_MODE: 'replay' });
const store = createCassetteStore([config.cassetteDir]);
let written = 0;

for (const file of readdirSync(config.cassetteDir).sort()) {
  const cassette = cassetteSchema.parse(
    JSON.parse(readFileSync(path.join(config.cassetteDir, file), 'utf8')),
  );
  const label = cassette.label;
  if (cassette.response.stream || label === undefined || label.endsWith(STREAM_SUFFIX)) {
    continue;
  }
  if (!samples.some((sample) => label.startsWith(`${sample}.`))) {
    continue;
  }
  const body = { ...(cassette.request.body as Record<string, unknown>), stream: true };
  const request = canonicalizeRequest(
    cassette.request.method,
    new URL(cassette.request.path, 'https://api.invalid').toString(),
    JSON.stringify(body),
  );
  const key = cassetteKey(request);
  const stream = {
    events: messageToStreamEvents(cassette.response.body as Message),
    ending: 'closed' as const,
  };
  const existing = store.find(key);
  // Unchanged events: keep the file as it is (no churn in its date).
  if (existing && JSON.stringify(existing.response.stream) === JSON.stringify(stream)) {
    console.log(`= ${label}${STREAM_SUFFIX}`);
    continue;
  }
  store.save(
    {
      key,
      provenance: 'authored',
      label: `${label}${STREAM_SUFFIX}`,
      created_at: new Date().toISOString(),
      request,
      response: {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          ...(cassette.response.headers['request-id'] === undefined
            ? {}
            : { 'request-id': cassette.response.headers['request-id'] }),
        },
        body: null,
        stream,
      },
    },
    `${label}${STREAM_SUFFIX}.json`,
  );
  written += 1;
  console.log(`✓ ${label}${STREAM_SUFFIX} (${stream.events.length} events)`);
}
console.log(`${written} streamed cassette(s) written`);
