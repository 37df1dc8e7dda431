import type { Context } from 'hono';
import { ANONYMOUS_KEY, type ApiKey } from '../keys/keyring.js';
import type { AppEnv } from './app-env.js';

/** The key the request authenticated with; the anonymous key when authentication is off. */
export function callerKey(context: Context<AppEnv>): ApiKey {
  return context.get('apiKey') ?? ANONYMOUS_KEY;
}
