import Anthropic from '@anthropic-ai/sdk';
import type { MessageStreamParams } from '@anthropic-ai/sdk/resources/messages/messages';
import { JSONParser } from '@streamparser/json';
import { Allow, parse as parsePartialJson } from 'partial-json';
import { createPartialThrottle } from './create-partial-throttle.js';

/** A JSON value as far as the model has written it. */
export type PartialJson = null | boolean | number | string | PartialJson[] | { [key: string]: PartialJson };

export interface PartialAnswer {
  /**
   * The answer parsed so far: complete keys and array items, the string being written cut where it
   * stands; numbers and literals appear only once complete. Each partial extends the one before.
   */
  output: PartialJson;
  /** The answer's text so far. */
  text: string;
  /** How many JSON values (strings, array items, objects, at every depth) are complete. */
  completedFields: number;
}

type StreamRequestOptions = NonNullable<Parameters<Anthropic['messages']['stream']>[1]>;

export interface StreamModelAnswerOptions {
  signal?: AbortSignal | undefined;
  /** Called with the answer so far: at most once per `partialIntervalMs`, and always when a field completes. */
  onPartial?: ((partial: PartialAnswer) => void) | undefined;
  /** Called once the model has accepted the call and starts its answer (`message_start`), with the model that answers. */
  onStart?: ((start: { model: string }) => void) | undefined;
  /** Default 50. */
  partialIntervalMs?: number | undefined;
  /** More request options for the SDK (e.g. middleware); the signal is `signal` above. */
  requestOptions?: Omit<StreamRequestOptions, 'signal'> | undefined;
  now?: (() => number) | undefined;
}

/** Strings, arrays and objects may be cut; a number or literal is shown only once complete, so partials only grow. */
const PARTIAL_KINDS = Allow.STR | Allow.ARR | Allow.OBJ;

/** The stream broke off or ended before `message_stop`: a connection failure, as the SDK names them. */
export class StreamInterruptedError extends Anthropic.APIConnectionError {
  constructor(cause: Error) {
    super({
      message: `The model API's stream ended before the message was complete: ${cause.message}`,
      cause,
    });
    this.name = 'StreamInterruptedError';
  }
}

function toStreamError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (
    signal?.aborted ||
    error instanceof Anthropic.APIError ||
    !(error instanceof Anthropic.AnthropicError)
  ) {
    return error;
  }
  // A reset mid-body ("terminated") or a stream closed without `message_stop`: the SDK reports
  // both as a bare AnthropicError.
  return new StreamInterruptedError(error);
}

/**
 * One model call through the SDK's streaming API (`messages.stream`), with the same parameters as
 * `messages.parse` (`output_config.format` included). It reports the answer as it grows through
 * `onPartial` and resolves to the final message: `parsed_output` set by the format's parse, usage
 * as the stream's final `message_delta` reported it, so the usual validation can run on it.
 * Upstream errors reject with the SDK's typed errors: an `error` event (e.g. `overloaded_error`) as
 * an `APIError` with that `type`, an abort as `APIUserAbortError`, a stream that broke or ended early
 * as `StreamInterruptedError` (an `APIConnectionError`).
 */
export async function streamModelAnswer<Params extends MessageStreamParams>(
  client: Anthropic,
  params: Params,
  options: StreamModelAnswerOptions = {},
) {
  const { signal, onPartial } = options;
  const stream = client.messages.stream(params, { ...options.requestOptions, signal });

  // Only the first text block is the answer; thinking blocks come before it.
  let answerIndex: number | undefined;
  let text = '';
  let completedFields = 0;
  let readable = true;
  const fields = new JSONParser({ keepStack: false });
  fields.onValue = () => {
    completedFields += 1;
  };
  fields.onError = () => {
    // Not JSON (a refusal, say): the final validation reports it; no more partials.
    readable = false;
  };
  let emittedLength = -1;
  const throttle = createPartialThrottle(
    () => {
      if (!onPartial || text.length === emittedLength) {
        return;
      }
      let output: PartialJson;
      try {
        output = parsePartialJson(text, PARTIAL_KINDS) as PartialJson;
      } catch {
        return;
      }
      emittedLength = text.length;
      onPartial({ output, text, completedFields });
    },
    { intervalMs: options.partialIntervalMs, now: options.now },
  );

  if (options.onStart) {
    const { onStart } = options;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') {
        onStart({ model: event.message.model });
      }
    });
  }
  if (onPartial) {
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_start' && event.content_block.type === 'text') {
        answerIndex ??= event.index;
        return;
      }
      if (
        event.type !== 'content_block_delta' ||
        event.index !== answerIndex ||
        event.delta.type !== 'text_delta' ||
        !readable
      ) {
        return;
      }
      text += event.delta.text;
      const before = completedFields;
      if (!fields.isEnded) {
        fields.write(event.delta.text);
      }
      throttle.update(completedFields > before);
    });
  }

  try {
    const message = await stream.finalMessage();
    // An answer cut short (max_tokens) completes no last field: its last growth may still be held back.
    throttle.flush();
    return message;
  } catch (error) {
    throttle.cancel();
    throw toStreamError(error, signal);
  }
}
