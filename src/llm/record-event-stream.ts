import { Stream } from '@anthropic-ai/sdk/streaming';
import {
  type CanonicalRequest,
  canonicalizeRequest,
  cassetteKey,
  RECORDED_RESPONSE_HEADERS,
  type RecordedStream,
  type RecordedStreamEvent,
} from './cassette.js';
import type { CassetteStore } from './cassette-store.js';

/** What the recording fetch tells its stream recorder: how to name a cassette, whom to tell. */
export interface StreamRecordingOptions {
  nameFor?: (request: CanonicalRequest) => string | undefined;
  onRecorded?: (file: string) => void;
}

export function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The events of the recording's copy of the body. The copy fails as the body does: a broken
 * connection is part of the answer, an abort (the caller left, or the SDK stopped reading) is not,
 * and leaves nothing to keep.
 */
async function readEvents(body: ReadableStream<Uint8Array>): Promise<RecordedStream | undefined> {
  const events: RecordedStreamEvent[] = [];
  try {
    for await (const message of Stream.rawEvents(new Response(body))) {
      events.push({ event: message.event, data: parseData(message.data) });
    }
  } catch (error) {
    return isAbort(error) ? undefined : { events, ending: 'broken' };
  }
  return { events, ending: 'closed' };
}

/**
 * Passes a streamed answer on to the caller byte for byte as it comes, and writes its cassette once
 * the stream has ended: the events in order and whether it closed or broke. The cassette's key is
 * the request's, whose body carries `stream: true`, so it never answers the JSON request.
 */
export function recordEventStream(
  store: CassetteStore,
  options: StreamRecordingOptions,
  request: { method: string; url: string; body: string | undefined },
  response: Response,
): Response {
  if (response.body === null) {
    return response;
  }
  const canonical = canonicalizeRequest(request.method, request.url, request.body);
  const headers = Object.fromEntries(
    RECORDED_RESPONSE_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const name = options.nameFor?.(canonical);
  const [forCaller, forRecording] = response.body.tee();
  void readEvents(forRecording).then((stream) => {
    if (stream === undefined) {
      return;
    }
    const file = store.save(
      {
        key: cassetteKey(canonical),
        provenance: 'recorded',
        ...(name === undefined ? {} : { label: name }),
        created_at: new Date().toISOString(),
        request: canonical,
        response: { status: response.status, headers, body: null, stream },
      },
      name === undefined ? undefined : `${name}.json`,
    );
    options.onRecorded?.(file);
  });
  return new Response(forCaller, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
