import type { Message, MessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { RecordedStreamEvent } from './cassette.js';

export interface StreamChunking {
  /** About how many tokens one delta carries (the API sends a few at a time). Default 3. */
  tokensPerDelta?: number;
}

const DEFAULT_TOKENS_PER_DELTA = 3;
// Roughly the model's tokens: a short run of letters or digits with its leading space, or one other character.
const TOKEN_PATTERN = /\s?[\p{L}\p{N}]{1,6}|\s+|[^\s\p{L}\p{N}]/gu;

/** Splits text into deltas of about `tokensPerDelta` tokens; joined again they are the text. */
export function chunkText(text: string, tokensPerDelta = DEFAULT_TOKENS_PER_DELTA): string[] {
  const tokens = text.match(TOKEN_PATTERN) ?? [];
  const chunks: string[] = [];
  for (let start = 0; start < tokens.length; start += tokensPerDelta) {
    chunks.push(tokens.slice(start, start + tokensPerDelta).join(''));
  }
  return chunks;
}

function event(data: MessageStreamEvent | { type: 'ping' }): RecordedStreamEvent {
  return { event: data.type, data };
}

/**
 * The server-sent events with which the Messages API streams `message`: `message_start` (no content,
 * the input usage), a `ping`, each content block as start, deltas and stop, then `message_delta` (stop
 * reason, output usage) and `message_stop`. The SDK accumulates them back into `message`.
 */
export function messageToStreamEvents(
  message: Message,
  chunking: StreamChunking = {},
): RecordedStreamEvent[] {
  const tokensPerDelta = chunking.tokensPerDelta ?? DEFAULT_TOKENS_PER_DELTA;
  const events: RecordedStreamEvent[] = [
    event({
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: { ...message.usage, output_tokens: 1 },
      },
    }),
    event({ type: 'ping' }),
  ];
  message.content.forEach((block, index) => {
    switch (block.type) {
      case 'text':
        events.push(event({ type: 'content_block_start', index, content_block: { ...block, text: '' } }));
        for (const text of chunkText(block.text, tokensPerDelta)) {
          events.push(event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }));
        }
        break;
      case 'thinking':
        events.push(
          event({
            type: 'content_block_start',
            index,
            content_block: { ...block, thinking: '', signature: '' },
          }),
        );
        for (const thinking of chunkText(block.thinking, tokensPerDelta)) {
          events.push(
            event({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } }),
          );
        }
        events.push(
          event({
            type: 'content_block_delta',
            index,
            delta: { type: 'signature_delta', signature: block.signature },
          }),
        );
        break;
      default:
        throw new TypeError(`Streaming a ${block.type} block is not supported here.`);
    }
    events.push(event({ type: 'content_block_stop', index }));
  });
  events.push(
    event({
      type: 'message_delta',
      delta: {
        stop_reason: message.stop_reason,
        stop_sequence: message.stop_sequence,
        stop_details: message.stop_details,
        container: message.container,
      },
      usage: {
        input_tokens: message.usage.input_tokens,
        output_tokens: message.usage.output_tokens,
        cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
        cache_read_input_tokens: message.usage.cache_read_input_tokens,
        server_tool_use: message.usage.server_tool_use,
        output_tokens_details: message.usage.output_tokens_details,
      },
    }),
    event({ type: 'message_stop' }),
  );
  return events;
}
