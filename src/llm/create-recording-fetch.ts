import {
  type CanonicalRequest,
  canonicalizeRequest,
  cassetteKey,
  RECORDED_RESPONSE_HEADERS,
} from './cassette.js';
import type { CassetteStore } from './cassette-store.js';
import { readFetchRequest } from './read-fetch-request.js';
import { isEventStream, recordEventStream } from './record-event-stream.js';

export interface RecordingFetchOptions {
  /** The real network fetch (or a fake server's). */
  fetch?: typeof fetch;
  /** A readable name for the cassette file, e.g. the sample it was recorded for. */
  nameFor?: (request: CanonicalRequest) => string | undefined;
  onRecorded?: (file: string) => void;
}

/**
 * Passes every call through to the real API and writes each successful exchange as a cassette.
 * Only method, path, JSON body, status, a few response headers and the response body are kept:
 * request headers (the API key among them) are never read, so they cannot be written.
 * A streamed answer is kept as its events in order, and whether the stream closed or broke.
 */
export function createRecordingFetch(
  store: CassetteStore,
  options: RecordingFetchOptions = {},
): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const request = await readFetchRequest(input, init);
    const response = await baseFetch(input, init);
    if (!response.ok) {
      return response;
    }
    if (isEventStream(response)) {
      return recordEventStream(store, options, request, response);
    }
    const text = await response.text();
    const canonical = canonicalizeRequest(request.method, request.url, request.body);
    const headers = Object.fromEntries(
      RECORDED_RESPONSE_HEADERS.flatMap((name) => {
        const value = response.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    const key = cassetteKey(canonical);
    const name = options.nameFor?.(canonical);
    const file = store.save(
      {
        key,
        provenance: 'recorded',
        ...(name === undefined ? {} : { label: name }),
        created_at: new Date().toISOString(),
        request: canonical,
        response: { status: response.status, headers, body: JSON.parse(text) },
      },
      name === undefined ? undefined : `${name}.json`,
    );
    options.onRecorded?.(file);
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
