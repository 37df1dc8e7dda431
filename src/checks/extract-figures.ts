import type { SummaryLanguage } from './check-report-schema.js';
import {
  CAPITALISED_NON_NUMBERS,
  MONTHS,
  NUMBER_WORDS,
  ONE_BEFORE_SCALE,
  PERCENT_WORDS,
  SCALES,
  STANDALONE_MONTHS,
} from './figure-words.js';
import { parseLocalizedNumber } from './parse-localized-number.js';

export interface NumberFigure {
  kind: 'number';
  /** The value with its scale applied: "2,5 Millionen" is 2500000. */
  value: number;
  percent: boolean;
  written: string;
}

/** A date with the parts the text states; a year alone is a number, not a date. */
export interface DateFigure {
  kind: 'date';
  year?: number;
  month?: number;
  day?: number;
  written: string;
}

export interface TimeFigure {
  kind: 'time';
  minutesAfterMidnight: number;
  /** An English "2:30" without a.m./p.m. may also be 14:30. */
  meridiemUnknown: boolean;
  written: string;
}

export type Figure = NumberFigure | DateFigure | TimeFigure;

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((left, right) => right.length - left.length)
    .map(escapeForPattern)
    .join('|');
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const MONTH = `(${alternation(Object.keys(MONTHS))})(?!\\p{L})\\.?`;
const YEAR = '(\\d{4})(?!\\d)';
const PERCENT = `(?:\\s*(${alternation(PERCENT_WORDS)})(?!\\p{L})|-(?:[Pp]rozent)\\p{L}*)`;
// Not inside a word or a code such as "G7", "F-16" or "COVID-19", nor the tail of a number.
const NUMBER_START = '(?<![\\p{L}\\d])(?<!\\p{L}-)(?<!\\d[.,])';
// Thousands grouped by spaces ("250 000", with a no-break, narrow or thin space too) may end in decimals.
const NUMBER = '(\\d{1,3}(?:[ \\u00A0\\u202F\\u2009]\\d{3})+(?:[.,]\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)*)';

