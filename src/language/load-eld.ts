import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type Eld = typeof import('eld/small')['eld'];

let loaded: Eld | undefined;

/**
 * eld with its small database, through eld's public `eld/small` entry: loaded on first call and kept. In the
 * server only the worker pool's thread calls it (its warm-up, src/workers/); a CLI run or a test that never
 * detects a language never pays for the database. The entry is required as an ES module (Node ≥ 20.19) so that detection stays
 * synchronous; eld exports it for `import` only, hence resolving it first with `import.meta.resolve`.
 */
export function loadEld(): Eld {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const entry = fileURLToPath(import.meta.resolve('eld/small'));
    loaded = (require(entry) as typeof import('eld/small')).eld;
  }
  return loaded;
}
