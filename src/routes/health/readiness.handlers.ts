import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import type { Lifecycle } from '../../http/lifecycle.js';
import type { ReadinessCheck } from '../../http/readiness-check.js';
import type { readinessRoute } from './readiness.routes.js';

export function createReadinessHandler(dependencies: {
  lifecycle: Lifecycle;
  checks: ReadinessCheck[];
}): RouteHandler<typeof readinessRoute, AppEnv> {
  return async function readiness(context) {
    const results: Record<string, { ok: boolean; detail?: string }> = {
      shutting_down: dependencies.lifecycle.draining
        ? { ok: false, detail: 'draining in-flight requests' }
        : { ok: true },
    };
    await Promise.all(
      dependencies.checks.map(async ({ name, check }) => {
        results[name] = await check().catch((error: unknown) => ({
          ok: false,
          detail: (error as Error).message,
        }));
      }),
    );
    const ready = Object.values(results).every((result) => result.ok);
    return context.json({ status: ready ? 'ready' : 'not_ready', checks: results }, ready ? 200 : 503);
  };
}