function patternsFor(language: SummaryLanguage) {
  const scale = `(?:\\s*(${alternation(Object.keys(SCALES[language]))})(?!\\p{L}))`;
  const numberWords = Object.keys(NUMBER_WORDS).flatMap((word) =>
    CAPITALISED_NON_NUMBERS.has(capitalise(word)) ? [word] : [word, capitalise(word)],
  );
  const one = ONE_BEFORE_SCALE.flatMap((word) => [word, capitalise(word)]);
  return {
    isoDate: /(?<![\d.,])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])/gu,
    // "24.06.2024", "24.6." in German; in English "2.5." ends a sentence, so a year is required.
    numericDate:
      language === 'de'
        ? /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})(?!\d)|(?!\d))/gu
        : /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/gu,
    dayFirstDate: new RegExp(
      `(?<![\\d.,])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`,
      'gu',
    ),
    // "June 24, 2024" is English; in German "Juni 30 Prozent" would be misread.
    monthFirstDate:
      language === 'en'
        ? new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d.,]?\\d)(?:,?\\s+${YEAR})?`, 'gu')
        : undefined,
    monthYear: new RegExp(`${MONTH},?\\s+${YEAR}`, 'gu'),
    // The month first, the letter before it checked after: see `numberWord`.
    month: new RegExp(`(${alternation(STANDALONE_MONTHS)})(?<!\\p{L}\\1)(?!\\p{L})`, 'gu'),
    clockTime:
      language === 'de'
        ? /(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s*Uhr(?!\p{L})/gu
        : /(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s*([aApP])\.?\s?[mM]\.?(?!\p{L})/gu,
    colonTime: /(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])/gu,
    // A number starts at its currency sign or its first digit; saying so lets the engine skip ahead.
    number: new RegExp(
      `(?=[€$£\\d])([€$£]\\s?)?${NUMBER_START}${NUMBER}(?:(bn|mn|tn|m|k)(?!\\p{L})|(st|nd|rd|th|er|ern|ers|s)(?!\\p{L}))?${scale}?${PERCENT}?`,
      'gu',
    ),
    // The word comes first and the letter before it is checked after, `(?<!\p{L}\1)`: the same matches
    // as a leading `(?<!\p{L})`, but the engine can skip ahead to the words' first letters.
    numberWord: new RegExp(`(${alternation(numberWords)})(?<!\\p{L}\\1)(?!\\p{L})${scale}?${PERCENT}?`, 'gu'),
    // As `numberWord`, the letter before is checked after the article: no article ends with another.
    oneTimesScale: new RegExp(`(?:${alternation(one)})(?<!\\p{L}(?:${alternation(one)}))\\s+${scale}`, 'gu'),
    // Literal text that a match of some pattern must contain, so a text without it skips that pattern.
    anyNumberWord: new RegExp(alternation(numberWords)),
    anyScaleWord: new RegExp(alternation(Object.keys(SCALES[language]))),
  };
}

const ANY_DIGIT = /\d/;
const DIGITS_AROUND_HYPHEN = /\d-\d/;
const DIGITS_AROUND_PERIOD = /\d\.\d/;
const DIGITS_AROUND_COLON = /\d:\d/;
const ANY_MONTH_NAME = new RegExp(alternation(Object.keys(MONTHS)));
const CLOCK_WORD = /Uhr/;

const PATTERNS: Readonly<Record<SummaryLanguage, ReturnType<typeof patternsFor>>> = {
  de: patternsFor('de'),
  en: patternsFor('en'),
};

const ATTACHED_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 };

const isYear = (value: number) => value >= 1000 && value <= 2999;
const isMonth = (value: number) => value >= 1 && value <= 12;
const isDay = (value: number) => value >= 1 && value <= 31;

/**
 * Every figure a text states, read into canonical values: numbers (with scale and percent),
 * dates (with the parts stated) and clock times. `language` decides the ambiguous notations.
 */
export function extractFigures(text: string, language: SummaryLanguage): Figure[] {
  const found: Array<{ at: number; figure: Figure }> = [];
  const patterns = PATTERNS[language];
  let masked = text;
  // Each pattern masks what it took, so "24. Juni 2024" is not read again as 24 and 2024.
  const take = (pattern: RegExp | undefined, read: (match: RegExpExecArray) => Figure | undefined) => {
    if (pattern === undefined) return;
    const pieces: string[] = [];
    let end = 0;
    for (const match of masked.matchAll(pattern)) {
      const figure = read(match);
      if (figure === undefined) continue;
      found.push({ at: match.index, figure });
      pieces.push(masked.slice(end, match.index), ' '.repeat(match[0].length));
      end = match.index + match[0].length;
    }
    if (pieces.length > 0) masked = pieces.join('') + masked.slice(end);
  };
  // Masking only turns text into spaces, so what the text lacks the masked text lacks too.
  const hasDigits = ANY_DIGIT.test(text);
  const hasMonths = ANY_MONTH_NAME.test(text);
  const hasDigitsAndMonths = hasDigits && hasMonths;
  const written = (match: RegExpExecArray) => match[0].trim();
  const scaleOf = (word: string | undefined) => (word === undefined ? 1 : (SCALES[language][word] ?? 1));

  take(hasDigits && DIGITS_AROUND_HYPHEN.test(text) ? patterns.isoDate : undefined, (match) => {
    const [, year, month, day] = match.map((part) => (part === undefined ? undefined : Number(part)));
    if (year === undefined || month === undefined || !isMonth(month)) return undefined;
    if (day !== undefined && !isDay(day)) return undefined;
    return { kind: 'date', year, month, day, written: written(match) };
  });
  take(hasDigits && DIGITS_AROUND_PERIOD.test(text) ? patterns.numericDate : undefined, (match) => {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (!isDay(day) || !isMonth(month)) return undefined;
    const yearText = match[3];
    const year = yearText === undefined ? undefined : Number(yearText) + (yearText.length === 2 ? 2000 : 0);
    return { kind: 'date', year, month, day, written: written(match) };
  });
  const readDate = (
    dayText: string | undefined,
    monthName: string | undefined,
    yearText: string | undefined,
  ) => {
    const month = monthName === undefined ? undefined : MONTHS[monthName];
    const day = dayText === undefined ? undefined : Number(dayText);
    const year = yearText === undefined ? undefined : Number(yearText);
    if (month === undefined) return undefined;
    if (day !== undefined && !isDay(day)) return undefined;
    if (year !== undefined && !isYear(year)) return undefined;
    return { month, day, year };
  };
  take(hasDigitsAndMonths ? patterns.dayFirstDate : undefined, (match) => {
    const date = readDate(match[1], match[2], match[3]);
    return date && { kind: 'date', ...date, written: written(match) };
  });
  take(hasDigitsAndMonths ? patterns.monthFirstDate : undefined, (match) => {
    const date = readDate(match[2], match[1], match[3]);
    return date && { kind: 'date', ...date, written: written(match) };
  });
  take(hasDigitsAndMonths ? patterns.monthYear : undefined, (match) => {
    const date = readDate(undefined, match[1], match[2]);
    return date && { kind: 'date', ...date, written: written(match) };
  });
  take(hasMonths ? patterns.month : undefined, (match) => {
    const date = readDate(undefined, match[1], undefined);
    return date && { kind: 'date', ...date, written: written(match) };
  });

  const mayStateClockTime = hasDigits && (language === 'en' || CLOCK_WORD.test(text));
  take(mayStateClockTime ? patterns.clockTime : undefined, (match) => {
    let hours = Number(match[1]);
    const minutes = Number(match[2] ?? 0);
    const meridiem = match[3]?.toLowerCase();
    if (meridiem !== undefined) {
      if (hours < 1 || hours > 12) return undefined;
      hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
    }
    if (hours > 24 || minutes > 59) return undefined;
    return {
      kind: 'time',
      minutesAfterMidnight: hours * 60 + minutes,
      meridiemUnknown: false,
      written: written(match),
    };
  });
  take(hasDigits && DIGITS_AROUND_COLON.test(text) ? patterns.colonTime : undefined, (match) => {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if (hours > 24 || minutes > 59) return undefined;
    const meridiemUnknown = language === 'en' && hours >= 1 && hours <= 12;
    return {
      kind: 'time',
      minutesAfterMidnight: hours * 60 + minutes,
      meridiemUnknown,
      written: written(match),
    };
  });

  take(hasDigits ? patterns.number : undefined, (match) => {
    const [whole, currency, digits = '', attachedScale, , scaleWord, percentWord] = match;
    const end = match.index + whole.length;
    // "5G", "3D", "100m" without a currency: a code or a unit this check does not read.
    if (/\p{L}/u.test(text.charAt(end))) return undefined;
    if ((attachedScale === 'm' || attachedScale === 'k') && currency === undefined) return undefined;
    const value = parseLocalizedNumber(digits, language);
    if (value === undefined) return undefined;
    const scale = attachedScale === undefined ? scaleOf(scaleWord) : (ATTACHED_SCALES[attachedScale] ?? 1);
    const percent = percentWord !== undefined || /-[Pp]rozent/.test(whole);
    return { kind: 'number', value: value * scale, percent, written: written(match) };
  });
  take(patterns.anyNumberWord.test(text) ? patterns.numberWord : undefined, (match) => {
    const [whole, word = '', scaleWord, percentWord] = match;
    const value = NUMBER_WORDS[word.toLowerCase()];
    if (value === undefined) return undefined;
    const percent = percentWord !== undefined || /-[Pp]rozent/.test(whole);
    return { kind: 'number', value: value * scaleOf(scaleWord), percent, written: written(match) };
  });
  take(patterns.anyScaleWord.test(text) ? patterns.oneTimesScale : undefined, (match) => ({
    kind: 'number',
    value: scaleOf(match[1]),
    percent: false,
    written: written(match),
  }));

  return found.sort((left, right) => left.at - right.at).map(({ figure }) => figure);
}
