import { RecordingNotFoundError } from '../errors/recording-not-found-error.js';
import { canonicalizeRequest, cassetteKey } from './cassette.js';
import type { CassetteStore } from './cassette-store.js';
import { readFetchRequest } from './read-fetch-request.js';
import { replayEventStream } from './replay-event-stream.js';

/** Thrown inside the SDK's fetch; the SDK wraps it, and the error mapping finds it in the cause chain. */

/**
 * A `fetch` for the SDK that answers from cassettes, so the SDK's own request building, parsing and
 * error classes run exactly as in live mode. A request that was never recorded fails loudly.
 * A streamed recording replays as an event stream with the same events and the same end.
 */
export function createReplayFetch(store: CassetteStore): typeof fetch {
  return async (input, init) => {
    init?.signal?.throwIfAborted();
    const request = await readFetchRequest(input, init);
    const canonical = canonicalizeRequest(request.method, request.url, request.body);
    const key = cassetteKey(canonical);
    const cassette = store.find(key);
    if (!cassette) {
      throw new RecordingNotFoundError(`No recording for ${canonical.path} with key ${key}`, {
        key,
        path: canonical.path,
      });
    }
    if (cassette.response.stream) {
      return new Response(replayEventStream(cassette.response.stream, init?.signal), {
        status: cassette.response.status,
        headers: cassette.response.headers,
      });
    }
    return new Response(JSON.stringify(cassette.response.body), {
      status: cassette.response.status,
      headers: cassette.response.headers,
    });
  };
}
