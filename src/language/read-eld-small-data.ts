import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/env.js';

/** eld's n-gram database, in the shape its `loadData` takes (`ngramsData` of eld's `src/ngrams/*.js`). */
export interface EldNgramsData {
  type: string;
  languages: Record<string, string>;
  isSubset?: boolean;
  ngrams: Record<string, Record<string, number>>;
}

/** The data file as `npm run language-data` writes it: where the data comes from, and the data. */
export interface EldSmallDataFile {
  about: string;
  eldVersion: string;
  licence: string;
  ngramsData: EldNgramsData;
}

/** eld's small database as JSON, written from eld's own `src/ngrams/small.js` by `npm run language-data`. */
export const ELD_SMALL_DATA_FILE = path.join(PROJECT_ROOT, 'src', 'language', 'data', 'eld-small.json');

/**
 * Start-up's check that the database is there: it is read only when a text first needs eld, and an image or
 * checkout without it should refuse to start rather than answer that request with a 500.
 */
export function assertEldSmallDataPresent(file = ELD_SMALL_DATA_FILE): void {
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: eld's language database; run \`npm run language-data\` to write it.`,
    );
  }
}

/** eld's small database, read and parsed (far cheaper than importing eld's object literal: see load-eld.ts). */
export function readEldSmallData(file = ELD_SMALL_DATA_FILE): EldNgramsData {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<EldSmallDataFile>;
  const data = parsed.ngramsData;
  if (
    typeof data?.type !== 'string' ||
    typeof data.languages !== 'object' ||
    typeof data.ngrams !== 'object'
  ) {
    throw new Error(`${file} holds no eld n-gram database; run \`npm run language-data\` to write it.`);
  }
  return data;
}
