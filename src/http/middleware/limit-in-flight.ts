import type { MiddlewareHandler } from 'hono';
import { ServiceUnavailableError } from '../../errors/brief-error.js';

export interface LimitInFlightOptions {
  /** Requests handled at once, body reading included; the next one is refused. */
  max: number;
  /** The refusal's problem type. */
  kind: ConstructorParameters<typeof ServiceUnavailableError>[0];
  /** What a refused client is told to wait. */
  retryAfterSeconds?: number;
  /** Names the requests in the refusal's detail. */
  what?: string;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Bounds how many requests of a kind are in progress in this process, so that large bodies (a batch
 * holds up to 1,000 articles) cannot pile up in memory: past the bound, 503 with Retry-After, before
 * the body is read.
 */
export function limitInFlight(options: LimitInFlightOptions): MiddlewareHandler {
  const retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const what = options.what ?? 'requests';
  let inFlight = 0;
  return async function boundInFlight(_context, next) {
    if (inFlight >= options.max) {
      throw new ServiceUnavailableError(
        options.kind,
        `This instance is already handling ${options.max} ${what}, its limit. Retry after the time in Retry-After.`,
        { retryAfterSeconds, extensions: { max_in_flight: options.max } },
      );
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  };
}
