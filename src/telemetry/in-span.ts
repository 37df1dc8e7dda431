import { type Attributes, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

export const TRACER_NAME = 'brief';

/**
 * Runs `work` inside a span that is the active one while it runs, ends it, and records a failure on
 * it. Without a registered tracer provider the API's tracer is a no-op: the span costs next to nothing.
 * Attributes never carry article text, prompts or summaries.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      if (error instanceof Error) {
        span.setAttribute('error.type', (error as { code?: unknown }).code?.toString() ?? error.name);
      }
      throw error;
    } finally {
      span.end();
    }
  });
}
