import type { SummaryLanguage } from './check-report-schema.js';

const MONTH_NAMES: Readonly<Record<string, number>> = {
  Januar: 1,
  Jänner: 1,
  January: 1,
  Februar: 2,
  Feber: 2,
  February: 2,
  März: 3,
  March: 3,
  April: 4,
  Mai: 5,
  May: 5,
  Juni: 6,
  June: 6,
  Juli: 7,
  July: 7,
  August: 8,
  September: 9,
  Oktober: 10,
  October: 10,
  November: 11,
  Dezember: 12,
  December: 12,
};

const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  Jan: 1,
  Feb: 2,
  Mär: 3,
  Mar: 3,
  Mrz: 3,
  Apr: 4,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Sept: 9,
  Okt: 10,
  Oct: 10,
  Nov: 11,
  Dez: 12,
  Dec: 12,
};

/** Month names and abbreviations, German and English, with their number. */
export const MONTHS: Readonly<Record<string, number>> = { ...MONTH_NAMES, ...MONTH_ABBREVIATIONS };

/**
 * Month names that stand for a date on their own, without a day or year beside them.
 * Abbreviations are too short to trust alone; "May" and "March" are also English words.
 */
export const STANDALONE_MONTHS: readonly string[] = Object.keys(MONTH_NAMES).filter(
  (name) => name !== 'May' && name !== 'March',
);

/**
 * Written-out numbers that are unambiguous. "ein/eine/one/a" are left out: they are articles
 * far more often than figures.
 */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwanzig: 20,
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Capitalised forms that are nouns, not numbers ("außer Acht lassen"). */
export const CAPITALISED_NON_NUMBERS: ReadonlySet<string> = new Set(['Acht', 'Elf']);

/** Articles that mean "one" before a scale word ("eine Million", "a million"). */
export const ONE_BEFORE_SCALE: readonly string[] = ['ein', 'eine', 'einer', 'einem', 'one', 'a'];

/** Scale words by language: a German "Billion" is an English "trillion". */
export const SCALES: Readonly<Record<SummaryLanguage, Readonly<Record<string, number>>>> = {
  de: {
    Tausend: 1e3,
    tausend: 1e3,
    Mio: 1e6,
    'Mio.': 1e6,
    Million: 1e6,
    Millionen: 1e6,
    Mrd: 1e9,
    'Mrd.': 1e9,
    Milliarde: 1e9,
    Milliarden: 1e9,
    Billion: 1e12,
    Billionen: 1e12,
  },
  en: {
    thousand: 1e3,
    Thousand: 1e3,
    million: 1e6,
    millions: 1e6,
    Million: 1e6,
    mn: 1e6,
    billion: 1e9,
    billions: 1e9,
    Billion: 1e9,
    bn: 1e9,
    trillion: 1e12,
    trillions: 1e12,
    Trillion: 1e12,
    tn: 1e12,
  },
};

/** Percent signs and words, German and English. */
export const PERCENT_WORDS: readonly string[] = [
  '%',
  'Prozentpunkten',
  'Prozentpunkte',
  'Prozentpunkt',
  'Prozent',
  'percentage points',
  'percentage point',
  'percent',
  'per cent',
  'pct',
];
