import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Batches } from './batches/create-batches.js';
import type { Config } from './config/env.js';
import { NotFoundError } from './errors/brief-error.js';
import { createRouter } from './http/create-router.js';
import type { Lifecycle } from './http/lifecycle.js';
import { authenticate } from './http/middleware/authenticate.js';
import { rateLimit } from './http/middleware/rate-limit.js';
import { recordRequestMetrics } from './http/middleware/record-request-metrics.js';
import { refuseCrossOriginRequests } from './http/middleware/refuse-cross-origin-requests.js';
import { requireScope } from './http/middleware/require-scope.js';
import { throttleFailedAuthentication } from './http/middleware/throttle-failed-authentication.js';
import { traceRequest } from './http/middleware/trace-request.js';
import { trackInFlight } from './http/middleware/track-in-flight.js';
import { problemResponse } from './http/problem-response.js';
import type { ReadinessCheck } from './http/readiness-check.js';
import { requestLogger } from './http/request-logger.js';
import { toBriefError } from './http/to-brief-error.js';
import type { ApiKey, Keyring } from './keys/keyring.js';
import type { CostEstimator } from './llm/create-cost-estimator.js';
import type { Metrics } from './metrics/create-metrics.js';
import type { OpenApiDocumentOptions } from './openapi/create-openapi-document.js';
import type { PromptRegistry } from './prompts/prompt-registry.js';
import { createBatchesRouter } from './routes/batches/batches.index.js';
import { BATCHES_PATH } from './routes/batches/batches.routes.js';
import { createChecksRouter } from './routes/checks/checks.index.js';
import { CHECKS_PATH } from './routes/checks/checks.routes.js';
import { registerDocsRoutes } from './routes/docs/register-docs-routes.js';
import { createHealthRouter } from './routes/health/health.index.js';
import { createMetricsRouter } from './routes/metrics/metrics.index.js';
import { metricsRoute } from './routes/metrics/metrics.routes.js';
import { createPlaygroundRoutes } from './routes/playground/playground.routes.js';
import { createPromptsRouter } from './routes/prompts/prompts.index.js';
import { createSummariesRouter } from './routes/summaries/summaries.index.js';
import { SUMMARIES_PATH } from './routes/summaries/summaries.routes.js';
import { createUsageRouter } from './routes/usage/usage.index.js';
import { USAGE_PATH } from './routes/usage/usage.routes.js';
import type { Sample } from './samples/read-samples.js';
import type { Summarizer } from './summarize/create-summarizer.js';
import type { SpendControl } from './usage/create-spend-control.js';
import type { UsageLedger } from './usage/usage-ledger.js';
import type { CpuTasks } from './workers/cpu-tasks.js';

export interface AppDependencies {
  config: Config;
  /** Who may call `/v1/*`, with what scopes, limits and budgets. */
  keyring: Keyring;
  /** Budgets and usage per key. */
  spendControl: SpendControl;
  /** `GET /v1/usage` reads it. */
  usageLedger: UsageLedger;
  logger: Logger;
  prompts: PromptRegistry;
  summarizer: Summarizer;
  /** `POST /v1/batches` and `GET /v1/batches/{id}`: backfills through the Message Batches API. */
  batches: Batches;
  lifecycle: Lifecycle;
  /** Per-key request limiter; absent when rate limiting is off. */
  rateLimiter?: RateLimiterAbstract | undefined;
  /** The limiter of a key with its own `rate_limit_per_minute`; undefined: no limit for it. */
  rateLimiterFor?: ((key: ApiKey) => RateLimiterAbstract | undefined) | undefined;
  /** Failed API keys per client address; absent: not limited. */
  authFailureLimiter?: RateLimiterAbstract | undefined;
  readinessChecks?: ReadinessCheck[];
  /** Prices each summary for `meta.cost_usd`. */
  costEstimator: CostEstimator;
  /** Request metrics, and `GET /metrics` when `config.metricsEnabled` without `config.metricsPort`. */
  metrics?: Metrics | undefined;
  /** `/openapi.json` and `/docs`; absent: not served. */
  openApi?: OpenApiDocumentOptions | undefined;
  /** The sample articles the playground page offers. */
  samples?: Sample[];
  /** Fact checks and HTML conversion, off the event loop with a time limit. */
  cpuTasks: CpuTasks;
}

