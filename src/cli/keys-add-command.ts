import { dump } from 'js-yaml';
import { createKeySecret } from '../keys/create-key-secret.js';
import { type KeyEntry, keyEntrySchema } from '../keys/keys-file-schema.js';
import type { CliIo } from './cli-context.js';

export interface KeysAddOptions {
  id: string;
  scopes: string;
  rateLimitPerMinute?: number;
  monthlyBudgetUsd?: number;
}

/**
 * `brief keys add`: a new random secret, printed once, and the keys-file entry that holds only its
 * SHA-256. Brief never stores the secret; the entry is validated with the keys file's own schema.
 */
export function runKeysAdd(options: KeysAddOptions, io: CliIo): number {
  const { secret, sha256 } = createKeySecret();
  const parsed = keyEntrySchema.safeParse({
    id: options.id,
    sha256,
    scopes: options.scopes
      .split(',')
      .map((scope) => scope.trim())
      .filter((scope) => scope.length > 0),
    rate_limit_per_minute: options.rateLimitPerMinute,
    monthly_budget_usd: options.monthlyBudgetUsd,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    io.stderr.write(`brief keys add: the key is not valid:\n${lines.join('\n')}\n`);
    return 2;
  }
  const entry: Partial<KeyEntry> = Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  );
  io.stdout.write(
    [
      `Secret for "${entry.id}" (shown only now: give it to the consumer; Brief keeps only its SHA-256):`,
      '',
      `  ${secret}`,
      '',
      'Add this entry under `keys:` in the keys file (BRIEF_KEYS_FILE) and restart Brief:',
      '',
      dump([entry], { flowLevel: 2 })
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
      '',
    ].join('\n'),
  );
  return 0;
}
