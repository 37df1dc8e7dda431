import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { currentTraceId } from '../../telemetry/current-trace-id.js';
import { TRACER_NAME } from '../../telemetry/in-span.js';
import type { AppEnv } from '../app-env.js';

const SERVER_ERROR_STATUS = 500;

/**
 * One server span per request, the parent of every span of its work; its trace id goes to the logs
 * and problem documents (`trace_id`). A no-op without a tracer provider.
 */
export function traceRequest(): MiddlewareHandler<AppEnv> {
  const tracer = trace.getTracer(TRACER_NAME);
  return function traceRequest(context, next) {
    const method = context.req.method;
    return tracer.startActiveSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': method,
          'url.path': context.req.path,
          'brief.request_id': context.get('requestId'),
        },
      },
      async (span) => {
        const traceId = currentTraceId();
        if (traceId) {
          context.set('traceId', traceId);
        }
        try {
          await next();
        } finally {
          // The handler's route, even when a middleware answered first.
          const route = routePath(context, -1);
          const status = context.res.status;
          span.updateName(`${method} ${route}`);
          span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
          if (status >= SERVER_ERROR_STATUS) {
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
          span.end();
        }
      },
    );
  };
}
