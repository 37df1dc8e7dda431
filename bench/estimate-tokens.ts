import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { estimateCostUsd } from '../src/llm/estimate-cost-usd.js';
import { findModelPrice } from '../src/llm/model-prices.js';
import type { PromptVersion } from '../src/prompts/prompt-registry.js';
import { renderPrompt } from '../src/prompts/render-prompt.js';
import { createSummaryOutputFormat } from '../src/summarize/build-message-params.js';
import { normalizeArticle } from '../src/summarize/normalize-article.js';
import { DEFAULT_LIMITS } from '../src/summarize/summary-schema.js';
import type { CorpusArticle } from './read-corpus.js';
import { mean, median, round } from './statistics.js';

/**
 * Claude's tokenizer is not published and this machine has no network, so tokens are estimated
 * from characters. English instructions, markup and JSON: about 3.5 characters per token
 * (Anthropic's rule of thumb). German prose: about 3.0 (an assumption: long compounds and
 * umlauts split into more tokens than English words). Expect ±20%; the exact figure for a request
 * is `usage.input_tokens` in a live answer, or `client.messages.countTokens` with a key.
 */
export const ENGLISH_CHARS_PER_TOKEN = 3.5;
export const GERMAN_CHARS_PER_TOKEN = 3.0;
const ARTICLES_PER_ESTIMATE = 1_000;

const englishTokens = (text: string) => Math.ceil(text.length / ENGLISH_CHARS_PER_TOKEN);
const germanTokens = (text: string) => Math.ceil(text.length / GERMAN_CHARS_PER_TOKEN);

export interface TokenEstimate {
  model: string;
  promptVersion: string;
  method: string;
  /** The prompt rendered for an empty article: system, user template, tags. */
  promptChars: number;
  promptTokens: number;
  /** The output JSON schema sent in `output_config.format` (structured outputs bill it as input). */
  schemaChars: number;
  schemaTokens: number;
  articles: number;
  articleTokensMedian: number;
  articleTokensMean: number;
  /** Estimated from the hand-written reference outputs in samples/authored/ for this prompt version. */
  outputTokensMean: number;
  costPer1000Articles: { single: number; batch: number } | null;
}

/** Output tokens of a first-rate answer: the authored outputs (English half and German half). */
function authoredOutputTokens(projectRoot: string, prompt: PromptVersion): number[] {
  const folder = path.join(projectRoot, 'samples', 'authored');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const outputs = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<
        string,
        { en: unknown; de: unknown } | undefined
      >;
      const output = outputs[`${prompt.name}@${prompt.version}`];
      if (output === undefined) return [];
      // The whole object as the model writes it; the German half at the German rate.
      const whole = JSON.stringify(output);
      const german = JSON.stringify(output.de);
      return [englishTokens(whole.slice(0, whole.length - german.length)) + germanTokens(german)];
    });
}

export function estimateTokens(
  projectRoot: string,
  prompt: PromptVersion,
  articles: readonly CorpusArticle[],
): TokenEstimate {
  const empty = renderPrompt(prompt, { article: '', limits: DEFAULT_LIMITS });
  const promptChars = empty.system.length + empty.user.length;
  const schema = JSON.stringify(createSummaryOutputFormat(prompt, DEFAULT_LIMITS).schema);
  const articleTokens = articles.map((article) => germanTokens(normalizeArticle(article.text)));
  const outputTokens = authoredOutputTokens(projectRoot, prompt);
  const fixed = englishTokens(empty.system) + englishTokens(empty.user) + englishTokens(schema);
  const price = findModelPrice(prompt.model);
  const perArticle = {
    input_tokens: Math.round(fixed + mean(articleTokens)),
    output_tokens: Math.round(mean(outputTokens)),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  return {
    model: prompt.model,
    promptVersion: prompt.version,
    method: `characters / ${ENGLISH_CHARS_PER_TOKEN} (English, markup, JSON) or / ${GERMAN_CHARS_PER_TOKEN} (German); no offline tokenizer for Claude`,
    promptChars,
    promptTokens: englishTokens(empty.system) + englishTokens(empty.user),
    schemaChars: schema.length,
    schemaTokens: englishTokens(schema),
    articles: articles.length,
    articleTokensMedian: median(articleTokens),
    articleTokensMean: round(mean(articleTokens), 0),
    outputTokensMean: perArticle.output_tokens,
    costPer1000Articles: price
      ? {
          single: round(estimateCostUsd(perArticle, price) * ARTICLES_PER_ESTIMATE, 2),
          batch: round(estimateCostUsd(perArticle, price, { batch: true }) * ARTICLES_PER_ESTIMATE, 2),
        }
      : null,
  };
}
