import { describe, expect, it } from 'vitest';
import { createTestBrief, postJson } from './support/create-test-brief.js';

const GERMAN_TEXT =
  'Der Stadtrat von Lenzbach hat am Dienstag mit großer Mehrheit beschlossen, die alte Stadtbibliothek zu sanieren. Die Kosten werden auf 4,2 Millionen Euro geschätzt. Bürgermeisterin Anna Vogt sprach von einem wichtigen Tag für die Stadt.';

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.status).toBe(response.status);
  expect(body.request_id).toBe(response.headers.get('x-request-id'));
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  return body;
}

describe('POST /v1/summaries rejects bad input with a problem document', () => {
  const { app } = createTestBrief();

  it('answers 400 for malformed JSON', async () => {
    const response = await postJson(app, '{"text": "unterminated');
    expect(response.status).toBe(400);
    const body = await problem(response);
    expect(body.type).toBe('/problems/malformed-request');
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('answers 415 for an unsupported content type and names the accepted ones', async () => {
    const response = await app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: `<text>${GERMAN_TEXT}</text>`,
    });
    expect(response.status).toBe(415);
    const body = await problem(response);
    expect(body.accepted).toEqual(['application/json', 'text/plain', 'text/html', 'application/ninjs+json']);
  });

  it('answers 415 when there is no content type at all', async () => {
    const response = await app.request('/v1/summaries', {
      method: 'POST',
      body: new TextEncoder().encode(GERMAN_TEXT),
    });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.status).toBe(415);
  });

  it('answers 422 for blank text, after normalisation', async () => {
    const response = await postJson(app, { text: ' \n\t\u200B\u00A0 ' });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.errors).toEqual([{ pointer: '/text', detail: 'must not be empty or blank' }]);
  });

  it('answers 422 for text shorter than the minimum and says how long it was', async () => {
    const response = await postJson(app, { text: 'Zu kurz für eine Zusammenfassung.' });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.detail).toMatch(/33 characters after normalisation, at least 200/);
  });

  it('answers 422 for unknown fields and points at each of them', async () => {
    const response = await postJson(app, { text: GERMAN_TEXT, language: 'de', extra: 1 });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.errors).toEqual([
      { pointer: '/language', detail: 'unknown field' },
      { pointer: '/extra', detail: 'unknown field' },
    ]);
  });

  it('answers 422 when text is not a string, without echoing the value', async () => {
    const response = await postJson(app, { text: 12345 });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect((body.errors as Array<{ pointer: string }>)[0]?.pointer).toBe('/text');
  });

  it('answers 422 for an unknown prompt version and lists the available ones', async () => {
    const response = await postJson(app, { text: GERMAN_TEXT, prompt_version: 'v99' });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.type).toBe('/problems/unknown-prompt-version');
    expect(body.detail).toMatch(/Unknown prompt_version "v99"\. Available versions: v1/);
    expect(body.available_versions).toContain('v1');
  });

  it('answers 413 for text over the configured limit, counted after normalisation', async () => {
    const { app: small } = createTestBrief({ env: { BRIEF_MAX_TEXT_CHARS: '300' } });
    const response = await postJson(small, { text: `${GERMAN_TEXT} ${GERMAN_TEXT}` });
    expect(response.status).toBe(413);
    const body = await problem(response);
    expect(body.detail).toMatch(/at most 300 are accepted/);
    const padded = await postJson(small, { text: `${GERMAN_TEXT}${' '.repeat(500)}\n\n\n\n` });
    expect(padded.status).not.toBe(413);
  });

  it('answers 413 for a body over the byte limit before parsing it', async () => {
    const { app: small } = createTestBrief({ env: { BRIEF_MAX_BODY_BYTES: '1000' } });
    const response = await postJson(small, { text: 'ä'.repeat(2000) });
    expect(response.status).toBe(413);
    const body = await problem(response);
    expect(body.max_body_bytes).toBe(1000);
  });

  it('answers 503 in replay mode when no recording matches, and says how to get one', async () => {
    const response = await postJson(app, { text: GERMAN_TEXT });
    expect(response.status).toBe(503);
    const body = await problem(response);
    expect(body.type).toBe('/problems/recording-not-found');
    expect(body.detail).toMatch(/ANTHROPIC_API_KEY/);
    expect(body.detail).toMatch(/BRIEF_MODE=record/);
  });

  it('answers 404 with a problem document for an unknown route', async () => {
    const response = await app.request('/v1/nothing-here');
    expect(response.status).toBe(404);
    const body = await problem(response);
    expect(body.detail).toBe('No route for GET /v1/nothing-here.');
  });
});
