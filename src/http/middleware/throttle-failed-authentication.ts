import type { MiddlewareHandler } from 'hono';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyFailedAuthenticationsError, UnauthorizedError } from '../../errors/brief-error.js';
import type { AppEnv } from '../app-env.js';
import { clientAddress } from '../client-address.js';

export interface ThrottleFailedAuthenticationOptions {
  /** Counts 401s per client address: `points` failures per `duration` seconds (memory or Redis). */
  limiter: RateLimiterAbstract;
  /** Called when the store fails; the request then goes on (the limiter must not take Brief down). */
  onStoreError?: (error: unknown) => void;
}

/**
 * Put in front of `authenticate`: every 401 costs the client's address a point, and an address that
 * has used its points is refused with 429 before its key is even looked at, so guessing keys is slow.
 */
export function throttleFailedAuthentication(
  options: ThrottleFailedAuthenticationOptions,
): MiddlewareHandler<AppEnv> {
  const { limiter } = options;
  return async function throttleFailures(context, next) {
    const address = clientAddress(context);
    let failures: RateLimiterRes | null = null;
    try {
      failures = await limiter.get(address);
    } catch (error) {
      options.onStoreError?.(error);
    }
    if (failures !== null && failures.consumedPoints >= limiter.points) {
      const retryAfterSeconds = Math.max(1, Math.ceil(failures.msBeforeNext / 1000));
      throw new TooManyFailedAuthenticationsError(
        `Too many requests with a missing or wrong API key from this address (${limiter.points} per ${limiter.duration} s). Try again after the time in Retry-After.`,
        {
          headers: { 'retry-after': String(retryAfterSeconds) },
          extensions: { max_failures: limiter.points, window_seconds: limiter.duration },
        },
      );
    }
    await next();
    if (context.error instanceof UnauthorizedError) {
      try {
        await limiter.penalty(address, 1);
      } catch (error) {
        options.onStoreError?.(error);
      }
    }
  };
}
