import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import { createApp } from './app.js';
import type { Config } from './config/env.js';
import { createLifecycle, type Lifecycle } from './http/lifecycle.js';
import { createCassetteStore } from './llm/cassette-store.js';
import { createAnthropicClient } from './llm/create-anthropic-client.js';
import { loadPromptRegistry } from './prompts/prompt-registry.js';
import type { ReadinessCheck } from './routes/health/readiness.handlers.js';
import { createSummarizer } from './summarize/create-summarizer.js';
import { createUpstreamLimiter } from './summarize/create-upstream-limiter.js';

export interface BriefOptions {
  logger: Logger;
  /** The network fetch for live and record mode (tests: a fake server's). */
  fetch?: typeof fetch;
  /** Extra cassette folders to replay from, after the configured one. */
  extraCassetteDirectories?: string[];
  lifecycle?: Lifecycle;
  /** A shared store for rate-limit counters (Redis); default: in memory. */
  rateLimiter?: RateLimiterAbstract;
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
  });
  const limiter = createUpstreamLimiter({
    maxConcurrent: config.upstream.maxConcurrent,
    maxQueued: config.upstream.maxQueued,
    retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS,
  });
  const summarizer = createSummarizer({
    client,
    prompts,
    limiter,
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
  const lifecycle = options.lifecycle ?? createLifecycle();
  const rateLimiter =
    config.rateLimitPerMinute > 0
      ? (options.rateLimiter ?? new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 }))
      : undefined;
  const readinessChecks: ReadinessCheck[] = [
    { name: 'prompts', check: async () => ({ ok: prompts.list().length > 0 }) },
  ];
  const app = createApp({ config, logger, prompts, summarizer, lifecycle, rateLimiter, readinessChecks });
  /** Releases what Brief holds open (connections to shared stores), for a clean exit. */
  async function close(): Promise<void> {}
  return { app, prompts, cassettes, client, summarizer, limiter, lifecycle, close };
}

export type Brief = ReturnType<typeof createBrief>;
