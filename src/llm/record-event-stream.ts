import { Stream } from '@anthropic-ai/sdk/streaming';
import {
  canonicalizeRequest,
  cassetteKey,
  RECORDED_RESPONSE_HEADERS,
  type RecordedStream,
  type RecordedStreamEvent,
} from './cassette.js';
import type { CassetteStore } from './cassette-store.js';
import type { RecordingFetchOptions } from './create-recording-fetch.js';

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

async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal | null | undefined,
): Promise<RecordedStream | undefined> {
  const events: RecordedStreamEvent[] = [];
  let ending: RecordedStream['ending'] = 'closed';
  try {
    for await (const message of Stream.rawEvents(new Response(body))) {
      events.push({ event: message.event, data: parseData(message.data) });
    }
  } catch {
    ending = 'broken';
  }
  // A stream the caller left is not the upstream's answer: nothing to keep.
  return signal?.aborted ? undefined : { events, ending };
}

/**
 * Passes a streamed answer on to the caller byte for byte as it comes, and writes its cassette once
 * the stream has ended: the events in order and whether it closed or broke. The cassette's key is
 * the request's, whose body carries `stream: true`, so it never answers the JSON request.
 */
export function recordEventStream(
  store: CassetteStore,
  options: Pick<RecordingFetchOptions, 'nameFor' | 'onRecorded'>,
  request: { method: string; url: string; body: string | undefined },
  response: Response,
  signal: AbortSignal | null | undefined,
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
  void readEvents(forRecording, signal).then((stream) => {
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