/** The whole HTTP app, shared by the server and the tests. No I/O here: everything comes in. */
export function createApp(dependencies: AppDependencies) {
  const { config, logger, prompts, summarizer, lifecycle, rateLimiter } = dependencies;
  const app = createRouter();

  const { metrics } = dependencies;
  if (metrics && config.metricsEnabled) {
    app.use(recordRequestMetrics(metrics));
  }
  app.use(requestId());
  app.use(traceRequest());
  app.use(requestLogger({ logger }));
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  if (config.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: config.corsOrigins,
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['authorization', 'content-type', 'x-request-id'],
        exposeHeaders: [
          'x-request-id',
          'retry-after',
          'ratelimit-limit',
          'ratelimit-remaining',
          'ratelimit-reset',
        ],
        maxAge: 600,
      }),
    );
  }
  app.use('/v1/*', trackInFlight(lifecycle));
  const serveMetrics = metrics !== undefined && config.metricsEnabled && config.metricsPort === undefined;
  // Who is asking comes before anything reads the body. `/metrics` takes any valid key too.
  if (!config.auth.disabled) {
    const guarded = serveMetrics ? ['/v1/*', metricsRoute.path] : ['/v1/*'];
    for (const path of guarded) {
      if (dependencies.authFailureLimiter) {
        app.use(
          path,
          throttleFailedAuthentication({
            limiter: dependencies.authFailureLimiter,
            onStoreError: (error) =>
              logger.warn({ err: error }, 'auth failure store failed; request let through'),
          }),
        );
      }
      app.use(path, authenticate({ keyring: dependencies.keyring }));
    }
    if (serveMetrics) {
      app.use(metricsRoute.path, requireScope('metrics'));
    }
  } else {
    app.use('/v1/*', refuseCrossOriginRequests({ allowedOrigins: config.corsOrigins }));
  }
  const { rateLimiterFor } = dependencies;
  if (rateLimiter || rateLimiterFor) {
    app.use(
      '/v1/*',
      rateLimit({
        limiterFor: (context) => {
          const key = context.get('apiKey');
          return key && rateLimiterFor ? rateLimiterFor(key) : rateLimiter;
        },
        onStoreError: (error) => logger.warn({ err: error }, 'rate limit store failed; request let through'),
      }),
    );
  }
  // What each key may call: scopes per route (the anonymous key of an instance without auth has all).
  app.use(SUMMARIES_PATH, requireScope('summaries'));
  app.use(CHECKS_PATH, requireScope('checks'));
  app.use(BATCHES_PATH, requireScope('batches'));
  app.use(`${BATCHES_PATH}/*`, requireScope('batches'));
  app.use(USAGE_PATH, requireScope('usage'));
  // One router per feature; each declares its own per-route middleware (the body limits).
  const { costEstimator, cpuTasks } = dependencies;
  app.route('/', createHealthRouter({ lifecycle, checks: dependencies.readinessChecks ?? [] }));
  app.route('/', createPromptsRouter({ prompts, defaultVersion: config.defaultPromptVersion }));
  app.route('/', createChecksRouter({ config, cpuTasks }));
  const { spendControl } = dependencies;
  app.route(
    '/',
    createSummariesRouter({ config, summarizer, costEstimator, lifecycle, cpuTasks, spendControl }),
  );
  app.route(
    '/',
    createBatchesRouter({
      config,
      batches: dependencies.batches,
      resolvePrompt: summarizer.resolvePrompt,
      costEstimator,
      spendControl,
      cpuTasks,
    }),
  );
  app.route(
    '/',
    createUsageRouter({ usageLedger: dependencies.usageLedger, spendControl, keyring: dependencies.keyring }),
  );
  if (serveMetrics) {
    app.route('/', createMetricsRouter(metrics));
  }
  if (dependencies.openApi) {
    registerDocsRoutes(app, dependencies.openApi);
  }
  app.route('/', createPlaygroundRoutes({ samples: dependencies.samples ?? [], limits: config.limits }));

  app.notFound((context) =>
    problemResponse(context, new NotFoundError(`No route for ${context.req.method} ${context.req.path}.`)),
  );
  app.onError((error, context) => {
    return problemResponse(context, toBriefError(error));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
