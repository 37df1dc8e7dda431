import type { MiddlewareContext } from '@anthropic-ai/sdk';
import type { APIRequest } from '@anthropic-ai/sdk/core/api';
import { describe, expect, it } from 'vitest';
import { UnreadableResponseError } from '../../src/errors/unreadable-response-error.js';
import { retryUnreadableResponses } from '../../src/llm/retry-unreadable-responses.js';

const request = { url: 'http://upstream.test/v1/messages', method: 'POST' } as APIRequest;
const context = { options: { method: 'post', path: '/v1/messages' } } as unknown as MiddlewareContext;

function answer(body: string, contentType: string, status = 200) {
  return retryUnreadableResponses(
    request,
    async () =>
      new Response(body, { status, headers: { 'content-type': contentType, 'request-id': 'req_1' } }),
    context,
  );
}

describe('retryUnreadableResponses', () => {
  it('hands on a JSON answer read once, with its status, headers, text and JSON, to every reader', async () => {
    const body = '{"type":"message","content":[{"type":"text","text":"Hallo"}]}';
    const response = await answer(body, 'application/json');
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('req_1');
    expect(await response.json()).toEqual(JSON.parse(body));
    expect(await response.text()).toBe(body);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(body);
    // `context.parse` of another middleware reads a clone.
    const copy = response.clone();
    expect(copy.headers.get('request-id')).toBe('req_1');
    expect(await copy.json()).toEqual(JSON.parse(body));
  });

  it('turns a 200 whose JSON body is not JSON into a retryable error', async () => {
    await expect(answer('<html>Bad gateway</html>', 'application/json')).rejects.toBeInstanceOf(
      UnreadableResponseError,
    );
  });

  it('leaves a body that does not claim to be JSON as text, and an error answer untouched', async () => {
    const text = await answer('plain words', 'text/plain');
    expect(await text.text()).toBe('plain words');
    const failed = await answer('{"type":"error"}', 'application/json', 529);
    expect(failed.status).toBe(529);
    expect(await failed.json()).toEqual({ type: 'error' });
  });
});
