import { createRouter } from '../../http/create-router.js';
import { createReadUsageHandler, type UsageHandlerDependencies } from './usage.handlers.js';
import { readUsageRoute } from './usage.routes.js';

/** `GET /v1/usage`: what a key used and spent. */
export function createUsageRouter(dependencies: UsageHandlerDependencies) {
  return createRouter().openapi(readUsageRoute, createReadUsageHandler(dependencies));
}
