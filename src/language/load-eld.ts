import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type Eld = typeof import('eld/small')['eld'];

let loaded: Eld | undefined;

/**
 * eld with its small database, loaded on first use and kept. The database is a 1.6 MB object literal (about
 * 230 ms and 100 MB of RSS to load), so it is not loaded at start-up, only when a text needs it. Loaded
 * synchronously (`require` of an ES module, Node ≥ 20.19) so detection stays synchronous; eld exports only
 * an `import` condition, hence the resolved path.
 */
export function loadEld(): Eld {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const module = require(fileURLToPath(import.meta.resolve('eld/small'))) as typeof import('eld/small');
    loaded = module.eld;
  }
  return loaded;
}
