import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { zodIssuesToValidationError } from './zod-issues-to-validation-error.js';

/** An OpenAPI router (the app, or one feature's routes) whose request validation fails as a 422 problem. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw zodIssuesToValidationError(result.error);
      }
    },
  });
}
