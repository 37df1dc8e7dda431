import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { type Eld, loadEld } from '../../src/language/load-eld.js';
import {
  assertEldSmallDataPresent,
  ELD_SMALL_DATA_FILE,
  type EldNgramsData,
  type EldSmallDataFile,
  readEldSmallData,
} from '../../src/language/read-eld-small-data.js';
import { resolveEldModule } from '../../src/language/resolve-eld-module.js';

const require = createRequire(import.meta.url);
const eldsOwnData = () =>
  (require(resolveEldModule('ngrams/small.js')) as { ngramsData: EldNgramsData }).ngramsData;
const eldsOwnDetector = () => (require(resolveEldModule('entries/static.small.js')) as { eld: Eld }).eld;

const samplesDirectory = path.join(PROJECT_ROOT, 'samples');
const texts = [
  ...readdirSync(samplesDirectory)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(path.join(samplesDirectory, file), 'utf8')),
  'Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen.',
  'The parliament passed a new law on Thursday.',
  'Le parlement a adopté une nouvelle loi jeudi.',
  'El parlamento aprobó una nueva ley el jueves.',
  'Het parlement heeft donderdag een nieuwe wet aangenomen.',
  'Парламент в четверг принял новый закон.',
  'Kanzler',
  '',
];

describe("eld's small database as JSON", () => {
  it("holds exactly the database of the installed eld's src/ngrams/small.js", () => {
    const committed = JSON.parse(readFileSync(ELD_SMALL_DATA_FILE, 'utf8')) as EldSmallDataFile;
    const installedVersion = (
      JSON.parse(readFileSync(resolveEldModule('../package.json'), 'utf8')) as { version: string }
    ).version;
    const stale = `${path.relative(PROJECT_ROOT, ELD_SMALL_DATA_FILE)} is not eld ${installedVersion}'s small database: run \`npm run language-data\``;
    expect(committed.eldVersion, stale).toBe(installedVersion);
    // Serialised whole, so a difference fails with the message rather than a diff of 81,000 n-grams.
    expect(JSON.stringify(committed.ngramsData) === JSON.stringify(eldsOwnData()), stale).toBe(true);
    expect(Object.keys(committed.ngramsData.ngrams)).toHaveLength(81_206);
  });

  it("names the same language with the same scores as eld's own small entry, for every text", () => {
    const fromJson = loadEld();
    const eldsOwn = eldsOwnDetector();
    for (const text of texts) {
      const expected = eldsOwn.detect(text);
      const actual = fromJson.detect(text);
      expect({
        language: actual.language,
        scores: actual.getScores(),
        reliable: actual.isReliable(),
      }).toEqual({
        language: expected.language,
        scores: expected.getScores(),
        reliable: expected.isReliable(),
      });
    }
    expect(fromJson.detect(texts[0] ?? '').language).toBe('de');
    expect(fromJson.info()).toEqual(eldsOwn.info());
  });

  it('is loaded once, and each new instance has the database with a language subset of its own', () => {
    expect(loadEld()).toBe(loadEld());
    const germanOrEnglish = loadEld().newInstance();
    germanOrEnglish.setLanguageSubset(['en', 'de']);
    const dutch = 'Het parlement heeft donderdag een nieuwe wet aangenomen.';
    expect(loadEld().detect(dutch).language).toBe('nl');
    expect(['en', 'de']).toContain(germanOrEnglish.detect(dutch).language);
    expect(germanOrEnglish.newInstance().detect(dutch).language).toBe('nl');
  });

  it('says to run the script when the data file is missing (start-up: start-up-without-eld-data.test.ts)', () => {
    const missing = path.join(tmpdir(), 'brief-no-such-dir', 'eld-small.json');
    expect(() => assertEldSmallDataPresent(missing)).toThrow(
      /eld-small\.json is missing.*npm run language-data/,
    );
    expect(() => assertEldSmallDataPresent()).not.toThrow();
  });

  it('says to run the script when the data file holds no database', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'brief-eld-data-'));
    try {
      const file = path.join(directory, 'eld-small.json');
      writeFileSync(file, JSON.stringify({ about: 'nothing', eldVersion: '2.1.0', licence: 'Apache-2.0' }));
      expect(() => readEldSmallData(file)).toThrow(
        /holds no eld n-gram database; run `npm run language-data`/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
