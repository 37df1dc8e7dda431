import { createHash, timingSafeEqual } from 'node:crypto';
import type { KeyScope } from './key-scopes.js';
import { KEY_SCOPES, SIMPLE_KEY_SCOPES } from './key-scopes.js';
import type { KeysFile } from './keys-file-schema.js';

/** Who is calling: safe to log, to label metrics with and to book usage to. Never holds the secret. */
export interface ApiKey {
  id: string;
  scopes: ReadonlySet<KeyScope>;
  /** Requests per minute; undefined: the service default. */
  rateLimitPerMinute: number | undefined;
  /** USD per calendar month (UTC); undefined: no budget. */
  monthlyBudgetUsd: number | undefined;
}

export interface Keyring {
  readonly keys: readonly ApiKey[];
  /** The key whose secret this is, or undefined. Compares against every key in constant time. */
  find(secret: string): ApiKey | undefined;
  get(id: string): ApiKey | undefined;
}

/** Length of the hash prefix that names a key from `BRIEF_API_KEYS` / `BRIEF_API_KEY_HASHES`. */
const SIMPLE_KEY_ID_CHARS = 12;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function sha256Hex(value: string): string {
  return sha256(value).toString('hex');
}

interface KeyWithDigest {
  key: ApiKey;
  digest: Buffer;
}

export function createKeyring(entries: ReadonlyArray<{ key: ApiKey; sha256: string }>): Keyring {
  const digests: KeyWithDigest[] = entries.map((entry) => ({
    key: entry.key,
    digest: Buffer.from(entry.sha256, 'hex'),
  }));
  const byId = new Map(entries.map((entry) => [entry.key.id, entry.key]));
  return {
    keys: entries.map((entry) => entry.key),
    find(secret) {
      const presented = sha256(secret);
      let found: ApiKey | undefined;
      for (const candidate of digests) {
        // No early exit: every configured key is compared.
        if (timingSafeEqual(presented, candidate.digest)) {
          found = candidate.key;
        }
      }
      return found;
    },
    get: (id) => byId.get(id),
  };
}

/** The keyring of a keys file. */
export function keyringFromFile(file: KeysFile): Keyring {
  return createKeyring(
    file.keys.map((entry) => ({
      sha256: entry.sha256,
      key: {
        id: entry.id,
        scopes: new Set(entry.scopes),
        rateLimitPerMinute: entry.rate_limit_per_minute,
        monthlyBudgetUsd: entry.monthly_budget_usd,
      },
    })),
  );
}

/** The simple case: plain keys and hashes, named by a hash prefix, with every scope except `admin`. */
export function keyringFromList(keys: readonly string[], keyHashes: readonly string[]): Keyring {
  const hashes = [...keys.map(sha256Hex), ...keyHashes.map((hash) => hash.toLowerCase())];
  return createKeyring(
    [...new Set(hashes)].map((hash) => ({
      sha256: hash,
      key: {
        id: hash.slice(0, SIMPLE_KEY_ID_CHARS),
        scopes: new Set(SIMPLE_KEY_SCOPES),
        rateLimitPerMinute: undefined,
        monthlyBudgetUsd: undefined,
      },
    })),
  );
}

/** Every request when authentication is off: one identity, with every scope. */
export const ANONYMOUS_KEY: ApiKey = {
  id: 'anonymous',
  scopes: new Set(KEY_SCOPES),
  rateLimitPerMinute: undefined,
  monthlyBudgetUsd: undefined,
};
