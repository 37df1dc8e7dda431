import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createApp } from './app.js';
import { createBatches } from './batches/create-batches.js';
import { createBatchIdSigner } from './batches/sign-batch-id.js';
import { createCachingSummarizer } from './cache/create-caching-summarizer.js';
import { createMemoryCacheStore } from './cache/create-memory-cache-store.js';
import { createRedisCacheStore } from './cache/create-redis-cache-store.js';
import { createRedisClient } from './cache/create-redis-client.js';
import { type Config, PROJECT_ROOT } from './config/env.js';
import { createLifecycle, type Lifecycle } from './http/lifecycle.js';
import type { ReadinessCheck } from './http/readiness-check.js';
import type { ApiKey } from './keys/keyring.js';
import { loadKeyring } from './keys/load-keyring.js';
import { createConfiguredBudget } from './llm/budget/create-configured-budget.js';
import type { CanonicalRequest } from './llm/cassette.js';
import { createCassetteStore } from './llm/cassette-store.js';
import { createAnthropicClient } from './llm/create-anthropic-client.js';
import { createCostEstimator } from './llm/create-cost-estimator.js';
import { createMetrics } from './metrics/create-metrics.js';
import type { OperationExample } from './openapi/add-examples.js';
import { readPackageVersion } from './openapi/read-package-version.js';
import { readSeedExample } from './openapi/read-seed-example.js';
import { loadPromptRegistry } from './prompts/prompt-registry.js';
import { readSamples } from './samples/read-samples.js';
import { createSummarizer } from './summarize/create-summarizer.js';
import { createUpstreamLimiter } from './summarize/create-upstream-limiter.js';
import { createMemoryUsageLedger } from './usage/create-memory-usage-ledger.js';
import { createRedisUsageLedger } from './usage/create-redis-usage-ledger.js';
import { createSpendControl } from './usage/create-spend-control.js';
import type { CpuTasks } from './workers/cpu-tasks.js';
import { type CpuTaskPoolOptions, createCpuTaskPool } from './workers/create-cpu-task-pool.js';

export interface BriefOptions {
  logger: Logger;
  /** The network fetch for live and record mode (tests: a fake server's). */
  fetch?: typeof fetch;
  /** Extra cassette folders to replay from, after the configured one. */
  extraCassetteDirectories?: string[];
  lifecycle?: Lifecycle;
  /** A shared store for rate-limit counters (Redis); default: in memory. */
  rateLimiter?: RateLimiterAbstract;
  /** Record mode: names recordings after what is being recorded. */
  recordingName?: (request: CanonicalRequest) => string | undefined;
  /** The sample articles the playground offers; default: the project's `samples/`. */
  samplesDirectory?: string;
  /** Worker pool sizes and time limits for the CPU-heavy steps; default: CPU_TASK_POOL_DEFAULTS. */
  cpuTaskPool?: Partial<CpuTaskPoolOptions>;
  /** Where the CPU-heavy steps run; default: a worker pool with `cpuTaskPool`'s settings. Closed by close(). */
  cpuTasks?: CpuTasks;
}

/** What a client is told to wait when every upstream slot and queue place is taken. */
const QUEUE_FULL_RETRY_AFTER_SECONDS = 2;

/**
 * Wires Brief together from a Config: reads the prompts and cassettes (synchronously, once) and
 * builds the SDK client, the summarizer and the app. The server, the CLI and the tests all start here.
 */
