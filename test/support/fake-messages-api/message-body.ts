import type { ContentBlock, Message, StopReason } from '@anthropic-ai/sdk/resources/messages';
import type { ErrorObject, ErrorResponse } from '@anthropic-ai/sdk/resources/shared';
import { deriveSummary, type SummaryVariant } from './derive-summary.js';
import { findArticle, type MessagesRequestBody } from './find-article.js';
import { readOutputRequirements } from './read-output-requirements.js';

/** The faults that still answer 200 with a message: they differ only in the message. */
export type MessageOutcome = 'ok' | 'max_tokens' | 'refusal' | 'invalid_output' | 'wrong_language';

export interface MessageBodyOptions {
  id: string;
  /** Put a thinking block before the text block, as with extended thinking. */
  thinking: boolean;
  serviceTier: 'standard' | 'batch';
}

const CHARACTERS_PER_TOKEN = 4;
// Where a `max_tokens` answer stops, as a share of the full text.
const TRUNCATED_SHARE = 0.6;
const FALLBACK_MODEL = 'claude-sonnet-4-6';
export const REFUSAL_TEXT = 'I am not able to help with summarizing this article.';
const THINKING_TEXT = 'The article is German news; summarize it in English and German within the limits.';

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / CHARACTERS_PER_TOKEN));
}

/** The input tokens the fake bills (and counts against its hard limit) for a request. */
export function countInputTokens(body: { system?: unknown; messages?: unknown }): number {
  return estimateTokens(JSON.stringify([body.system ?? null, body.messages ?? null]));
}

const SUMMARY_VARIANTS: Record<Exclude<MessageOutcome, 'refusal'>, SummaryVariant> = {
  ok: 'valid',
  max_tokens: 'valid',
  invalid_output: 'invalid',
  wrong_language: 'wrong_language',
};

function textAndStop(body: MessagesRequestBody, outcome: MessageOutcome) {
  if (outcome === 'refusal') {
    return { text: REFUSAL_TEXT, stopReason: 'refusal' as StopReason };
  }
  const output = deriveSummary(findArticle(body), readOutputRequirements(body), SUMMARY_VARIANTS[outcome]);
  const text = JSON.stringify(output);
  if (outcome === 'max_tokens') {
    return {
      text: text.slice(0, Math.floor(text.length * TRUNCATED_SHARE)),
      stopReason: 'max_tokens' as StopReason,
    };
  }
  return { text, stopReason: 'end_turn' as StopReason };
}

/** A `Message` in the exact wire format of the Messages API, answering `body` with a derived summary. */
export function createMessageBody(
  body: MessagesRequestBody,
  outcome: MessageOutcome,
  options: MessageBodyOptions,
): Message {
  const { text, stopReason } = textAndStop(body, outcome);
  const content: ContentBlock[] = [];
  if (options.thinking) {
    content.push({ type: 'thinking', thinking: THINKING_TEXT, signature: `sig_fake_${options.id}` });
  }
  content.push({ type: 'text', text, citations: null });
  const outputTokens = estimateTokens(text) + (options.thinking ? estimateTokens(THINKING_TEXT) : 0);
  return {
    id: options.id,
    type: 'message',
    role: 'assistant',
    model: typeof body.model === 'string' ? body.model : FALLBACK_MODEL,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details:
      outcome === 'refusal'
        ? {
            type: 'refusal',
            category: null,
            explanation: 'The fake Messages API was told to refuse this request.',
          }
        : null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: countInputTokens(body),
      // A `max_tokens` stop spent the whole budget.
      output_tokens:
        outcome === 'max_tokens' && typeof body.max_tokens === 'number' ? body.max_tokens : outputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: null,
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: options.serviceTier,
      speed: null,
    },
  };
}

/** An Anthropic error body: `{ type: "error", error: { type, message }, request_id }`. */
export function createErrorBody(error: ErrorObject, requestId: string | null): ErrorResponse {
  return { type: 'error', error, request_id: requestId };
}
