import type { Config } from '../../config/env.js';
import { createRouter } from '../../http/create-router.js';
import { limitBody } from '../../http/middleware/limit-body.js';
import { createCheckHandler } from './checks.handlers.js';
import { CHECKS_PATH, createCheckRoute } from './checks.routes.js';

/** `POST /v1/checks`: the fact checks alone, no model call. */
export function createChecksRouter(dependencies: { config: Config }) {
  const router = createRouter();
  router.use(CHECKS_PATH, limitBody(dependencies.config.limits.maxBodyBytes));
  return router.openapi(createCheckRoute, createCheckHandler(dependencies));
}
