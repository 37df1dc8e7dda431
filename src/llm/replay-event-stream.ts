import type { RecordedStream } from './cassette.js';
import { formatServerSentEvent } from './format-server-sent-event.js';

/** What a connection that breaks mid-body raises in Node's fetch, so a broken recording fails as the live one did. */
function connectionBroke(): TypeError {
  return new TypeError('terminated', { cause: new Error('The recorded stream broke here.') });
}

/**
 * The body of a replayed streamed answer: each recorded event as its own chunk, as fast as the reader
 * takes them (the timing is compressed), then the end the recording had: closed, or broken. An abort
 * of `signal` fails the body as an aborted fetch does.
 */
export function replayEventStream(
  stream: RecordedStream,
  signal: AbortSignal | null | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  let onAbort: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        try {
          controller.error(signal?.reason);
        } catch {
          // Already closed: nothing left to fail.
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    },
    pull(controller) {
      const event = stream.events[next];
      next += 1;
      if (event !== undefined) {
        controller.enqueue(encoder.encode(formatServerSentEvent(event)));
        return;
      }
      if (onAbort) {
        signal?.removeEventListener('abort', onAbort);
      }
      if (stream.ending === 'broken') {
        controller.error(connectionBroke());
        return;
      }
      controller.close();
    },
    cancel() {
      if (onAbort) {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  });
}
