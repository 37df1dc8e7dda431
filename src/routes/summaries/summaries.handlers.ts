import type { RouteHandler } from '@hono/zod-openapi';
import { createEvidenceVerifier } from '../../checks/index.js';
import type { Config } from '../../config/env.js';
import { ModelOutputError, UnsupportedLanguageError } from '../../errors/brief-error.js';

const SOURCE_LANGUAGE = 'de';

import type { AppEnv } from '../../http/app-env.js';
import { runWithDeadline } from '../../http/run-with-deadline.js';
import type { CostEstimator } from '../../llm/create-cost-estimator.js';
import { buildNinjsAnswer } from '../../ninjs/build-ninjs-answer.js';
import { TRAINED_ALGORITHMIC_MEDIA } from '../../ninjs/digital-source-type.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { wantsNinjs } from '../../ninjs/wants-ninjs.js';
import { checkTextLength } from '../../summarize/check-text-length.js';
import type { Summarizer } from '../../summarize/create-summarizer.js';
import { detectSourceLanguage } from '../../summarize/detect-source-language.js';
import { limitsFromOptions } from '../../summarize/limits-from-options.js';
import { normalizeArticle } from '../../summarize/normalize-article.js';
import { presentSummaries } from '../../summarize/present-summaries.js';
import { readArticleRequest } from './read-article-request.js';
import type { createSummaryRoute } from './summaries.routes.js';
import type { SummaryRequest, SummaryResponse } from './summaries.schemas.js';

export interface SummaryHandlerDependencies {
  config: Config;
  summarizer: Summarizer;
  costEstimator: CostEstimator;
}

/** Brief summarizes German articles; anything else is refused before it costs a model call. */
function checkSourceLanguage(text: string): void {
  const detected = detectSourceLanguage(text);
  if (detected.language !== SOURCE_LANGUAGE && detected.reliable) {
    throw new UnsupportedLanguageError(
      `Brief summarizes German articles; this text reads as "${detected.language}".`,
      { extensions: { detected_language: detected.language, expected_language: SOURCE_LANGUAGE } },
    );
  }
}

export function createSummaryHandler(
  dependencies: SummaryHandlerDependencies,
): RouteHandler<typeof createSummaryRoute, AppEnv> {
  const { config, summarizer, costEstimator } = dependencies;
  return async function createSummary(context) {
    // The route documents text/plain and ninjs too, so no JSON type is inferred; only JSON is validated.
    const request = await readArticleRequest(
      context,
      context.req.valid('json' as never) as SummaryRequest | undefined,
    );
    const text = normalizeArticle(request.lead ? `${request.lead}\n\n${request.text}` : request.text);
    checkTextLength(text, config.limits);
    checkSourceLanguage(text);
    const prompt = summarizer.resolvePrompt(request.prompt_version ?? config.defaultPromptVersion);
    const title = request.title === undefined ? undefined : normalizeArticle(request.title) || undefined;
    const limits = limitsFromOptions(request.options);
    context.set('promptVersion', prompt.version);

    const result = await runWithDeadline(
      context.req.raw.signal,
      config.upstream.requestDeadlineMs,
      (signal, deadlineAt) =>
        summarizer.summarize({ text, title, promptVersion: prompt.version, limits, signal, deadlineAt }),
    );
    context.set('summary', { model: result.model, attempts: result.attempts, usage: result.usage });
    if ((request.strict ?? config.strictChecks) && !result.checks.passed) {
      throw new ModelOutputError(
        'checks-failed',
        `Strict mode: the summary failed ${result.checks.failures.length} fact check(s) even after a repair re-ask.`,
        { extensions: { checks: result.checks, attempts: result.attempts } },
      );
    }

    const response: SummaryResponse = {
      article_id: request.article_id ?? null,
      summaries: presentSummaries(result.output, createEvidenceVerifier(text)),
      checks: result.checks,
      meta: {
        prompt: { name: result.prompt.name, version: result.prompt.version, sha256: result.prompt.sha256 },
        model: result.model,
        mode: config.mode,
        attempts: result.attempts,
        cached: result.cached,
        usage: result.usage,
        cost_usd: costEstimator.estimate(result.model, result.usage),
        request_id: context.get('requestId'),
        digital_source_type: TRAINED_ALGORITHMIC_MEDIA,
      },
    };
    if (config.logContent) {
      // Switched on explicitly (BRIEF_LOG_CONTENT): embargoed text ends up in the logs.
      context.get('logger').info({ article: text, title, summaries: response.summaries }, 'content');
    }
    if (wantsNinjs(context.req.header('accept'), context.req.query('format'))) {
      const answer = buildNinjsAnswer({
        source: context.get('ninjs'),
        summaries: response.summaries,
        articleId: response.article_id,
        requestId: response.meta.request_id,
        model: response.meta.model,
        prompt: response.meta.prompt,
        aiInfo: config.ninjsAiInfo,
      });
      return context.json(answer as { uri: string }, 200, { 'Content-Type': NINJS_MEDIA_TYPE });
    }
    return context.json(response, 200);
  };
}
