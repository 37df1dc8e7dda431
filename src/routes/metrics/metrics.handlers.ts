import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import type { Metrics } from '../../metrics/create-metrics.js';
import type { metricsRoute } from './metrics.routes.js';

export function createMetricsHandler(metrics: Metrics): RouteHandler<typeof metricsRoute, AppEnv> {
  return async function renderMetrics(context) {
    return context.text(await metrics.render(), 200, { 'content-type': metrics.contentType });
  };
}
