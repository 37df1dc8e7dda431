/**
 * Writes eld's small n-gram database as JSON (src/language/data/eld-small.json), from eld's own
 * `src/ngrams/small.js`, and copies eld's licence beside it. Brief parses the JSON instead of importing the
 * object literal (see src/language/load-eld.ts). Run it again after upgrading eld; test/language says when.
 *
 *   npm run language-data
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ELD_SMALL_DATA_FILE,
  type EldNgramsData,
  type EldSmallDataFile,
} from '../src/language/read-eld-small-data.js';
import { resolveEldModule } from '../src/language/resolve-eld-module.js';

const eldRoot = resolveEldModule('..');
const eldVersion = (
  JSON.parse(readFileSync(path.join(eldRoot, 'package.json'), 'utf8')) as { version: string }
).version;
const { ngramsData } = (await import(pathToFileURL(resolveEldModule('ngrams/small.js')).href)) as {
  ngramsData: EldNgramsData;
};

const header: Omit<EldSmallDataFile, 'ngramsData'> = {
  about:
    "eld's small n-gram database (src/ngrams/small.js of the npm package eld), as JSON. Copyright 2023 Nito T.M. " +
    '(https://github.com/nitotm/efficient-language-detector-js). Written by `npm run language-data`; do not edit.',
  eldVersion,
  licence: 'Apache-2.0, see LICENSE-eld beside this file',
};

// Every field as eld has it (`type`, `languages`, `isSubset`), the n-grams last.
const { ngrams: _ngrams, ...withoutNgrams } = ngramsData;
// One n-gram a line, so an upgrade of eld shows as a readable diff.
const ngramLines = Object.entries(ngramsData.ngrams).map(
  ([ngram, scores]) => `${JSON.stringify(ngram)}:${JSON.stringify(scores)}`,
);
const text =
  `{${Object.entries(header)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},\n`)
    .join('')}` +
  `"ngramsData":${JSON.stringify(withoutNgrams).slice(0, -1)},` +
  `"ngrams":{\n${ngramLines.join(',\n')}\n}}}\n`;

mkdirSync(path.dirname(ELD_SMALL_DATA_FILE), { recursive: true });
writeFileSync(ELD_SMALL_DATA_FILE, text);
copyFileSync(path.join(eldRoot, 'LICENSE'), path.join(path.dirname(ELD_SMALL_DATA_FILE), 'LICENSE-eld'));
console.log(
  `Wrote ${path.relative(process.cwd(), ELD_SMALL_DATA_FILE)}: eld ${eldVersion}, ${ngramLines.length} n-grams.`,
);
