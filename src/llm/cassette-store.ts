import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CassetteStoreError } from '../errors/cassette-store-error.js';
import { type Cassette, cassetteSchema } from './cassette.js';

export interface CassetteStore {
  find(key: string): Cassette | undefined;
  save(cassette: Cassette, fileName?: string): string;
  readonly size: number;
}

/**
 * Cassettes are JSON files in one or more folders, indexed by their `key` (file names are for people).
 * Read once when the store is made; `save` writes to the first folder.
 */
export function createCassetteStore(directories: string[]): CassetteStore {
  const byKey = new Map<string, Cassette>();
  for (const directory of directories) {
    let files: string[];
    try {
      files = readdirSync(directory).filter((file) => file.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const fullPath = path.join(directory, file);
      const parsed = cassetteSchema.safeParse(JSON.parse(readFileSync(fullPath, 'utf8')));
      if (!parsed.success) {
        throw new CassetteStoreError(
          `${fullPath}: not a valid cassette (${parsed.error.issues[0]?.message})`,
        );
      }
      byKey.set(parsed.data.key, parsed.data);
    }
  }
  return {
    find: (key) => byKey.get(key),
    save(cassette, fileName) {
      const directory = directories[0];
      if (directory === undefined) {
        throw new CassetteStoreError('no cassette folder configured');
      }
      mkdirSync(directory, { recursive: true });
      const fullPath = path.join(directory, fileName ?? `${cassette.key.slice(0, 16)}.json`);
      writeFileSync(fullPath, `${JSON.stringify(cassette, null, 2)}\n`);
      byKey.set(cassette.key, cassette);
      return fullPath;
    },
    get size() {
      return byKey.size;
    },
  };
}
