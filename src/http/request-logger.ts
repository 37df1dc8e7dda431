import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { ClientClosedRequestError } from '../errors/client-closed-request-error.js';
import type { AppEnv } from './app-env.js';
import { toBriefError } from './to-brief-error.js';

export interface RequestLoggerOptions {
  logger: Logger;
}

/**
 * One JSON line per request, without the article, the summaries or a key. Content is logged only
 * by the summaries handler, and only when BRIEF_LOG_CONTENT is on (embargoed news).
 */
export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler<AppEnv> {
  return async function logRequest(context, next) {
    const started = performance.now();
    const traceId = context.get('traceId');
    const logger = options.logger.child({
      request_id: context.get('requestId'),
      ...(traceId ? { trace_id: traceId } : {}),
    });
    context.set('logger', logger);
    await next();
    const summary = context.get('summary');
    const clientClosed = context.error instanceof ClientClosedRequestError;
    const status = clientClosed ? 499 : context.res.status;
    const line: Record<string, unknown> = {
      method: context.req.method,
      // The last route that matched, the handler's, even when a middleware answered first (a 401, a drain).
      route: routePath(context, -1),
      status,
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      key_id: context.get('apiKey')?.id,
      prompt_version: context.get('promptVersion'),
      model: summary?.model,
      attempts: summary?.attempts,
      tokens: summary?.usage,
    };
    if (context.error && !clientClosed) {
      const briefError = toBriefError(context.error);
      line.error = {
        code: briefError.code,
        cause: briefError.cause instanceof Error ? briefError.cause.name : undefined,
      };
      if (briefError.status >= 500 && briefError.code === 'internal-error') {
        logger.error({ ...line, err: context.error }, 'request failed');
        return;
      }
    }
    const level = status >= 500 ? 'warn' : 'info';
    logger[level](line, 'request');
  };
}
