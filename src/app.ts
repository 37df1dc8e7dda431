import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Batches } from './batches/create-batches.js';
import type { Config } from './config/env.js';
import { NotFoundError } from './errors/brief-error.js';
import type { AppEnv } from './http/app-env.js';
import type { Lifecycle } from './http/lifecycle.js';
import { authenticate } from './http/middleware/authenticate.js';
import { limitBody } from './http/middleware/limit-body.js';
import { limitInFlight } from './http/middleware/limit-in-flight.js';
import { rateLimit } from './http/middleware/rate-limit.js';
import { recordRequestMetrics } from './http/middleware/record-request-metrics.js';
import { refuseCrossOriginRequests } from './http/middleware/refuse-cross-origin-requests.js';
import { throttleFailedAuthentication } from './http/middleware/throttle-failed-authentication.js';
import { trackInFlight } from './http/middleware/track-in-flight.js';
import { problemResponse } from './http/problem-response.js';
import { requestLogger } from './http/request-logger.js';
import { toBriefError } from './http/to-brief-error.js';
import { zodIssuesToValidationError } from './http/zod-issues-to-validation-error.js';
import type { CostEstimator } from './llm/create-cost-estimator.js';
import type { Metrics } from './metrics/create-metrics.js';
import type { OpenApiDocumentOptions } from './openapi/create-openapi-document.js';
import type { PromptRegistry } from './prompts/prompt-registry.js';
import { createBatchHandler, createReadBatchHandler } from './routes/batches/batches.handlers.js';
import { BATCHES_PATH, createBatchRoute, readBatchRoute } from './routes/batches/batches.routes.js';
import { createCheckHandler } from './routes/checks/checks.handlers.js';
import { createCheckRoute } from './routes/checks/checks.routes.js';
import { registerDocsRoutes } from './routes/docs/register-docs-routes.js';
import { healthRoute } from './routes/health/health.routes.js';
import { createReadinessHandler, type ReadinessCheck } from './routes/health/readiness.handlers.js';
import { readinessRoute } from './routes/health/readiness.routes.js';
import { createMetricsHandler } from './routes/metrics/metrics.handlers.js';
import { metricsRoute } from './routes/metrics/metrics.routes.js';
import { createPlaygroundRoutes } from './routes/playground/playground.routes.js';
import { createListPromptsHandler } from './routes/prompts/prompts.handlers.js';
import { listPromptsRoute } from './routes/prompts/prompts.routes.js';
import { createSummaryHandler } from './routes/summaries/summaries.handlers.js';
import { createSummaryRoute } from './routes/summaries/summaries.routes.js';
import type { Sample } from './samples/read-samples.js';
import type { Summarizer } from './summarize/create-summarizer.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  prompts: PromptRegistry;
  summarizer: Summarizer;
  /** `POST /v1/batches` and `GET /v1/batches/{id}`: backfills through the Message Batches API. */
  batches: Batches;
  lifecycle: Lifecycle;
  /** Per-key request limiter; absent when rate limiting is off. */
  rateLimiter?: RateLimiterAbstract | undefined;
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
}

/** The whole HTTP app, shared by the server and the tests. No I/O here: everything comes in. */
export function createApp(dependencies: AppDependencies) {
  const { config, logger, prompts, summarizer, lifecycle, rateLimiter } = dependencies;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw zodIssuesToValidationError(result.error);
      }
    },
  });

  const { metrics } = dependencies;
  if (metrics && config.metricsEnabled) {
    app.use(recordRequestMetrics(metrics));
  }
  app.use(requestId());
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
      app.use(path, authenticate({ keys: config.auth.keys, keyHashes: config.auth.keyHashes }));
    }
  } else {
    app.use('/v1/*', refuseCrossOriginRequests({ allowedOrigins: config.corsOrigins }));
  }
  if (rateLimiter) {
    app.use(
      '/v1/*',
      rateLimit({
        limiter: rateLimiter,
        onStoreError: (error) => logger.warn({ err: error }, 'rate limit store failed; request let through'),
      }),
    );
  }
  app.use(
    BATCHES_PATH,
    limitInFlight({ max: config.maxBatchesInFlight, kind: 'too-many-batches', what: 'batch submissions' }),
  );
  const singleBodyLimit = limitBody(config.limits.maxBodyBytes);
  const batchBodyLimit = limitBody(config.limits.maxBatchBodyBytes);
  // A batch carries up to 1,000 articles: it has its own, larger limit.
  app.use('/v1/*', (context, next) =>
    (context.req.path === BATCHES_PATH ? batchBodyLimit : singleBodyLimit)(context, next),
  );

  app.openapi(healthRoute, (context) => context.json({ status: 'ok' as const }, 200));
  app.openapi(
    readinessRoute,
    createReadinessHandler({ lifecycle, checks: dependencies.readinessChecks ?? [] }),
  );
  app.openapi(
    listPromptsRoute,
    createListPromptsHandler({ prompts, defaultVersion: config.defaultPromptVersion }),
  );
  app.openapi(createCheckRoute, createCheckHandler({ config }));
  app.openapi(
    createSummaryRoute,
    createSummaryHandler({ config, summarizer, costEstimator: dependencies.costEstimator }),
  );
  const batchHandlerDependencies = {
    config,
    batches: dependencies.batches,
    resolvePrompt: summarizer.resolvePrompt,
    costEstimator: dependencies.costEstimator,
  };
  app.openapi(createBatchRoute, createBatchHandler(batchHandlerDependencies));
  app.openapi(readBatchRoute, createReadBatchHandler(batchHandlerDependencies));
  if (serveMetrics) {
    app.openapi(metricsRoute, createMetricsHandler(metrics));
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
