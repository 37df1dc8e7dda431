import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { type DayReference, extractDayReferences, type PartOfDay } from './extract-day-references.js';
import { summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

// Parts of a day that a summary may fairly put for each other: "Dienstagabend" may be "Tuesday night".
const NEIGHBOURING_PARTS: ReadonlyArray<readonly [PartOfDay, PartOfDay]> = [
  ['evening', 'night'],
  ['morning', 'midday'],
  ['midday', 'afternoon'],
];
const partsAgree = (left: PartOfDay, right: PartOfDay) =>
  left === right ||
  NEIGHBOURING_PARTS.some(
    ([one, other]) => (one === left && other === right) || (one === right && other === left),
  );

function stated(reference: DayReference, source: readonly DayReference[]): boolean {
  const sameDay = source.filter(
    (candidate) =>
      candidate.day === reference.day ||
      (reference.day === 'weekend' && (candidate.day === 'saturday' || candidate.day === 'sunday')),
  );
  if (sameDay.length === 0) return false;
  const { part } = reference;
  // Where the article names the day without a part, it may give the time another way ("um 20 Uhr").
  return (
    part === undefined ||
    sameDay.some((candidate) => candidate.part === undefined || partsAgree(candidate.part, part))
  );
}

const DAY_NAMES: Readonly<Record<DayReference['day'], string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
  weekend: 'the weekend',
  dayBeforeYesterday: 'the day before yesterday',
  yesterday: 'yesterday',
  today: 'today',
  tomorrow: 'tomorrow',
  dayAfterTomorrow: 'the day after tomorrow',
};
const describeDay = ({ day, part }: DayReference) =>
  `${DAY_NAMES[day]}${part === undefined ? '' : ` ${part}`}`;

/**
 * Every weekday, relative day ("gestern", "tomorrow"), weekend and part of a day attached to one
 * ("Dienstagabend", "Tuesday evening") in a summary must be one the article states.
 */
export function checkDays(
  sourceDays: readonly DayReference[],
  language: SummaryLanguage,
  summary: SummaryInput,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const { field, text } of summaryFields(summary)) {
    const reported = new Set<string>();
    for (const reference of extractDayReferences(text, language)) {
      if (stated(reference, sourceDays) || reported.has(reference.written)) continue;
      reported.add(reference.written);
      failures.push({
        check: 'figures',
        language,
        field,
        text: reference.written,
        detail: `The day '${reference.written}' (read as ${describeDay(reference)}) does not appear in the article.`,
      });
    }
  }
  return failures;
}
