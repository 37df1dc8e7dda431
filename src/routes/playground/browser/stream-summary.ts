import { EventSourceParserStream } from 'eventsource-parser/stream';
import { isRecord, type KeyPoint, type Language } from './api-types.js';

/** The fields of one language received so far (a string may be cut where the model stands). */
export interface PartialSummary {
  headline?: string;
  summary?: string;
  key_points?: KeyPoint[];
}

/** The answer as `ApiClient.request` gives it: the response and its parsed body. */
export interface StreamedAnswer {
  response: Response;
  body: unknown;
}

export type StreamEvent =
  | { type: 'partial'; attempt: number; summaries: Partial<Record<Language, PartialSummary>> }
  | { type: 'repair'; attempt: number; reason: string };

export interface StreamSummaryOptions {
  fetch: typeof fetch;
  headers: Headers;
  json: unknown;
  signal: AbortSignal;
  onEvent: (event: StreamEvent) => void;
}

/**
 * `POST /v1/summaries` as server-sent events. Resolves like a JSON request would: the `result` as
 * the body, or the problem (a refusal before the stream, or an `error` event) with its status.
 */
export async function streamSummary(path: string, options: StreamSummaryOptions): Promise<StreamedAnswer> {
  const headers = new Headers(options.headers);
  headers.set('accept', 'text/event-stream, application/problem+json');
  headers.set('content-type', 'application/json');
  const response = await options.fetch(path, {
    method: 'POST',
    headers,
    body: JSON.stringify(options.json),
    credentials: 'same-origin',
    signal: options.signal,
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/event-stream') || !response.body) {
    return { response, body: type.includes('json') ? await response.json().catch(() => null) : null };
  }
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    const data: unknown = JSON.parse(value.data);
    if (!isRecord(data)) {
      continue;
    }
    if (value.event === 'partial' && isRecord(data.summaries)) {
      options.onEvent({
        type: 'partial',
        attempt: Number(data.attempt) || 1,
        summaries: data.summaries as Partial<Record<Language, PartialSummary>>,
      });
    } else if (value.event === 'repair') {
      options.onEvent({ type: 'repair', attempt: Number(data.attempt) || 2, reason: String(data.reason) });
    } else if (value.event === 'result') {
      return { response, body: data };
    } else if (value.event === 'error') {
      // The problem the JSON request would have answered, with its status.
      const status = typeof data.status === 'number' ? data.status : 502;
      return { response: new Response(null, { status, headers: response.headers }), body: data };
    }
  }
  throw new Error('the stream ended without a result');
}
