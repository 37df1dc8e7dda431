import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Batches } from '../../batches/create-batches.js';
import type { BatchItemOutcome } from '../../batches/read-batch-item.js';
import type { Config } from '../../config/env.js';
import { ServiceUnavailableError, ValidationError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import { toProblemDocument } from '../../http/problem-response.js';
import type { CostEstimator } from '../../llm/create-cost-estimator.js';
import { addUsage, NO_USAGE, type TokenUsage } from '../../llm/token-usage.js';
import type { PromptVersion } from '../../prompts/prompt-registry.js';
import { presentSummaries } from '../../summarize/present-summaries.js';
import type { SpendControl } from '../../usage/create-spend-control.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import type { createBatchRoute, readBatchRoute } from './batches.routes.js';
import { BATCHES_PATH } from './batches.routes.js';
import type { BatchCreatedResponse, BatchItem, BatchResponse } from './batches.schemas.js';
import { readBatchArticles } from './read-batch-articles.js';

export interface BatchHandlerDependencies {
  config: Config;
  batches: Batches;
  /** Throws UnknownPromptVersionError (422) for a version that does not exist. */
  resolvePrompt: (version: string) => PromptVersion;
  costEstimator: CostEstimator;
  /** Refuses a batch from a key over its budget; books a batch's results when first read. */
  spendControl?: SpendControl | undefined;
  /** The HTML bodies of ninjs items are read, and languages that are not clearly German named, off the event loop. */
  cpuTasks: Pick<CpuTasks, 'htmlToArticleText' | 'nameLanguage'>;
}

/** Replay answers from recordings of single calls, and record mode writes only those: batches need the API. */
function requireLiveMode(mode: Config['mode']): void {
  if (mode !== 'live') {
    throw new ServiceUnavailableError(
      'batches-need-live-mode',
      `Batches need live mode; this instance runs in ${mode} mode, which has recordings of single calls only. Set ANTHROPIC_API_KEY to submit batches, or summarize articles one at a time through POST /v1/summaries.`,
    );
  }
}

function promptOf(prompt: PromptVersion) {
  return { name: prompt.name, version: prompt.version, sha256: prompt.sha256 };
}

export function createBatchHandler(
  dependencies: BatchHandlerDependencies,
): RouteHandler<typeof createBatchRoute, AppEnv> {
  const { config, batches } = dependencies;
  return async function createBatch(context) {
    requireLiveMode(config.mode);
    const request = context.req.valid('json');
    const prompt = dependencies.resolvePrompt(request.prompt_version ?? config.defaultPromptVersion);
    if (prompt.evidence) {
      throw new ValidationError(
        `Prompt version ${prompt.version} asks for evidence, which Brief verifies against the article text; a batch's results arrive without it. Use a version without evidence, or POST /v1/summaries.`,
        [{ pointer: '/prompt_version', detail: 'must be a prompt version without evidence' }],
      );
    }
    const articles = await readBatchArticles(request, {
      limits: config.limits,
      cpuTasks: dependencies.cpuTasks,
      signal: context.req.raw.signal,
    });
    context.set('promptVersion', prompt.version);
    // One rate-limit point per article, as if each were summarized alone.
    await context.get('chargeRateLimit')?.(articles.length);
    // A batch is priced when its results are read: a key is refused only once nothing is left.
    await dependencies.spendControl?.assertWithinBudget(callerKey(context));

    const { batchId, upstream } = await batches.submit({
      articles,
      prompt,
      options: request.options,
      keyId: callerKey(context).id,
      signal: context.req.raw.signal,
    });
    const response: BatchCreatedResponse = {
      batch_id: batchId,
      status: upstream.processing_status,
      article_count: articles.length,
      prompt: promptOf(prompt),
      created_at: upstream.created_at,
      expires_at: upstream.expires_at,
    };
    context.header('location', `${BATCHES_PATH}/${batchId}`);
    return context.json(response, 202);
  };
}

export function createReadBatchHandler(
  dependencies: BatchHandlerDependencies,
): RouteHandler<typeof readBatchRoute, AppEnv> {
  const { config, batches, costEstimator } = dependencies;
  return async function readBatch(context) {
    requireLiveMode(config.mode);
    const { id } = context.req.valid('param');
    const state = await batches.read(id, callerKey(context).id, context.req.raw.signal);
    const prompt = promptOf(state.prompt);
    context.set('promptVersion', state.prompt.version);

    const metaOf = (message: Message) => {
      const usage = addUsage(NO_USAGE, message.usage);
      return {
        prompt,
        model: message.model,
        mode: 'live' as const,
        service_tier: 'batch' as const,
        usage,
        cost_usd: costEstimator.estimate(message.model, usage, { batch: true }),
      };
    };
    const present = (outcome: BatchItemOutcome): BatchItem => {
      const position = { index: outcome.index, article_id: outcome.articleId, custom_id: outcome.customId };
      if (outcome.status === 'succeeded') {
        return {
          ...position,
          status: 'succeeded',
          // Batches never use evidence prompts, so there is no evidence to verify.
          summaries: presentSummaries(outcome.output, () => false),
          meta: metaOf(outcome.message),
        };
      }
      return {
        ...position,
        status: 'failed',
        error: toProblemDocument(outcome.error, context.get('requestId')),
        meta: outcome.message === undefined ? null : metaOf(outcome.message),
      };
    };

    const items = state.items?.map(present) ?? null;
    const { upstream, reference } = state;
    const results = items === null ? null : summarizeResults(items);
    if (results !== null) {
      await dependencies.spendControl?.bookOnce(`batch:${upstream.id}`, callerKey(context).id, {
        requests: items?.filter((item) => item.meta !== null).length ?? 0,
        cached: 0,
        ...results.usage,
        cost_usd: results.cost_usd ?? 0,
      });
    }
    const response: BatchResponse = {
      batch_id: id,
      status: upstream.processing_status,
      article_count: reference.articleCount,
      prompt,
      request_counts: upstream.request_counts,
      created_at: upstream.created_at,
      ended_at: upstream.ended_at,
      expires_at: upstream.expires_at,
      results,
    };
    return context.json(response, 200);
  };
}

/** Totals over every item that was billed (succeeded or not). */
function summarizeResults(items: BatchItem[]): NonNullable<BatchResponse['results']> {
  let usage: TokenUsage = NO_USAGE;
  let cost: number | null = 0;
  for (const item of items) {
    if (!item.meta) {
      continue;
    }
    usage = addUsage(usage, item.meta.usage);
    cost = cost === null || item.meta.cost_usd === null ? null : cost + item.meta.cost_usd;
  }
  const succeeded = items.filter((item) => item.status === 'succeeded').length;
  return {
    succeeded,
    failed: items.length - succeeded,
    usage,
    cost_usd: cost === null ? null : Number(cost.toFixed(6)),
    items,
  };
}
