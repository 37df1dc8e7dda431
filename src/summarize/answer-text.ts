import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';

/** The text block that carries the answer; a response may begin with `thinking` blocks. */
export function answerText(message: Message): string | undefined {
  for (const block of message.content) {
    if (block.type === 'text') {
      return block.text;
    }
  }
  return undefined;
}
