import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { ModelOutputError } from '../errors/brief-error.js';
import type { ApiKey } from '../keys/keyring.js';
import { TRAINED_ALGORITHMIC_MEDIA } from '../ninjs/digital-source-type.js';
import { inSpan } from '../telemetry/in-span.js';
import type { CpuTasks } from '../workers/cpu-tasks.js';
import { limitsFromOptions } from './limits-from-options.js';
import { prepareArticle } from './prepare-article.js';
import { runWithDeadline } from './run-with-deadline.js';
import {
  type PipelineEvent,
  resolveArticlePrompt,
  type SummarizeArticleDependencies,
  type SummarizeArticleInput,
  summarizeArticle,
} from './summarize-article.js';
import type { SummaryRequest, SummaryResponse } from './summary-api-schemas.js';

export interface AnswerSummaryRequestDependencies extends SummarizeArticleDependencies {
  config: Pick<
    Config,
    'limits' | 'defaultPromptVersion' | 'strictChecks' | 'mode' | 'logContent' | 'upstream' | 'cache'
  >;
  /** Names the language of an article that is not clearly German (eld, off the event loop). */
  cpuTasks: Pick<CpuTasks, 'nameLanguage'>;
}

export interface AnswerSummaryRequestOptions {
  requestId: string;
  /** The client's signal: its disconnect stops the work. */
  signal?: AbortSignal | undefined;
  /** Where the article and its summaries go when BRIEF_LOG_CONTENT is on. */
  logger?: Logger | undefined;
  onEvent?: ((event: PipelineEvent) => void) | undefined;
  /** Streams the model calls and reports each answer as it is written (the SSE response). */
  onAnswer?: SummarizeArticleInput['onAnswer'];
  /** The caller's key: its budget, its usage and (with BRIEF_CACHE_SCOPE=key) its own cache. */
  key?: ApiKey | undefined;
}

/**
 * One summary request from start to answer: prepare the article, resolve the prompt, summarize
 * within the deadline, refuse a failed summary in strict mode, and build the response.
 */
export async function answerSummaryRequest(
  dependencies: AnswerSummaryRequestDependencies,
  request: SummaryRequest,
  options: AnswerSummaryRequestOptions,
): Promise<SummaryResponse> {
  const { config } = dependencies;
  const { onEvent } = options;
  const article = await inSpan('brief.prepare', {}, () =>
    prepareArticle(request, config.limits, (text) =>
      dependencies.cpuTasks.nameLanguage(text, options.signal),
    ),
  );
  const prompt = resolveArticlePrompt(
    dependencies,
    request.prompt_version ?? config.defaultPromptVersion,
    onEvent,
  );
  const { result, summaries, costUsd } = await runWithDeadline(
    options.signal,
    config.upstream.requestDeadlineMs,
    (signal, deadlineAt) =>
      summarizeArticle(dependencies, {
        article,
        promptVersion: prompt.version,
        limits: limitsFromOptions(request.options),
        signal,
        deadlineAt,
        onEvent,
        onAnswer: options.onAnswer,
        key: options.key,
        cacheScope: config.cache.scope === 'key' ? options.key?.id : undefined,
      }),
  );
  if ((request.strict ?? config.strictChecks) && !result.checks.passed) {
    throw new ModelOutputError(
      'checks-failed',
      `Strict mode: the summary failed ${result.checks.failures.length} fact check(s) even after a repair re-ask.`,
      { extensions: { checks: result.checks, attempts: result.attempts } },
    );
  }
  const response: SummaryResponse = {
    article_id: request.article_id ?? null,
    summaries,
    checks: result.checks,
    meta: {
      prompt: { name: result.prompt.name, version: result.prompt.version, sha256: result.prompt.sha256 },
      model: result.model,
      // Entries cached before fallbacks existed have no flag.
      fallback: result.fallback ?? false,
      mode: config.mode,
      attempts: result.attempts,
      cached: result.cached,
      usage: result.usage,
      cost_usd: costUsd,
      request_id: options.requestId,
      digital_source_type: TRAINED_ALGORITHMIC_MEDIA,
    },
  };
  if (config.logContent) {
    // Switched on explicitly (BRIEF_LOG_CONTENT): embargoed text ends up in the logs.
    options.logger?.info({ article: article.text, title: article.title, summaries }, 'content');
  }
  return response;
}
