import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { ModelOutputError } from '../errors/brief-error.js';
import type { ParsedOutput } from './create-output-format.js';
import type { ModelOutput } from './summary-schema.js';

/** The text block that carries the answer; a response may begin with `thinking` blocks. */
function answerText(message: Message): string | undefined {
  for (const block of message.content) {
    if (block.type === 'text') {
      return block.text;
    }
  }
  return undefined;
}

/**
 * What a model message amounts to: an error when it stopped in a way that makes it unusable
 * (refusal, cut off), else its output parsed and validated. Single calls and batch items alike.
 */
export function readModelAnswer(
  message: Message,
  parse: (text: string) => ParsedOutput<ModelOutput>,
  extensions: Record<string, unknown> = {},
): ModelOutputError | ParsedOutput<ModelOutput> {
  const meta = { ...extensions, stop_reason: message.stop_reason };
  if (message.stop_reason === 'refusal') {
    return new ModelOutputError('model-refused', 'The model declined to summarize this article.', {
      extensions: meta,
    });
  }
  if (message.stop_reason === 'max_tokens' || message.stop_reason === 'model_context_window_exceeded') {
    return new ModelOutputError(
      'model-output-truncated',
      `The model's answer was cut off (${message.stop_reason}) before the summary was complete.`,
      { extensions: meta },
    );
  }
  const text = answerText(message);
  if (text === undefined) {
    return {
      success: false,
      kind: 'schema',
      issues: [{ path: '', message: 'No text in the answer.' }],
      text: '',
    };
  }
  // messages.parse has already run the output format's parse on the text block.
  const parsed = (message as Message & { parsed_output?: ParsedOutput<ModelOutput> | null }).parsed_output;
  return parsed ?? parse(text);
}
