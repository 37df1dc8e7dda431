import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalisedSpans } from '../../src/checks/capitalised-spans.js';
import { createNameMatcher, exonymsOf, mayBeginExonymPhrase } from '../../src/checks/create-name-matcher.js';
import { EXONYM_GROUPS } from '../../src/checks/exonyms.js';
import {
  checkFigures,
  checkNames,
  checkPersonNamesAgree,
  checkQuotations,
  checkSummaries,
  extractQuotations,
  normalizeForComparison,
} from '../../src/checks/index.js';
import { isSentenceStart } from '../../src/checks/is-sentence-start.js';
import { withoutPossessive } from '../../src/checks/name-words.js';
import { phoneticKey, phoneticKeysOfWords } from '../../src/checks/phonetic-key.js';
import { splitIntoWords } from '../../src/checks/split-into-words.js';
import { countSentences } from '../../src/summarize/count-sentences.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';
import { mutate, replaceIn } from './fixtures/mutate.js';
import { seedClean, seedSource } from './fixtures/seed-clean.js';

// Where the checks read text with a loop rather than a regex, it is to stay linear (a regex anchored at the end
// would backtrack over a run): each loop must answer what the regex describes, which is kept here as a reference.
const NUM_RUNS = 2000;

const textOf = (pieces: readonly string[], maxLength = 12) =>
  fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));

const WORDY_PIECES = [
  'a',
  'Putin',
  'sch',
  'tsch',
  'ck',
  'kh',
  'ph',
  'w',
  'z',
  'j',
  'y',
  'ß',
  'ü',
  'Ü',
  'u\u0308',
  '\u0301',
  'é',
  'İ',
  'ǅ',
  'Ω',
  'и',
  '𝐀',
  '\u{1D165}',
  '\uD800',
  '1',
  '٣',
  ' ',
  '-',
  '.',
  "'",
  '’',
  '€',
  '\u00A0',
  '\u00AD',
  '„',
];

