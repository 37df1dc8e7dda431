import { describe, expect, it } from 'vitest';
import { analyzeSourceQuotation } from '../../src/checks/find-corresponding-quotation.js';
import { checkQuotations, extractQuotations, findCorrespondingQuotation } from '../../src/checks/index.js';
import { seedSource } from './fixtures/seed-clean.js';

const summaryWith = (sentence: string) => ({
  headline: 'Putin droht Südkorea',
  summary: sentence,
  key_points: [],
});

describe('extractQuotations', () => {
  it.each([
    ['German marks', 'Er sagte: „Wir bleiben.“ Dann ging er.', ['Wir bleiben.']],
    ['straight marks', 'Er sagte: "Wir bleiben." Dann ging er.', ['Wir bleiben.']],
    ['guillemets', 'Er sagte: »Wir bleiben.« Dann ging er.', ['Wir bleiben.']],
    ['German single marks', 'Er sprach von ‚Verrat‘.', ['Verrat']],
    ['English marks', 'He said: “We stay.” Then he left.', ['We stay.']],
    ['two quotations', '„Erstens“, sagte er, „zweitens“.', ['Erstens', 'zweitens']],
  ])('finds quotations in %s', (_, text, expected) => {
    expect(extractQuotations(text).map((quotation) => quotation.text)).toEqual(expected);
  });

  it('leaves apostrophes alone', () => {
    expect(extractQuotations("Putin's plan and South Korea's decision")).toEqual([]);
  });
});

describe('checkQuotations in the German summary', () => {
  it.each([
    [
      'German marks for straight ones',
      'Miller sagte: „Aber letztlich ist es die Entscheidung von Südkorea“.',
    ],
    [
      'guillemets',
      'Putin drohte mit Konsequenzen, »die der heutigen Führung von Südkorea kaum gefallen werden«.',
    ],
    [
      'a capital at a sentence start',
      'Putin warnte: „Die der heutigen Führung von Südkorea kaum gefallen werden.“',
    ],
    [
      'an omission',
      '„Wir begrüßen jede Unterstützung für die Ukraine […] Aber letztlich ist es die Entscheidung von Südkorea“',
    ],
  ])('accepts a verbatim quotation with %s', (_, sentence) => {
    expect(checkQuotations(seedSource, 'de', summaryWith(sentence))).toEqual([]);
  });

  it.each([
    [
      'a changed word',
      '„Aber am Ende ist es die Entscheidung von Südkorea“',
      'Aber am Ende ist es die Entscheidung von Südkorea',
    ],
    [
      'a changed case inside',
      '„Aber letztlich ist es die entscheidung von Südkorea“',
      'Aber letztlich ist es die entscheidung von Südkorea',
    ],
    ['invented words', 'Miller sagte, es sei „allein Sache Seouls“.', 'allein Sache Seouls'],
  ])('flags a quotation with %s', (_, sentence, quoted) => {
    expect(checkQuotations(seedSource, 'de', summaryWith(sentence))).toEqual([
      expect.objectContaining({ check: 'quotations', language: 'de', field: 'summary', text: quoted }),
    ]);
  });
});

describe('checkQuotations in the English summary', () => {
  it('accepts a translation of a quotation of the article', () => {
    const summary = summaryWith('Miller said: "In the end, it is the decision of South Korea."');
    expect(checkQuotations(seedSource, 'en', summary)).toEqual([]);
  });

  it('tells which quotation of the article a translation most likely renders', () => {
    const sourceQuotations = extractQuotations(seedSource).map((quotation) =>
      analyzeSourceQuotation(quotation.text),
    );
    const correspondence = findCorrespondingQuotation(
      'that the current leadership of South Korea will hardly like',
      sourceQuotations,
    );
    expect(correspondence?.quotation).toBe('die der heutigen Führung von Südkorea kaum gefallen werden');
    expect(correspondence?.shared).toEqual(['Korea']);
  });

  it('flags a quotation when the article quotes no one', () => {
    const source = 'Die Stadtbücherei bleibt ab Montag für drei Wochen geschlossen.';
    const failures = checkQuotations(source, 'en', summaryWith('The head said: "We are sorry."'));
    expect(failures).toEqual([expect.objectContaining({ check: 'quotations', text: 'We are sorry.' })]);
    expect(failures[0]?.detail).toContain('quotes no one');
  });

  it('flags a quotation far longer than any quotation of the article', () => {
    const quoted =
      'We welcome every kind of support for Ukraine in its fight against Russian aggression, we will coordinate closely with all of our partners in the region and beyond it, and in the end it is the decision of South Korea and of nobody else to make';
    const failures = checkQuotations(seedSource, 'en', summaryWith(`Miller said: "${quoted}."`));
    expect(failures).toEqual([
      expect.objectContaining({ check: 'quotations', language: 'en', text: `${quoted}.` }),
    ]);
    expect(failures[0]?.detail).toContain('Wir begrüßen jede Unterstützung');
  });
});
