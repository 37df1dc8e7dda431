/** What a key may do. `admin` adds reading another key's usage; it is never given implicitly. */
export const KEY_SCOPES = ['summaries', 'checks', 'batches', 'usage', 'metrics', 'admin'] as const;

export type KeyScope = (typeof KEY_SCOPES)[number];

/** The scopes of a key from `BRIEF_API_KEYS` / `BRIEF_API_KEY_HASHES`: everything except `admin`. */
export const SIMPLE_KEY_SCOPES: readonly KeyScope[] = KEY_SCOPES.filter((scope) => scope !== 'admin');
