import { createRouter } from '../../http/create-router.js';
import type { Lifecycle } from '../../http/lifecycle.js';
import type { ReadinessCheck } from '../../http/readiness-check.js';
import { healthRoute } from './health.routes.js';
import { createReadinessHandler } from './readiness.handlers.js';
import { readinessRoute } from './readiness.routes.js';

/** `GET /healthz` (the process answers) and `GET /readyz` (it can take traffic). */
export function createHealthRouter(dependencies: { lifecycle: Lifecycle; checks: ReadinessCheck[] }) {
  return createRouter()
    .openapi(healthRoute, (context) => context.json({ status: 'ok' as const }, 200))
    .openapi(readinessRoute, createReadinessHandler(dependencies));
}
