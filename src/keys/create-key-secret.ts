import { randomBytes } from 'node:crypto';
import { sha256Hex } from './keyring.js';

const SECRET_PREFIX = 'brief_';
/** 256 bits of randomness. */
const SECRET_BYTES = 32;

/** A new random key secret and the SHA-256 a keys file holds instead of it. */
export function createKeySecret(): { secret: string; sha256: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, sha256: sha256Hex(secret) };
}
