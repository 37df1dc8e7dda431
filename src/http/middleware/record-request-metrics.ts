import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ClientClosedRequestError } from '../../errors/client-closed-request-error.js';
import type { Metrics } from '../../metrics/create-metrics.js';
import type { AppEnv } from '../app-env.js';

/** The route label of a request no route matched (404): one series, whatever the path. */
export const UNMATCHED_ROUTE = 'unmatched';
/** Status logged and counted when the client went away before the answer (nginx's convention). */
const CLIENT_CLOSED_REQUEST_STATUS = 499;
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The template of the route that answers (`/v1/summaries`), even when a middleware in front of it
 * answered (401, 429): `app.use` middleware is registered for method ALL, routes for a method.
 */
function routeTemplate(context: Context): string {
  const route = matchedRoutes(context).findLast((matched) => matched.method !== 'ALL');
  return route?.path ?? UNMATCHED_ROUTE;
}

/** Counts every answer by method, route template and status, and times it. */
export function recordRequestMetrics(metrics: Pick<Metrics, 'recordRequest'>): MiddlewareHandler<AppEnv> {
  return async function recordRequest(context, next) {
    const started = performance.now();
    await next();
    metrics.recordRequest({
      // Any token is a valid method: an unknown one must not become a new series.
      method: KNOWN_METHODS.has(context.req.method) ? context.req.method : 'OTHER',
      route: routeTemplate(context),
      status:
        context.error instanceof ClientClosedRequestError ? CLIENT_CLOSED_REQUEST_STATUS : context.res.status,
      durationSeconds: (performance.now() - started) / 1000,
      keyId: context.get('apiKey')?.id,
    });
  };
}
