import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForComparison, verifyEvidence, withEvidenceVerified } from '../../src/checks/index.js';
import { seedSource } from './fixtures/seed-clean.js';

const WHITESPACE = [' ', '  ', '\n', '\n\n', '\t', '\u00A0', ' \n ', '\u202F'];
// Whitespace runs of the source replaced with random whitespace, as copy and paste or a model may do.
const mangleWhitespace = (text: string, choices: number[]) => {
  let index = 0;
  return text.replace(
    /\s+/g,
    () => WHITESPACE[(choices[index++ % choices.length] ?? 0) % WHITESPACE.length] ?? ' ',
  );
};

describe('verifyEvidence', () => {
  it('accepts a passage copied from the article', () => {
    expect(
      verifyEvidence(
        seedSource,
        'Diese Entscheidung sei eine Reaktion auf Waffenlieferungen an die Ukraine.',
      ),
    ).toBe(true);
  });

  it.each([
    [
      'other quotation marks',
      '„Wir begrüßen jede Unterstützung für die Ukraine in ihrem Kampf gegen die russische Aggression.',
    ],
    ['guillemets', '»die der heutigen Führung von Südkorea kaum gefallen werden«'],
    ['a line break and non-breaking spaces', 'Matthew\u00A0Miller, Sprecher des\nUS-Außenministeriums'],
    ['a soft hyphen', 'Destabili\u00ADsierung der koreanischen Halbinsel'],
    ['an en dash for a hyphen', 'Sprecher des US–Außenministeriums'],
    ['HTML entities', '&quot;Wir begr&uuml;&szlig;en jede Unterst&uuml;tzung'],
    ['an omission mark', 'Matthew Miller […] warnte vor einer Destabilisierung'],
  ])('accepts a passage with %s', (_, evidence) => {
    expect(verifyEvidence(seedSource, evidence)).toBe(true);
  });

  it('joins words hyphenated at a line end in the source', () => {
    const source = 'Die Bundes-\nregierung und die US-\nRegierung beraten.';
    expect(verifyEvidence(source, 'Die Bundesregierung und die US-Regierung beraten.')).toBe(true);
  });

  it.each([
    ['a changed word', 'Diese Entscheidung sei eine Antwort auf Waffenlieferungen an die Ukraine.'],
    ['a changed case', 'diese entscheidung sei eine Reaktion auf Waffenlieferungen an die Ukraine.'],
    ['a paraphrase', 'Putin will Waffen an Nordkorea liefern.'],
    ['fragments out of order', 'Kim Jong Un … Matthew Miller'],
    ['nothing but punctuation', '"…"'],
  ])('rejects evidence with %s', (_, evidence) => {
    expect(verifyEvidence(seedSource, evidence)).toBe(false);
  });

  it('accepts any passage of the article whatever its whitespace', () => {
    fc.assert(
      fc.property(
        fc.nat(seedSource.length - 1),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (start, length, choices) => {
          const passage = seedSource.slice(start, start + length);
          fc.pre(/[\p{L}\d]/u.test(passage));
          expect(verifyEvidence(seedSource, mangleWhitespace(passage, choices))).toBe(true);
        },
      ),
    );
  });

  it('rejects any passage of the article with an invented word inserted', () => {
    fc.assert(
      fc.property(fc.nat(seedSource.length - 40), fc.integer({ min: 10, max: 200 }), (start, length) => {
        const passage = seedSource.slice(start, start + length);
        const middle = passage.indexOf(' ', passage.length / 2);
        fc.pre(middle > 0 && /\p{L}/u.test(passage.slice(0, middle)) && /\p{L}/u.test(passage.slice(middle)));
        expect(
          verifyEvidence(seedSource, `${passage.slice(0, middle)} angeblich${passage.slice(middle)}`),
        ).toBe(false);
      }),
    );
  });
});

describe('normalizeForComparison', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForComparison(text);
        expect(normalizeForComparison(once)).toBe(once);
      }),
    );
  });
});

describe('withEvidenceVerified', () => {
  it('marks each key point that has evidence as verified or not', () => {
    expect(
      withEvidenceVerified(seedSource, [
        'Putin droht.',
        { text: 'Putin droht.' },
        { text: 'Putin droht.', evidence: 'Putin droht mit Konsequenzen' },
        { text: 'Putin droht.', evidence: 'Putin droht mit Atomwaffen' },
      ]),
    ).toEqual([
      { text: 'Putin droht.' },
      { text: 'Putin droht.' },
      { text: 'Putin droht.', evidence: 'Putin droht mit Konsequenzen', evidence_verified: true },
      { text: 'Putin droht.', evidence: 'Putin droht mit Atomwaffen', evidence_verified: false },
    ]);
  });
});
