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

const GERMAN_PART = '(morgen|früh|vormittag|mittag|nachmittag|abend|nacht)';
const ENGLISH_PART = '(morning|afternoon|evening|night)';
// Each pattern starts at a day's first letter and reads a fixed set of words: no run to backtrack over.
const PATTERNS: Readonly<Record<SummaryLanguage, readonly RegExp[]>> = {
  de: [
    // "Dienstag", "Dienstagabend", "dienstags", "Dienstag Abend"; not "Sonntagsfrage".
    new RegExp(
      `(?<!\\p{L})(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?:${GERMAN_PART}|[ -]${GERMAN_PART}(?!\\p{L}))?s?(?!\\p{L})`,
      'giu',
    ),
    // "gestern", "heute Abend", "heutigen"; "morgen" only in lower case ("Morgen" is a part of a day).
    new RegExp(
      `(?<!\\p{L})(vorgestern|gestern|heute|heutig\\p{L}*|übermorgen|morgen)(?!\\p{L})(?: ${GERMAN_PART}(?!\\p{L}))?`,
      'giu',
    ),
    /(?<!\p{L})(wochenende)(?:s|n)?(?!\p{L})/giu,
  ],
  en: [
    new RegExp(
      `(?<!\\p{L})(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]?s)?(?: ${ENGLISH_PART}(?!\\p{L}))?(?!\\p{L})`,
      'giu',
    ),
    new RegExp(
      `(?<!\\p{L})(yesterday|today|tonight|tomorrow)(?:['’]s)?(?: ${ENGLISH_PART}(?!\\p{L}))?(?!\\p{L})`,
      'giu',
    ),
    new RegExp(`(?<!\\p{L})this ${ENGLISH_PART}(?!\\p{L})`, 'giu'),
    /(?<!\p{L})(weekend)s?(?!\p{L})/giu,
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
