import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';

/** Tokens as Brief reports them: the API's counts, with the optional cache counts as 0. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export const NO_USAGE: TokenUsage = {
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

/** `total` plus one more usage: a message's (whose cache counts may be null) or a reported one. */
export function addUsage(total: TokenUsage, usage: Message['usage'] | TokenUsage): TokenUsage {
  return {
    input_tokens: total.input_tokens + usage.input_tokens,
    output_tokens: total.output_tokens + usage.output_tokens,
    cache_creation_input_tokens: total.cache_creation_input_tokens + (usage.cache_creation_input_tokens ?? 0),
    cache_read_input_tokens: total.cache_read_input_tokens + (usage.cache_read_input_tokens ?? 0),
  };
}
