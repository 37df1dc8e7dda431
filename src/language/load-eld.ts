import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type EldSmallEntry = typeof import('eld/small');
export type Eld = EldSmallEntry['eld'];

let loaded: Eld | undefined;

/**
 * eld with its small database (its public `eld/small` entry), loaded on first use and kept; only a text
 * that the function words cannot settle needs it. eld exports its entries for `import` only, so the
 * resolved entry is loaded with `require` (an ES module, Node ≥ 20.19) and detection stays synchronous.
 */
export function loadEld(): Eld {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const entry = fileURLToPath(import.meta.resolve('eld/small'));
    loaded = (require(entry) as EldSmallEntry).eld;
  }
  return loaded;
}
