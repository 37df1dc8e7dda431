import { z } from 'zod';
import { KEY_SCOPES } from './key-scopes.js';

/** Shown in logs, metrics labels and usage: short, and safe in a Prometheus label and a Redis key. */
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A metrics label per key: a keys file is a list people keep by hand, never thousands. */
export const MAX_KEYS = 1_000;

export const keyEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(
      KEY_ID_PATTERN,
      'must be 1-64 lowercase letters, digits, "_" or "-", starting with a letter or digit',
    ),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the secret as 64 hex digits')
    .transform((hash) => hash.toLowerCase()),
  scopes: z.array(z.enum(KEY_SCOPES)).min(1, 'must name at least one scope'),
  rate_limit_per_minute: z.number().int().nonnegative().optional(),
  monthly_budget_usd: z.number().nonnegative().optional(),
});

export const keysFileSchema = z
  .strictObject({ keys: z.array(keyEntrySchema).min(1, 'must list at least one key').max(MAX_KEYS) })
  .superRefine((file, context) => {
    const seenIds = new Set<string>();
    const seenHashes = new Set<string>();
    file.keys.forEach((key, index) => {
      if (seenIds.has(key.id)) {
        context.addIssue({
          code: 'custom',
          path: ['keys', index, 'id'],
          message: `"${key.id}" is listed twice`,
        });
      }
      if (seenHashes.has(key.sha256)) {
        context.addIssue({
          code: 'custom',
          path: ['keys', index, 'sha256'],
          message: 'the same secret is listed under two ids',
        });
      }
      seenIds.add(key.id);
      seenHashes.add(key.sha256);
    });
  });

export type KeyEntry = z.infer<typeof keyEntrySchema>;
export type KeysFile = z.infer<typeof keysFileSchema>;
