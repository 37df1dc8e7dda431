import { createEvidenceVerifier } from '../checks/index.js';
import type { ApiKey } from '../keys/keyring.js';
import type { CostEstimator } from '../llm/create-cost-estimator.js';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import type { SpendControl } from '../usage/create-spend-control.js';
import { estimateMaxCostUsd } from '../usage/estimate-max-cost-usd.js';
import type { AnswerEvent, SummarizeEvent, SummarizeResult, Summarizer } from './create-summarizer.js';
import type { PreparedArticle } from './prepare-article.js';
import { type PresentedLanguageSummary, presentSummaries } from './present-summaries.js';
import type { SummaryLimits } from './summary-schema.js';

/**
 * What a caller of the pipeline may observe, in order: the prompt it resolved, each model call and
 * repair as it starts (none for a cached answer), and the summarizer's result before it is judged.
 */
export type PipelineEvent =
  | { type: 'prompt'; prompt: PromptVersion }
  | SummarizeEvent
  | { type: 'result'; result: SummarizeResult };

export interface SummarizeArticleDependencies {
  summarizer: Summarizer;
  costEstimator: CostEstimator;
  /** Budgets and usage per key; absent (tools, eval): nothing is booked. */
  spendControl?: SpendControl | undefined;
}

export interface SummarizeArticleInput {
  article: PreparedArticle;
  promptVersion: string;
  limits: SummaryLimits;
  signal?: AbortSignal | undefined;
  /** Epoch ms: upstream retries that would wait past it are skipped. */
  deadlineAt?: number | undefined;
  onEvent?: ((event: PipelineEvent) => void) | undefined;
  /** Streams the model calls and reports each answer as it is written (see `SummarizeInput.onAnswer`). */
  onAnswer?: ((event: AnswerEvent) => void) | undefined;
  /** The caller: admitted against its budget before the model call, and booked after it. */
  key?: ApiKey | undefined;
  /** Who may share a cached answer (a key id); undefined: every caller. */
  cacheScope?: string | undefined;
}

export interface SummarizedArticle {
  result: SummarizeResult;
  /** The output as clients see it: evidence, where asked for, verified against the article. */
  summaries: { en: PresentedLanguageSummary; de: PresentedLanguageSummary };
  /** USD at list prices; 0 when cached, null for a model without a price. */
  costUsd: number | null;
}

/** Resolves the prompt without doing any work: an unknown version is refused before a model call. */
export function resolveArticlePrompt(
  dependencies: SummarizeArticleDependencies,
  promptVersion: string,
  onEvent?: (event: PipelineEvent) => void,
): PromptVersion {
  const prompt = dependencies.summarizer.resolvePrompt(promptVersion);
  onEvent?.({ type: 'prompt', prompt });
  return prompt;
}

/** Summarizes a prepared article (repairs and checks included), presents the output and prices it. */
export async function summarizeArticle(
  dependencies: SummarizeArticleDependencies,
  input: SummarizeArticleInput,
): Promise<SummarizedArticle> {
  const { article, onEvent, key } = input;
  const { spendControl, costEstimator } = dependencies;
  const admission =
    spendControl && key
      ? await spendControl.admit(
          key,
          key.monthlyBudgetUsd === undefined
            ? null
            : estimateMaxCostUsd(
                dependencies.summarizer.resolvePrompt(input.promptVersion),
                { text: article.text, title: article.title, limits: input.limits },
                costEstimator,
              ),
        )
      : undefined;
  let cached = false;
  let result: SummarizeResult;
  try {
    result = await dependencies.summarizer.summarize({
      text: article.text,
      title: article.title,
      promptVersion: input.promptVersion,
      limits: input.limits,
      signal: input.signal,
      deadlineAt: input.deadlineAt,
      onEvent,
      onAnswer: input.onAnswer,
      cacheScope: input.cacheScope,
      onModelCall: admission?.record,
    });
    cached = result.cached;
  } finally {
    // Failed requests are booked too: their model calls were billed.
    await admission?.settle({ cached });
  }
  onEvent?.({ type: 'result', result });
  return {
    result,
    summaries: presentSummaries(result.output, createEvidenceVerifier(article.text)),
    costUsd: costEstimator.estimate(result.model, result.usage),
  };
}
