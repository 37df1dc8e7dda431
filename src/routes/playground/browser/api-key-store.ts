const KEY_STORAGE = 'brief.playground.apiKey';

export interface ApiKeyStore {
  read(): string | null;
  save(key: string): void;
  forget(): void;
}

/**
 * Session storage only: the key dies with the tab. It is never put in the page or a URL.
 * Storage can be switched off (or throw in private modes); then no key is kept.
 */
export function createApiKeyStore(storage: () => Storage): ApiKeyStore {
  return {
    read() {
      try {
        return storage().getItem(KEY_STORAGE);
      } catch {
        return null;
      }
    },
    save(key) {
      try {
        storage().setItem(KEY_STORAGE, key);
      } catch {
        // Storage off: the key goes unused.
      }
    },
    forget() {
      try {
        storage().removeItem(KEY_STORAGE);
      } catch {
        // Nothing was stored.
      }
    },
  };
}
