import { type Attributes, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

export const TRACER_NAME = 'brief';

function fail(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
  const code = (error as { code?: unknown } | undefined)?.code;
  span.setAttribute(
    'error.type',
    typeof code === 'string' ? code : error instanceof Error ? error.name : 'error',
  );
}

/**
 * Runs `work` inside a span that is the active one while it runs (until its promise settles, when it
 * returns one), ends it, and records a failure on it. Without a registered tracer provider the API's
 * tracer is a no-op: the span costs next to nothing. Attributes never carry article text, prompts or
 * summaries.
 */
export function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => T): T {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, (span) => {
    let result: T;
    try {
      result = work(span);
    } catch (error) {
      fail(span, error);
      span.end();
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          fail(span, error);
          span.end();
          throw error;
        },
      ) as T;
    }
    span.end();
    return result;
  });
}
