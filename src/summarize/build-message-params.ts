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

type SummaryOutputFormat = ReturnType<typeof createOutputFormat<ReturnType<typeof createModelOutputSchema>>>;

// Building the Zod schema and converting it to JSON Schema is the costliest step of a request's own work
// (bench/): it is built once per prompt version and limits, and shared (it is never mutated).
const MAX_OUTPUT_FORMATS_PER_PROMPT = 64;
const outputFormats = new WeakMap<PromptVersion, Map<string, SummaryOutputFormat>>();

/** The output format (JSON schema sent, parse kept) of a prompt version under these limits. */
export function createSummaryOutputFormat(prompt: PromptVersion, limits: SummaryLimits): SummaryOutputFormat {
  let formats = outputFormats.get(prompt);
  if (formats === undefined) {
    formats = new Map();
    outputFormats.set(prompt, formats);
  }
  const key = JSON.stringify(limits);
  let format = formats.get(key);
  if (format === undefined) {
    format = createOutputFormat(createModelOutputSchema(limits, { evidence: prompt.evidence }));
    // Requests choose their limits: a bounded memo, restarted when full.
    if (formats.size >= MAX_OUTPUT_FORMATS_PER_PROMPT) formats.clear();
    formats.set(key, format);
  }
  return format;
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
