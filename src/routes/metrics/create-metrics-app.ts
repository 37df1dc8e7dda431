import { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { problemResponse } from '../../http/problem-response.js';
import { toBriefError } from '../../http/to-brief-error.js';
import type { Metrics } from '../../metrics/create-metrics.js';
import { createMetricsHandler } from './metrics.handlers.js';
import { metricsRoute } from './metrics.routes.js';

/**
 * `GET /metrics` alone, for a listener of its own (`BRIEF_METRICS_PORT`): reachable only where that
 * port is, so it needs no API key, and the main port no longer serves it.
 */
export function createMetricsApp(metrics: Metrics) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(metricsRoute, createMetricsHandler(metrics));
  app.notFound((context) =>
    problemResponse(context, new NotFoundError(`This port serves only GET ${metricsRoute.path}.`)),
  );
  app.onError((error, context) => problemResponse(context, toBriefError(error)));
  return app;
}
