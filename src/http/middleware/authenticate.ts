import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../../errors/brief-error.js';
import type { Keyring } from '../../keys/keyring.js';
import type { AppEnv } from '../app-env.js';

export interface AuthenticateOptions {
  /** The keys as configured (keys file, or plain keys and hashes), held as SHA-256 digests. */
  keyring: Keyring;
  realm?: string;
}

/**
 * Bearer API keys. Every configured key is held as a SHA-256 digest and the presented key's digest is
 * compared to each in constant time, so neither the comparison nor the key length leaks timing.
 * The request's key (its id is safe to log; its scopes, limits and budget follow) feeds what comes after.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  const realm = options.realm ?? 'brief';
  return async function checkApiKey(context, next) {
    const header = context.req.header('authorization');
    const match = header === undefined ? null : /^Bearer[ \t]+([\x21-\x7E]+)[ \t]*$/i.exec(header);
    if (!match?.[1]) {
      throw new UnauthorizedError(
        header === undefined
          ? 'An API key is required: send "Authorization: Bearer <key>".'
          : 'The Authorization header must be "Bearer <key>".',
        { headers: { 'www-authenticate': `Bearer realm="${realm}"` } },
      );
    }
    const key = options.keyring.find(match[1]);
    if (!key) {
      throw new UnauthorizedError('The API key is not valid.', {
        headers: { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token"` },
      });
    }
    context.set('apiKey', key);
    context.set('apiKeyId', key.id);
    await next();
  };
}
