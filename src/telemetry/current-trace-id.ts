import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The active span's trace id, or undefined when nothing is traced (no tracer provider). */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}
