import type { MiddlewareHandler } from 'hono';
import { ServiceUnavailableError } from '../../errors/brief-error.js';
import type { Lifecycle } from '../lifecycle.js';

/** Seconds a client should wait before retrying on another replica while this one drains. */
const DRAINING_RETRY_AFTER_SECONDS = 1;

/** Counts requests in flight; once draining, new work is turned away so the in-flight work can finish. */
export function trackInFlight(lifecycle: Lifecycle): MiddlewareHandler {
  return async function countRequest(context, next) {
    if (lifecycle.draining) {
      context.header('connection', 'close');
      throw new ServiceUnavailableError(
        'shutting-down',
        'This instance is shutting down. Retry the request.',
        {
          retryAfterSeconds: DRAINING_RETRY_AFTER_SECONDS,
        },
      );
    }
    lifecycle.requestStarted();
    try {
      await next();
    } finally {
      lifecycle.requestFinished();
    }
  };
}