const referenceIsSentenceStart = (text: string, index: number) => {
  const before = text.slice(0, index).replace(/[\s"'„“”»«‚‘’([\u2013\u2014-]+$/u, '');
  if (before.length === 0) return true;
  return /[.!?:]$/.test(before) && !/(?<![.\d])\d{1,2}\.$/.test(before);
};

const referenceExtractQuotations = (text: string) => {
  const closersOf: Record<string, string> = {
    '„': '“”"',
    '“': '”“',
    '"': '"',
    '»': '«',
    '«': '»',
    '‚': '‘’',
  };
  const quotations: Array<{ text: string; at: number }> = [];
  let index = 0;
  while (index < text.length) {
    const closers = closersOf[text.charAt(index)];
    if (closers === undefined) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < text.length && end - index <= 1000 && !closers.includes(text.charAt(end))) end += 1;
    const inner = text.slice(index + 1, end).trim();
    if (end < text.length && closers.includes(text.charAt(end)) && inner.length > 0) {
      quotations.push({ text: inner, at: index });
      index = end + 1;
    } else {
      index += 1;
    }
  }
  return quotations;
};

describe('the hand-written text readers', () => {
  it('key the spellings of a name in German and English alike', () => {
    expect(phoneticKey('Selenskyj')).toBe(phoneticKey('Zelensky'));
    expect(phoneticKey('Chodorkowski')).toBe(phoneticKey('Khodorkovsky'));
    expect(phoneticKey('Lawrow')).toBe(phoneticKey('Lavrov'));
    expect(phoneticKey('Pjöngjang')).toBe(phoneticKey('Pyongyang'));
    expect(phoneticKey('Putin')).not.toBe(phoneticKey('Puten'));
  });

  it('key every word of a spaced text as each word alone is keyed', () => {
    fc.assert(
      fc.property(textOf(WORDY_PIECES, 30), (text) => {
        const words = splitIntoWords(text);
        fc.pre(words.length > 0);
        const keys = words.map(phoneticKey).join(' ');
        expect(phoneticKeysOfWords(` ${words.join(' ')} `)).toBe(` ${keys} `);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('tell a sentence start as the backward regexes tell it', () => {
    const pieces = [
      'a',
      'B',
      '1',
      '24',
      '2024',
      '.',
      '!',
      '?',
      ':',
      ' ',
      '\u00A0',
      '\n',
      '"',
      '„',
      '(',
      '\u2013',
      '-',
    ];
    fc.assert(
      fc.property(textOf(pieces), (text) => {
        for (let index = 0; index <= text.length; index += 1) {
          expect(isSentenceStart(text, index)).toBe(referenceIsSentenceStart(text, index));
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(isSentenceStart('Er kam am 24. Juni', 'Er kam am 24. '.length)).toBe(false);
    expect(isSentenceStart('Er kam 2024. Juni', 'Er kam 2024. '.length)).toBe(true);
  });

  it('cut a possessive', () => {
    expect(withoutPossessive("Putin's")).toBe('Putin');
    expect(withoutPossessive('Koreas’')).toBe('Koreas');
    expect(withoutPossessive('Putins')).toBe('Putins');
  });

  it('count the sentences of a field', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences('Putin will Nordkorea Waffen liefern.')).toBe(1);
    expect(countSentences('Putin kam. Kim auch.')).toBe(2);
    expect(countSentences('Er kam am 24. Juni nach Pjöngjang.')).toBe(1);
  });

  it('find the quotations the character-by-character scan finds', () => {
    const pieces = ['„', '“', '”', '"', '»', '«', '‚', '‘', '’', 'Wort', ' ', 'x'.repeat(400)];
    fc.assert(
      fc.property(textOf(pieces), (text) => {
        expect(extractQuotations(text)).toEqual(referenceExtractQuotations(text));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('take a quotation of 1000 characters and leave one of 1001', () => {
    const quoted = (length: number) => `Er sagte: „${'a'.repeat(length)}“ und ging.`;
    expect(extractQuotations(quoted(1000))).toHaveLength(1);
    expect(extractQuotations(quoted(1001))).toEqual([]);
  });

  it('normalise whitespace, hyphens, quotation marks and dashes for comparison', () => {
    expect(normalizeForComparison('Die Bundes-\nregierung  sagte:\u00A0„Nein“ – US-\nRegierung&quot;…')).toBe(
      'Die Bundesregierung sagte: "Nein" - US-Regierung"...',
    );
  });

  it('read the same capitalised spans whatever the script of the first letter', () => {
    const spans = capitalisedSpans('Über Österreichs Kanzler sprach Ωmega mit U.S. officials.');
    expect(spans.map((span) => span.map((token) => token.text))).toEqual([
      ['Über', 'Österreichs', 'Kanzler'],
      ['Ωmega'],
      ['U.S.'],
    ]);
  });

  it('match a name in a source without words, and by key in one with them', () => {
    expect(createNameMatcher('')('US')).toBe(false);
    expect(createNameMatcher('...')('Putin')).toBe(false);
    const matches = createNameMatcher('Der Kreml und Selenskyj verhandeln bei Kimchi.');
    expect(matches('Zelensky')).toBe(true);
    expect(matches("Kremlin's")).toBe(true);
    // A short name must be a whole word.
    expect(matches('Kim')).toBe(false);
  });

  it('pass over no word that begins an exonym of more than one word', () => {
    const phrases = EXONYM_GROUPS.flat().filter((form) => form.includes(' '));
    const recased = (word: string) =>
      fc.constantFrom(word, word.toUpperCase(), word.toLowerCase(), word.normalize('NFD'));
    const phrase = fc
      .constantFrom(...phrases)
      .chain((form) => fc.tuple(...form.split(' ').map(recased)))
      .chain((words) =>
        fc
          .array(fc.constantFrom('Korea', 'Nord', 'A', 'u\u0308', 'S.'), { maxLength: 2 })
          .map((more) => [...words, ...more]),
      );
    let phrasesFound = 0;
    fc.assert(
      fc.property(phrase, (words) => {
        for (let end = 2; end <= words.length; end += 1) {
          if (exonymsOf(words.slice(0, end).join(' ')) === undefined) continue;
          phrasesFound += 1;
          expect(mayBeginExonymPhrase(words[0] ?? '')).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(phrasesFound).toBeGreaterThan(NUM_RUNS / 2);
  });
});

describe('the checks with one analysis per call', () => {
  it('report what each check reports on its own', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.summary = replaceIn(draft.en.summary, 'In June 2024', 'In July 2023');
      draft.en.key_points[0] = 'Sergei Ivanov said Putin would send "ten thousand soldiers to the front".';
      draft.de.key_points[0] = 'Laut Sergej Iwanow will Putin „zehntausend Soldaten an die Front“ schicken.';
    });
    const separately = [
      ...(['en', 'de'] as const).flatMap((language) => [
        ...checkFigures(seedSource, language, changed[language]),
        ...checkQuotations(seedSource, language, changed[language]),
      ]),
      ...checkNames(seedSource, changed),
      ...checkPersonNamesAgree(seedSource, changed),
    ];
    const { failures } = checkSummaries({ source: seedSource, summaries: changed, limits: DEFAULT_LIMITS });
    const factFailures = failures.filter(
      (failure) => failure.check !== 'limits' && failure.check !== 'language',
    );
    expect(separately.length).toBeGreaterThan(2);
    expect(new Set(factFailures.map((failure) => JSON.stringify(failure)))).toEqual(
      new Set(separately.map((failure) => JSON.stringify(failure))),
    );
  });
});
