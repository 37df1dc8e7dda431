import type { Middleware } from '@anthropic-ai/sdk';
import { readRetryAfterMs } from './read-retry-after-ms.js';

/**
 * When upstream asks Brief to wait past the request's deadline, waiting can only end in a 504. This
 * marks such an answer `x-should-retry: false` (the SDK obeys it), so the client hears 503 with
 * upstream's `Retry-After` at once instead.
 */
export function stopRetriesPastDeadline(deadlineAt: number, now: () => number = Date.now): Middleware {
  return async function stopRetriesPastDeadline(request, next) {
    const response = await next(request);
    if (response.ok) {
      return response;
    }
    const current = now();
    const waitMs = readRetryAfterMs(response.headers, current);
    if (waitMs === undefined || current + waitMs < deadlineAt) {
      return response;
    }
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
