import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cassetteSchema } from '../../src/llm/cassette.js';
import { createCassetteStore } from '../../src/llm/cassette-store.js';
import { createRecordingFetch } from '../../src/llm/create-recording-fetch.js';

const ORGANIZATION_ID = 'b4c1e2f0-5a6d-4e3b-9c8a-7f1e2d3c4b5a';

/** An answer with the headers the Messages API sends, the account's among them. */
function apiAnswer(): Response {
  return new Response(JSON.stringify({ id: 'msg_1', type: 'message', content: [] }), {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'request-id': 'req_011CRecorded',
      'anthropic-organization-id': ORGANIZATION_ID,
      'anthropic-ratelimit-requests-limit': '4000',
      'anthropic-ratelimit-tokens-remaining': '399000',
      'cf-ray': '8f1e2d3c4b5a6978-FRA',
      via: '1.1 google',
    },
  });
}

describe('record mode', () => {
  it('writes the request id into a cassette but no header that identifies the account', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'brief-cassettes-'));
    const recordingFetch = createRecordingFetch(createCassetteStore([directory]), {
      fetch: async () => apiAnswer(),
    });
    const response = await recordingFetch('https://api.anthropic.com/v1/messages', {
      method: 'POST',
      body: JSON.stringify({ model: 'claude', messages: [] }),
    });
    // The caller still sees the whole answer; only the cassette is trimmed.
    expect(response.headers.get('anthropic-organization-id')).toBe(ORGANIZATION_ID);

    const [file] = readdirSync(directory);
    const raw = readFileSync(path.join(directory, file ?? ''), 'utf8');
    expect(raw).not.toContain(ORGANIZATION_ID);
    expect(cassetteSchema.parse(JSON.parse(raw)).response.headers).toEqual({
      'content-type': 'application/json',
      'request-id': 'req_011CRecorded',
    });
  });
});
