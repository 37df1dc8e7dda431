import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { ErrorObject } from '@anthropic-ai/sdk/resources/shared';
import type { RecordedStreamEvent } from '../../../src/llm/cassette.js';
import { formatServerSentEvent } from '../../../src/llm/format-server-sent-event.js';
import { messageToStreamEvents } from '../../../src/llm/message-to-stream-events.js';
import { createErrorBody } from './message-body.js';

/** How fast a streamed answer comes: a wait before the first token, then a steady rate. */
export interface StreamPacing {
  /** Milliseconds between `message_start` and the first content delta. */
  firstTokenDelayMs: number;
  /** Tokens per second after the first; 0 or Infinity: no wait between deltas. */
  tokensPerSecond: number;
}

/**
 * How the stream ends: in full, with the connection reset after N events, or with an `error` event
 * after N events (N by default half the events, mid-answer).
 */
export type StreamEnding =
  | { kind: 'complete' }
  | { kind: 'reset'; afterEvents?: number | undefined }
  | { kind: 'error'; afterEvents?: number | undefined; error: ErrorObject };

const CHARACTERS_PER_TOKEN = 4;

function tokensIn(event: RecordedStreamEvent): number {
  const data = event.data as { type?: string; delta?: { text?: string; thinking?: string } };
  if (data.type !== 'content_block_delta') {
    return 0;
  }
  const text = data.delta?.text ?? data.delta?.thinking ?? '';
  return Math.max(1, Math.round(text.length / CHARACTERS_PER_TOKEN));
}

function write(response: ServerResponse, chunk: string): Promise<void> {
  return new Promise((resolve) => {
    response.write(chunk, () => resolve());
  });
}

/**
 * Writes `message` as the Messages API streams it (`text/event-stream`), paced like a model, and ends
 * it as `ending` says. Stops as soon as `signal` aborts (the client went away). Resolves with the
 * number of events written.
 */
export async function writeEventStream(
  response: ServerResponse,
  message: Message,
  options: {
    pacing: StreamPacing;
    ending: StreamEnding;
    headers: Record<string, string>;
    signal: AbortSignal;
    /** Called after each event is written. */
    onEvent: () => void;
    /** Called before the connection is reset on purpose. */
    onReset: () => void;
  },
): Promise<number> {
  const { pacing, ending, signal } = options;
  const events = messageToStreamEvents(message);
  response.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
  const stopAfter =
    ending.kind === 'complete' ? events.length : (ending.afterEvents ?? Math.floor(events.length / 2));
  let written = 0;
  // Deltas are due on a schedule from the first token, so waits that overrun do not add up.
  let firstTokenDue: number | undefined;
  let tokensSent = 0;
  const paced = pacing.tokensPerSecond > 0 && Number.isFinite(pacing.tokensPerSecond);
  for (const event of events) {
    if (signal.aborted) {
      return written;
    }
    if (written >= stopAfter) {
      break;
    }
    const tokens = tokensIn(event);
    if (tokens > 0) {
      firstTokenDue ??= performance.now() + pacing.firstTokenDelayMs;
      const due = firstTokenDue + (paced ? (tokensSent / pacing.tokensPerSecond) * 1000 : 0);
      tokensSent += tokens;
      const waitMs = due - performance.now();
      if (waitMs > 0) {
        await sleep(waitMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) {
          return written;
        }
      }
    }
    await write(response, formatServerSentEvent(event));
    written += 1;
    options.onEvent();
  }
  if (ending.kind === 'reset') {
    options.onReset();
    response.socket?.destroy();
    return written;
  }
  if (ending.kind === 'error') {
    const data = createErrorBody(ending.error, options.headers['request-id'] ?? null);
    await write(response, formatServerSentEvent({ event: 'error', data }));
  }
  response.end();
  return written;
}
