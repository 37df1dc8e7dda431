import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of a module inside eld's `src/` folder, e.g. `languageDetector.js` or `ngrams/small.js`.
 * eld exports only entry points (and only an `import` condition), so its internals are found next to the
 * resolved `eld/small` entry. eld is pinned to an exact version in package.json because of this.
 */
export function resolveEldModule(relativePath: string): string {
  const entry = fileURLToPath(import.meta.resolve('eld/small'));
  return path.resolve(path.dirname(entry), '..', relativePath);
}
