import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../../errors/brief-error.js';
import type { AppEnv } from '../app-env.js';

export interface AuthenticateOptions {
  /** Keys as configured. */
  keys: string[];
  /** Or their SHA-256 hex digests, so the keys themselves need not be stored. */
  keyHashes: string[];
  realm?: string;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Bearer API keys. Every configured key is held as a SHA-256 digest and the presented key's digest is
 * compared to each in constant time, so neither the comparison nor the key length leaks timing.
 * The request's key id (a digest prefix, safe to log) feeds rate limiting.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  const realm = options.realm ?? 'brief';
  const digests = [...options.keys.map(sha256), ...options.keyHashes.map((hash) => Buffer.from(hash, 'hex'))];
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
    const presented = sha256(match[1]);
    let found = false;
    for (const digest of digests) {
      // No early exit: every configured key is compared.
      found = timingSafeEqual(presented, digest) || found;
    }
    if (!found) {
      throw new UnauthorizedError('The API key is not valid.', {
        headers: { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token"` },
      });
    }
    context.set('apiKeyId', presented.toString('hex').slice(0, 12));
    await next();
  };
}