export function createBrief(config: Config, options: BriefOptions) {
  const { logger } = options;
  const prompts = loadPromptRegistry(config.promptsDir);
  if (!prompts.get('summarize', config.defaultPromptVersion)) {
    throw new Error(
      `BRIEF_DEFAULT_PROMPT_VERSION=${config.defaultPromptVersion} does not exist; available: ${prompts.versions('summarize').join(', ')}`,
    );
  }
  const cassettes = createCassetteStore([config.cassetteDir, ...(options.extraCassetteDirectories ?? [])]);
  const client = createAnthropicClient(config, {
    cassettes,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.recordingName ? { recordingName: options.recordingName } : {}),
  });
  const limiter = createUpstreamLimiter({
    maxConcurrent: config.upstream.maxConcurrent,
    maxQueued: config.upstream.maxQueued,
    retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS,
  });
  const redis = config.redisUrl
    ? createRedisClient(config.redisUrl, {
        onDown: (error) =>
          logger.warn({ err: error }, 'redis unreachable: serving uncached, rate limits per replica'),
        onUp: () => logger.info('redis reachable again'),
      })
    : undefined;
  const costEstimator = createCostEstimator({
    onUnknownModel: (model) =>
      logger.warn({ model }, 'No price for this model: cost_usd is null. Add it to src/llm/model-prices.ts'),
  });
  const metrics = createMetrics({ limiter, collectDefaultMetrics: config.metricsEnabled });
  const budget = createConfiguredBudget(config.upstream.budget, redis, {
    onAdmitted: ({ model, waitedMs }) => metrics.recordBudgetAdmission({ model, waitedMs }),
    onRejected: ({ model, waitMs }) => {
      metrics.recordBudgetRejection({ model });
      logger.warn({ model, wait_ms: waitMs }, 'upstream budget spent until after the deadline: 503');
    },
    onStoreError: (error) =>
      logger.warn({ err: error }, 'upstream budget store unreachable: budgeting this replica alone'),
  });
  const cpuTasks = options.cpuTasks ?? createCpuTaskPool(options.cpuTaskPool);
  const modelSummarizer = createSummarizer({
    client,
    prompts,
    limiter,
    budget,
    fallbackModel: config.upstream.fallbackModel,
    onFallback: ({ from, to }) => {
      metrics.recordFallback({ from, to });
      logger.warn({ model: from, fallback_model: to }, 'model overloaded: asking the fallback model');
    },
    cpuTasks,
    onModelCall: (call) => metrics.recordModelCall(call),
    onRepair: () => metrics.recordRepair(),
    onValidationFailure: (failure) => metrics.recordValidationFailure(failure),
    onUpstreamError: (error, severity) => {
      const name = error instanceof Error ? error.name : typeof error;
      const status = (error as { status?: unknown }).status;
      if (severity === 'error') {
        logger.error(
          { upstream_error: name, upstream_status: status },
          'The model API rejected a request: check ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL and the prompt’s model',
        );
      } else {
        logger.warn({ upstream_error: name, upstream_status: status }, 'model API call failed');
      }
    },
  });
  const keyring = loadKeyring(config.auth);
  const usageLedger = redis ? createRedisUsageLedger(redis) : createMemoryUsageLedger();
  const spendControl = createSpendControl({
    ledger: usageLedger,
    costEstimator,
    onLedgerError: (error, operation) =>
      logger.warn(
        { err: error, ledger: usageLedger.kind, operation },
        'usage ledger failed; request let through',
      ),
    onModelCall: (keyId, call) => {
      if (call.usage) {
        metrics.recordSpend({
          keyId,
          model: call.model,
          usage: call.usage,
          costUsd: costEstimator.estimate(call.model, call.usage),
        });
      }
    },
  });
  const cacheStore = redis
    ? createRedisCacheStore(redis)
    : createMemoryCacheStore({ maxEntries: config.cache.maxEntries, maxBytes: config.cache.maxBytes });
  const summarizer = config.cache.enabled
    ? createCachingSummarizer(modelSummarizer, {
        store: cacheStore,
        ttlSeconds: config.cache.ttlSeconds,
        onHit: () => metrics.recordCacheHit(),
        onMiss: () => metrics.recordCacheMiss(),
        onInvalidEntry: () => {
          metrics.recordCacheError();
          logger.warn({ cache: cacheStore.kind }, 'cache entry is not a valid summary: treated as a miss');
        },
        onStoreError: (error, operation) => {
          metrics.recordCacheError();
          logger.warn(
            { err: error, cache: cacheStore.kind, operation },
            'cache unavailable; serving uncached',
          );
        },
      })
    : modelSummarizer;
  const lifecycle = options.lifecycle ?? createLifecycle();
  const rateLimiter =
    config.rateLimitPerMinute > 0
      ? (options.rateLimiter ?? createRateLimiter(config.rateLimitPerMinute, 'brief:ratelimit'))
      : undefined;
  const authFailureLimiter = config.auth.disabled
    ? undefined
    : createRateLimiter(config.authFailuresPerMinute, 'brief:authfail');
  function createRateLimiter(points: number, keyPrefix: string): RateLimiterAbstract {
    const limits = { points, duration: 60 };
    if (!redis) {
      return new RateLimiterMemory(limits);
    }
    // Counters shared by every replica; while Redis is down each replica counts on its own.
    return new RateLimiterRedis({
      ...limits,
      storeClient: redis,
      keyPrefix,
      insuranceLimiter: new RateLimiterMemory(limits),
    });
  }
  // One limiter per distinct limit in the keys file (a handful); 0 turns a key's limit off.
  const keyRateLimiters = new Map<number, RateLimiterAbstract | undefined>();
  for (const key of keyring.keys) {
    const perMinute = key.rateLimitPerMinute;
    if (perMinute !== undefined && !keyRateLimiters.has(perMinute)) {
      keyRateLimiters.set(
        perMinute,
        perMinute > 0 ? createRateLimiter(perMinute, `brief:ratelimit:${perMinute}`) : undefined,
      );
    }
  }
  const rateLimiterFor = (key: ApiKey) =>
    key.rateLimitPerMinute === undefined ? rateLimiter : keyRateLimiters.get(key.rateLimitPerMinute);
  const readinessChecks: ReadinessCheck[] = [
    { name: 'prompts', check: async () => ({ ok: prompts.list().length > 0 }) },
  ];
  if (redis) {
    readinessChecks.push({
      name: 'redis',
      check: async () => ((await cacheStore.ping()) ? { ok: true } : { ok: false, detail: 'no PONG' }),
    });
  }
  const samplesDirectory = options.samplesDirectory ?? path.join(PROJECT_ROOT, 'samples');
  const samples = existsSync(samplesDirectory) ? readSamples(samplesDirectory) : [];
  const examples: OperationExample[] = [];
  try {
    examples.push(readSeedExample(samplesDirectory));
  } catch (error) {
    logger.warn({ err: error }, 'The OpenAPI document has no seed example: run npm run openapi-example');
  }
  const batches = createBatches({
    client,
    resolvePrompt: modelSummarizer.resolvePrompt,
    signer: createBatchIdSigner({
      // Outside production a secret per process: batch ids stop working at a restart.
      secret: config.signing.secret ?? randomBytes(32).toString('hex'),
      previousSecrets: config.signing.previousSecrets,
    }),
    onUpstreamError: (error, severity) =>
      logger[severity](
        { upstream_error: error instanceof Error ? error.name : typeof error },
        'model API batch call failed',
      ),
  });
  const app = createApp({
    config,
    keyring,
    spendControl,
    usageLedger,
    logger,
    prompts,
    summarizer,
    batches,
    lifecycle,
    rateLimiter,
    rateLimiterFor,
    authFailureLimiter,
    readinessChecks,
    samples,
    costEstimator,
    metrics,
    cpuTasks,
    openApi: { version: readPackageVersion(PROJECT_ROOT), examples },
  });
  /** Releases what Brief holds open (connections to shared stores), for a clean exit. */
  /** Resolves once shared stores are connected (at once without Redis); never rejects. */
  async function ready(timeoutMs = 2_000): Promise<boolean> {
    if (!redis || redis.status === 'ready') {
      return true;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
  async function close(): Promise<void> {
    await Promise.all([cacheStore.close(), cpuTasks.close()]);
  }
  return {
    app,
    prompts,
    cassettes,
    client,
    summarizer,
    limiter,
    budget,
    lifecycle,
    cacheStore,
    metrics,
    costEstimator,
    cpuTasks,
    keyring,
    usageLedger,
    spendControl,
    ready,
    close,
  };
}

export type Brief = ReturnType<typeof createBrief>;
