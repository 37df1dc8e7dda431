import { describe, expect, it } from 'vitest';
import { checkNames, checkPersonNamesAgree, type SummaryInput } from '../../src/checks/index.js';
import { seedSource } from './fixtures/seed-clean.js';

const only = (text: string): SummaryInput => ({ headline: 'Putin', summary: text, key_points: [] });
const headline = (text: string): SummaryInput => ({
  headline: text,
  summary: 'Putin spoke.',
  key_points: [],
});
const namesIn = (summaries: { en?: SummaryInput; de?: SummaryInput }) =>
  checkNames(seedSource, summaries).map((failure) => `${failure.language}: ${failure.text}`);

describe('checkNames', () => {
  it.each([
    ['an exonym', 'The agreement between Moscow and Pyongyang worries the allies of the US.'],
    ['another transliteration', 'Russian President Vladimir Putin met Kim Jong Un.'],
    [
      'possessives and demonyms',
      "Putin's plan worries the Korean peninsula, Ukrainian and Japanese officials.",
    ],
    ['a multi-word exonym', 'North Korea and South Korea, the Kremlin and the United Nations.'],
    ['institutions in translation', 'The State Department and the West warned the Kremlin.'],
    ['an initialism', 'U.S. officials cited the UN resolutions.'],
  ])('accepts %s in English', (_, text) => {
    expect(namesIn({ en: only(text) })).toEqual([]);
  });

  it.each([
    [
      'translated institution names',
      'The Federal Employment Agency and the Office for Migration and Refugees agreed.',
    ],
    ['acronyms that name no one', 'Putin spoke of GDP growth and World War II.'],
  ])('leaves alone %s in English', (_, text) => {
    expect(namesIn({ en: only(text) })).toEqual([]);
  });

  it('reads "German" as Germany in an article that only says "Bundes…"', () => {
    const source = 'Die Bundesregierung kündigte an, den Haushalt zu kürzen.';
    expect(checkNames(source, { en: only('The German government announced cuts.') })).toEqual([]);
  });

  it('reads nothing into the capitals of a title-case headline', () => {
    expect(namesIn({ en: headline('Putin Threatens To Arm North Korea') })).toEqual([]);
  });

  it.each([
    ['a genitive', 'Putins Drohung und Millers Warnung.'],
    [
      'nouns that the article does not use',
      'Nach eigenen Angaben plant Putin weitere Schritte; Beobachter sehen Risiken.',
    ],
    ['a compound with an acronym', 'Die US-Regierung verweist auf UN-Resolutionen.'],
  ])('accepts %s in German', (_, text) => {
    expect(namesIn({ de: only(text) })).toEqual([]);
  });

  it.each([
    ['an invented person', 'Putin met John Kirby in Moscow.', 'en: John Kirby'],
    ['an invented place', 'Putin also travelled to Laos.', 'en: Laos'],
    ['an invented multi-word place', 'The White House warned Putin.', 'en: White House'],
    ['an invented acronym', 'NATO warned Putin.', 'en: NATO'],
  ])('flags %s in English', (_, text, expected) => {
    expect(namesIn({ en: only(text) })).toEqual([expected]);
  });

  it.each([
    ['a person after a title', 'Laut Außenminister Sergej Lawrow drohte Putin.', 'de: Sergej Lawrow'],
    [
      'a person before a title',
      'Putin und John Kirby, Sprecher des Außenministeriums, trafen sich.',
      'de: John Kirby',
    ],
    ['two unexplained name words', 'Putin traf in Moskau Xi Jinping.', 'de: Xi Jinping'],
    ['an invented acronym', 'Die NATO warnte Putin.', 'de: NATO'],
  ])('flags %s in German', (_, text, expected) => {
    expect(namesIn({ de: only(text) })).toEqual([expected]);
  });

  it('flags a German word as a name when the English output names it too', () => {
    expect(
      namesIn({ en: only('Putin also travelled to Laos.'), de: only('Putin reiste auch nach Laos.') }),
    ).toEqual(['en: Laos', 'de: Laos']);
  });

  it('leaves an unknown German word alone without such a cue (a place the gazetteer does not know)', () => {
    expect(namesIn({ de: only('Putin reiste auch nach Ostervelde.') })).toEqual([]);
  });
});

describe('checkPersonNamesAgree', () => {
  const summaries = (en: string, de: string) => ({ en: only(en), de: only(de) });

  it('accepts a person named in both languages, whatever the spelling', () => {
    const failures = checkPersonNamesAgree(
      seedSource,
      summaries('Vladimir Putin and Matthew Miller.', 'Wladimir Putin und Sprecher Miller.'),
    );
    expect(failures).toEqual([]);
  });

  it('flags a person that the other language never names', () => {
    const failures = checkPersonNamesAgree(
      seedSource,
      summaries('Putin signed a pact with Kim Jong Un.', 'Putin unterzeichnete ein Abkommen.'),
    );
    expect(failures).toEqual([
      expect.objectContaining({ check: 'names', language: 'en', field: 'summary', text: 'Kim Jong Un' }),
    ]);
  });

  it('says plainly where the person occurs and why the other language must name them too', () => {
    const [failure] = checkPersonNamesAgree(
      seedSource,
      summaries('Putin signed a pact with Kim Jong Un.', 'Putin unterzeichnete ein Abkommen.'),
    );
    expect(failure?.detail).toBe(
      'Kim Jong Un is named in the article and in the English output (summary), but nowhere in the German output: ' +
        'both languages must state the same facts, so the German summary should name this person too (or neither should).',
    );
  });

  it('counts a German name only next to a title', () => {
    const failures = checkPersonNamesAgree(
      seedSource,
      summaries('The US warned.', 'Matthew Miller, Sprecher des US-Außenministeriums, warnte.'),
    );
    expect(failures.map((failure) => `${failure.language}: ${failure.text}`)).toEqual(['de: Matthew Miller']);
  });
});
