import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../../errors/brief-error.js';
import type { KeyScope } from '../../keys/key-scopes.js';
import type { AppEnv } from '../app-env.js';
import { callerKey } from '../caller-key.js';

/** Lets a request through only when its key has this scope; 403 with a problem document otherwise. */
export function requireScope(scope: KeyScope): MiddlewareHandler<AppEnv> {
  return async function checkScope(context, next) {
    const key = callerKey(context);
    if (!key.scopes.has(scope)) {
      throw new ForbiddenError(
        `The key "${key.id}" does not have the "${scope}" scope this route needs. Its scopes: ${[...key.scopes].join(', ')}.`,
        { extensions: { required_scope: scope } },
      );
    }
    await next();
  };
}
