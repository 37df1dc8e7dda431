import type { Context, MiddlewareHandler } from 'hono';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../errors/brief-error.js';
import type { AppEnv } from '../app-env.js';
import { clientAddress } from '../client-address.js';

export interface RateLimitOptions {
  /**
   * The request's limiter (any rate-limiter-flexible one: memory, or Redis to share counters across
   * replicas), chosen per key; undefined: this request is not limited.
   */
  limiterFor: (context: Context<AppEnv>) => RateLimiterAbstract | undefined;
  /** Called when the store fails; the request then goes through (the limiter must not take Brief down). */
  onStoreError?: (error: unknown) => void;
}

function rateLimitHeaders(limit: number, result: RateLimiterRes): Record<string, string> {
  const resetSeconds = Math.ceil(result.msBeforeNext / 1000);
  return {
    'ratelimit-policy': `${limit};w=${limit === 0 ? 0 : 60}`,
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(Math.max(0, result.remainingPoints)),
    'ratelimit-reset': String(resetSeconds),
  };
}

/** Per API key (per client address when auth is off), with the standard RateLimit headers on every answer. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function limitRate(context, next) {
    const limiter = options.limiterFor(context);
    if (!limiter) {
      await next();
      return;
    }
    const key = context.get('apiKeyId') ?? `address:${clientAddress(context)}`;
    let result: RateLimiterRes;
    try {
      result = await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const headers = rateLimitHeaders(limiter.points, rejection);
        throw new RateLimitedError(
          `Rate limit of ${limiter.points} requests per ${limiter.duration} s for this API key exceeded. Try again after the time in Retry-After.`,
          { headers: { ...headers, 'retry-after': headers['ratelimit-reset'] ?? '1' } },
        );
      }
      options.onStoreError?.(rejection);
      await next();
      return;
    }
    context.set('chargeRateLimit', async (points) => {
      const more = points - 1;
      if (more <= 0) {
        return;
      }
      const extensions = { points_needed: points, ratelimit_limit: limiter.points };
      if (points > limiter.points) {
        // Waiting would not help: no Retry-After.
        throw new RateLimitedError(
          `This request costs ${points} rate-limit points (one per article), more than this API key's ${limiter.points} per ${limiter.duration} s. Split it into smaller batches.`,
          { extensions, headers: rateLimitHeaders(limiter.points, result) },
        );
      }
      try {
        result = await limiter.consume(key, more);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          options.onStoreError?.(rejection);
          return;
        }
        // A refused request costs only the point it already paid.
        await limiter.reward(key, more).catch((error: unknown) => options.onStoreError?.(error));
        const headers = rateLimitHeaders(limiter.points, result);
        throw new RateLimitedError(
          `This request costs ${points} rate-limit points (one per article); this API key has ${Math.max(0, result.remainingPoints)} left. Try again after the time in Retry-After.`,
          {
            extensions,
            headers: {
              ...headers,
              'retry-after': String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))),
            },
          },
        );
      }
    });
    await next();
    for (const [name, value] of Object.entries(rateLimitHeaders(limiter.points, result))) {
      context.res.headers.set(name, value);
    }
  };
}
