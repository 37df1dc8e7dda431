import { createRouter } from '../../http/create-router.js';
import type { Metrics } from '../../metrics/create-metrics.js';
import { createMetricsHandler } from './metrics.handlers.js';
import { metricsRoute } from './metrics.routes.js';

/** `GET /metrics` in the Prometheus text format. */
export function createMetricsRouter(metrics: Metrics) {
  return createRouter().openapi(metricsRoute, createMetricsHandler(metrics));
}
