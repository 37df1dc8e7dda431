import { createRequire } from 'node:module';
import { type EldNgramsData, readEldSmallData } from './read-eld-small-data.js';
import { resolveEldModule } from './resolve-eld-module.js';

export type Eld = typeof import('eld/small')['eld'];

interface EldLanguageDetectorModule {
  createEld(): { instance: Omit<Eld, 'newInstance'>; loadData(data: EldNgramsData): string };
}

let loaded: Eld | undefined;

/**
 * eld with its small database, loaded on first use and kept; only loaded when a text needs it.
 *
 * eld 2.1's public entries either import the database as a 1.6 MB object literal (`eld/small`: about 140 MB of
 * RSS, most of it V8's parse and compile data, and 360 ms on a busy machine) or load one only from eld's own
 * folder. So this builds the detector as `eld/small` does, with eld's internal `createEld()` (hence the exact
 * eld version in package.json), and gives it the same database parsed from JSON (about 38 MB and 110 ms).
 * Loaded synchronously (`require` of an ES module, Node ≥ 20.19) so detection stays synchronous.
 */
export function loadEld(): Eld {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const { createEld } = require(resolveEldModule('languageDetector.js')) as EldLanguageDetectorModule;
    const data = readEldSmallData();
    // As eld's `src/entries/static.small.js` builds its instances: each one shares the same database.
    const build = (): Eld => {
      const { instance, loadData } = createEld();
      loadData(data);
      return Object.assign(instance, { newInstance: build });
    };
    loaded = build();
  }
  return loaded;
}
