import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_GROUPS } from '../../src/checks/gazetteer.js';
import { checkNames, checkSummaries, type SummaryInput } from '../../src/checks/index.js';
import { LANDSCAPE_EXONYM_GROUPS } from '../../src/checks/landscape-exonyms.js';
import { isCommonWord } from '../../src/checks/name-words.js';
import { placeFormsOf } from '../../src/checks/place-forms-of.js';

const summary = (text: string): SummaryInput => ({ headline: 'Einsatz', summary: text, key_points: [] });
const flagged = (source: string, summaries: { en?: SummaryInput; de?: SummaryInput }) =>
  checkNames(source, summaries).map((failure) => `${failure.language}: ${failure.text}`);

const SOURCE =
  'Die Feuerwehr in Köln rückte am Dienstagabend zu 40 Einsätzen aus. Auch in Bayern, am Bodensee ' +
  'und im Ruhrgebiet gab es Unwetter; die Donau trat im Bayerischen Wald über die Ufer. In München und ' +
  'Wien blieb es ruhig, in Genf und an der Ostsee stürmte es.';

describe('places in German summaries', () => {
  it.each([
    ['a city moved to another', 'Die Feuerwehr in Düsseldorf rückte zu 40 Einsätzen aus.', 'de: Düsseldorf'],
    ['a state the article never names', 'Auch in Hessen gab es Unwetter.', 'de: Hessen'],
    ['a country the article never names', 'In Frankreich blieb es ruhig.', 'de: Frankreich'],
    ['an Austrian state', 'In der Steiermark blieb es ruhig.', 'de: Steiermark'],
    ['a Swiss canton', 'Im Tessin stürmte es.', 'de: Tessin'],
    ['a swapped river', 'Der Rhein trat über die Ufer.', 'de: Rhein'],
    ['a swapped lake', 'Auch am Chiemsee gab es Unwetter.', 'de: Chiemsee'],
    [
      'a swapped forest of two words',
      'Im Thüringer Wald trat die Donau über die Ufer.',
      'de: Thüringer Wald',
    ],
    ['a town of two words', 'In Bad Homburg blieb es ruhig.', 'de: Bad Homburg'],
  ])('flags %s', (_, text, expected) => {
    expect(flagged(SOURCE, { de: summary(text) })).toEqual([expected]);
  });

  it.each([['a state with a hyphen', 'In Nordrhein-Westfalen blieb es ruhig.', 'de: Nordrhein-Westfalen']])(
    'flags %s whole',
    (_, text, expected) => {
      expect(flagged(SOURCE, { de: summary(text) })).toEqual([expected]);
    },
  );

  it.each([
    ['inflections', 'Kölns Feuerwehr rückte aus; Wiener und Münchner Behörden blieben ruhig, Bayerns auch.'],
    ['a landscape in another case', 'Die Donau trat im Bayerischen Wald über die Ufer.'],
    ['a sea', 'An der Ostsee und am Bodensee stürmte es.'],
  ])('accepts %s of the article’s places', (_, text) => {
    expect(flagged(SOURCE, { de: summary(text) })).toEqual([]);
  });

  it('says that a place, not a person, is missing', () => {
    const [failure] = checkNames(SOURCE, { de: summary('In Graz blieb es ruhig.') });
    expect(failure?.detail).toBe(
      "The place 'Graz' does not occur in the article (in any inflection or under any of its names in German or English).",
    );
  });
});

describe('places in English summaries', () => {
  it('accepts the English names of the article’s places', () => {
    const text =
      'Firefighters in Cologne went out. Bavaria, Lake Constance and the Ruhr saw storms; the Danube flooded ' +
      'in the Bavarian Forest. Munich and Vienna stayed calm, while storms hit Geneva and the Baltic Sea.';
    expect(flagged(SOURCE, { en: summary(text) })).toEqual([]);
  });

  it.each([
    ['at the start of a sentence', 'Munich stayed calm. Frankfurt saw storms.', 'en: Frankfurt'],
    ['a swapped river', 'The Rhine flooded in the Bavarian Forest.', 'en: Rhine'],
    ['a swapped lake', 'Storms hit Lake Geneva.', 'en: Lake Geneva'],
    ['the English name of a place the article never names', 'Storms hit Styria.', 'en: Styria'],
  ])('flags a place %s', (_, text, expected) => {
    expect(flagged(SOURCE, { en: summary(text) })).toEqual([expected]);
  });
});

// Names of one span ("Lake Constance", not "Bosnia and Herzegovina"), written with a capital.
const ONE_SPAN_NAME = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3}$/u;
const namesOf = (group: readonly string[]) => group.filter((form) => ONE_SPAN_NAME.test(form));
const PLACES = [...GAZETTEER_GROUPS, ...LANDSCAPE_EXONYM_GROUPS]
  .map(namesOf)
  .filter((names) => names.length > 0);
const ONE_WORD_PLACES = PLACES.flatMap((names) =>
  names.filter(
    (name) => /^\p{Lu}\p{Ll}{3,}$/u.test(name) && !isCommonWord(name, 'de') && !isCommonWord(name, 'en'),
  ),
);

describe('places, property-based', () => {
  const template = (place: string) => ({
    source: `Die Konferenz fand nach Angaben der Veranstalter in ${place} statt.`,
    de: { headline: 'Konferenz', summary: `Die Konferenz fand in ${place} statt.`, key_points: [] },
    en: { headline: 'Conference', summary: `The conference took place in ${place}.`, key_points: [] },
  });
  // Two names that the matcher may fairly take for each other (a common stem) are no swap.
  const unrelated = (left: string, right: string) => {
    const [a, b] = [left.toLowerCase(), right.toLowerCase()];
    return !a.includes(b.slice(0, 4)) && !b.includes(a.slice(0, 4));
  };

  it('flags a random place swapped into both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ONE_WORD_PLACES),
        fc.constantFrom(...ONE_WORD_PLACES),
        (real, swapped) => {
          // "Dutch" names Bonaire too: a name of the same place is no swap.
          fc.pre(unrelated(real, swapped) && !placeFormsOf(swapped)?.includes(real));
          const { source } = template(real);
          const { de, en } = template(swapped);
          const report = checkSummaries({ source, summaries: { de, en } });
          const names = report.failures.filter((failure) => failure.check === 'names');
          expect(names.map((failure) => `${failure.language}: ${failure.text}`)).toEqual([
            `en: ${swapped}`,
            `de: ${swapped}`,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flags a random place swapped into a German summary alone (no English output to give a cue)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ONE_WORD_PLACES),
        fc.constantFrom(...ONE_WORD_PLACES),
        (real, swapped) => {
          fc.pre(unrelated(real, swapped) && !placeFormsOf(swapped)?.includes(real));
          const { source } = template(real);
          const { de } = template(swapped);
          expect(flagged(source, { de })).toEqual([`de: ${swapped}`]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts any name of the article’s place, in either language', () => {
    const withTwoNames = PLACES.filter((names) => names.length > 1);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...withTwoNames)
          .chain((names) => fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names))),
        ([written, other]) => {
          const { source } = template(written);
          const { de, en } = template(other);
          expect(checkNames(source, { de, en })).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
