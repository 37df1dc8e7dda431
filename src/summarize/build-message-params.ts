import type { MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { createOutputFormat } from './create-output-format.js';
import { createModelOutputSchema, type SummaryLimits } from './summary-schema.js';

export interface ArticleToSummarize {
  /** Normalised article text. */
  text: string;
  title?: string | undefined;
  limits: SummaryLimits;
}

/** The output format (JSON schema sent, parse kept) of a prompt version under these limits. */
export function createSummaryOutputFormat(prompt: PromptVersion, limits: SummaryLimits) {
  return createOutputFormat(createModelOutputSchema(limits, { evidence: prompt.evidence }));
}

/**
 * The Messages API parameters of the first call for one article. Single summaries and batch items
 * both build them here, so a batch item asks the model exactly what a single call asks.
 * `output_config.format` also carries the parse that reads the answer (a function: not sent).
 */
export function buildMessageParams(prompt: PromptVersion, article: ArticleToSummarize) {
  const format = createSummaryOutputFormat(prompt, article.limits);
  const rendered = renderPrompt(prompt, {
    article: article.text,
    title: article.title,
    limits: article.limits,
  });
  const messages: MessageParam[] = [{ role: 'user', content: rendered.user }];
  return {
    model: prompt.model,
    max_tokens: prompt.maxTokens,
    system: rendered.system,
    messages,
    output_config: { format },
  };
}

export type MessageParams = ReturnType<typeof buildMessageParams>;
