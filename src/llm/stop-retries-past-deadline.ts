import type { Middleware } from '@anthropic-ai/sdk';

/** How long the SDK would wait before retrying this answer, from the headers it honours; undefined: its own backoff. */
export function retryWaitMs(headers: Headers, now: number): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds > 0) {
    return milliseconds;
  }
  const value = headers.get('retry-after');
  if (value === null) {
    return undefined;
  }
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) {
    return seconds > 0 ? seconds * 1000 : undefined;
  }
  const date = Date.parse(value);
  return Number.isFinite(date) && date > now ? date - now : undefined;
}

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
    const waitMs = retryWaitMs(response.headers, current);
    if (waitMs === undefined || current + waitMs < deadlineAt) {
      return response;
    }
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
