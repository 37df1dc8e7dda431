import type { SummaryLanguage } from './check-report-schema.js';

export type Day =
  | 'monday'
  | 'tuesday'
  | 'wednesday'
  | 'thursday'
  | 'friday'
  | 'saturday'
  | 'sunday'
  | 'weekend'
  | 'dayBeforeYesterday'
  | 'yesterday'
  | 'today'
  | 'tomorrow'
  | 'dayAfterTomorrow';

export type PartOfDay = 'morning' | 'midday' | 'afternoon' | 'evening' | 'night';

/** A day a text names ("Dienstagabend", "on Tuesday evening", "gestern", "am Wochenende"). */
export interface DayReference {
  day: Day;
  part?: PartOfDay;
  written: string;
}

const DAYS: Readonly<Record<string, Day>> = {
  montag: 'monday',
  dienstag: 'tuesday',
  mittwoch: 'wednesday',
  donnerstag: 'thursday',
  freitag: 'friday',
  samstag: 'saturday',
  sonnabend: 'saturday',
  sonntag: 'sunday',
  monday: 'monday',
  tuesday: 'tuesday',
  wednesday: 'wednesday',
  thursday: 'thursday',
  friday: 'friday',
  saturday: 'saturday',
  sunday: 'sunday',
  vorgestern: 'dayBeforeYesterday',
  gestern: 'yesterday',
  heute: 'today',
  heutig: 'today',
  morgen: 'tomorrow',
  übermorgen: 'dayAfterTomorrow',
  yesterday: 'yesterday',
  today: 'today',
  tonight: 'today',
  tomorrow: 'tomorrow',
  wochenende: 'weekend',
  weekend: 'weekend',
};

const PARTS: Readonly<Record<string, PartOfDay>> = {
  morgen: 'morning',
  früh: 'morning',
  vormittag: 'morning',
  mittag: 'midday',
  nachmittag: 'afternoon',
  abend: 'evening',
  nacht: 'night',
  morning: 'morning',
  noon: 'midday',
  midday: 'midday',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const inBothCases = (words: readonly string[]) =>
  words.flatMap((word) => [word, capitalised(word)]).join('|');

const GERMAN_PARTS = ['morgen', 'früh', 'vormittag', 'mittag', 'nachmittag', 'abend', 'nacht'];
// In a compound the part is in lower case ("Dienstagabend"); after a space it may be a noun ("heute Abend").
const ATTACHED_GERMAN_PART = `(${GERMAN_PARTS.join('|')})`;
const SPACED_GERMAN_PART = `(${inBothCases(GERMAN_PARTS)})`;
const ENGLISH_PART = '(morning|afternoon|evening|night)';
const GERMAN_WEEKDAYS = [
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonnabend',
  'sonntag',
];
const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// Each pattern starts with its words and checks the letter before them after, `(?<!\p{L}\1)`: the engine
// can skip ahead to the words' first letters, and no pattern has a run to backtrack over.
const PATTERNS: Readonly<Record<SummaryLanguage, readonly RegExp[]>> = {
  de: [
    // "Dienstag", "Dienstagabend", "dienstags", "Dienstag Abend"; not "Sonntagsfrage".
    new RegExp(
      `(${inBothCases(GERMAN_WEEKDAYS)})(?<!\\p{L}\\1)(?:${ATTACHED_GERMAN_PART}|[ -]${SPACED_GERMAN_PART}(?!\\p{L}))?s?(?!\\p{L})`,
      'gu',
    ),
    // "gestern", "heute Abend", "heutigen"; "morgen" only in lower case ("Morgen" is a part of a day).
    new RegExp(
      `(${inBothCases(['vorgestern', 'gestern', 'heute', 'übermorgen'])}|[Hh]eutig\\p{L}*|morgen)(?<!\\p{L}\\1)(?!\\p{L})(?: ${SPACED_GERMAN_PART}(?!\\p{L}))?`,
      'gu',
    ),
    /([Ww]ochenende)(?<!\p{L}\1)(?:s|n)?(?!\p{L})/gu,
  ],
  en: [
    new RegExp(
      `(${ENGLISH_WEEKDAYS.join('|')})(?<!\\p{L}\\1)(?:['’]?s)?(?: ${ENGLISH_PART}(?!\\p{L}))?(?!\\p{L})`,
      'gu',
    ),
    new RegExp(
      `(${inBothCases(['yesterday', 'today', 'tonight', 'tomorrow'])})(?<!\\p{L}\\1)(?:['’]s)?(?: ${ENGLISH_PART}(?!\\p{L}))?(?!\\p{L})`,
      'gu',
    ),
    new RegExp(`\\b[Tt]his ${ENGLISH_PART}(?!\\p{L})`, 'gu'),
    /([Ww]eekend)(?<!\p{L}\1)s?(?!\p{L})/gu,
  ],
};

/** Every day a text names, with the part of the day it gives. */
export function extractDayReferences(text: string, language: SummaryLanguage): DayReference[] {
  const references: DayReference[] = [];
  for (const pattern of PATTERNS[language]) {
    for (const match of text.matchAll(pattern)) {
      const [written, dayWord = '', partWord, spacedPartWord] = match;
      if (dayWord === 'Morgen') continue;
      const word = dayWord.toLowerCase();
      // "this morning" and "tonight" name a part of today.
      const thisPart = written.toLowerCase().startsWith('this ') ? PARTS[word] : undefined;
      const day = thisPart === undefined ? DAYS[word.startsWith('heutig') ? 'heutig' : word] : 'today';
      if (day === undefined) continue;
      const partWritten = (partWord ?? spacedPartWord)?.toLowerCase();
      const part =
        thisPart ??
        (partWritten === undefined ? undefined : PARTS[partWritten]) ??
        (word === 'tonight' ? 'evening' : undefined);
      references.push(part === undefined ? { day, written } : { day, part, written });
    }
  }
  return references;
}
