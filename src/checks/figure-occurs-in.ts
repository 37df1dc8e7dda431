import type { DateFigure, Figure, NumberFigure, TimeFigure } from './extract-figures.js';

const MINUTES_PER_HALF_DAY = 12 * 60;

function sameValue(left: number, right: number): boolean {
  return Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
}

function mentionsYear(year: number, source: readonly Figure[]): boolean {
  return source.some(
    (figure) =>
      (figure.kind === 'number' && !figure.percent && figure.value === year) ||
      (figure.kind === 'date' && figure.year === year),
  );
}

function numberOccurs(figure: NumberFigure, candidate: Figure): boolean {
  if (candidate.kind === 'number')
    return sameValue(figure.value, candidate.value) && (!figure.percent || candidate.percent);
  // A year or a day may be taken out of a date: "2024" from "date 2024-06".
  if (candidate.kind === 'date')
    return !figure.percent && (candidate.year === figure.value || candidate.day === figure.value);
  // "at 8 o'clock" for "um 8 Uhr": the hour of a clock time, either half of the day.
  return (
    !figure.percent &&
    Number.isInteger(figure.value) &&
    candidate.minutesAfterMidnight % MINUTES_PER_HALF_DAY === (figure.value * 60) % MINUTES_PER_HALF_DAY
  );
}

function dateOccurs(figure: DateFigure, candidate: Figure, source: readonly Figure[]): boolean {
  if (candidate.kind !== 'date') return false;
  if (figure.year !== undefined) {
    // "24. Juni" in an article dated 2024 may become "24 June 2024".
    const yearAgrees =
      candidate.year === undefined ? mentionsYear(figure.year, source) : candidate.year === figure.year;
    if (!yearAgrees) return false;
  }
  // A summary may state less than the source ("June 2024" for "24. Juni 2024"), never more.
  if (figure.month !== undefined && candidate.month !== figure.month) return false;
  if (figure.day !== undefined && candidate.day !== figure.day) return false;
  return true;
}

function timeOccurs(figure: TimeFigure, candidate: Figure): boolean {
  if (candidate.kind !== 'time') return false;
  if (candidate.minutesAfterMidnight === figure.minutesAfterMidnight) return true;
  return (
    figure.meridiemUnknown &&
    candidate.minutesAfterMidnight === figure.minutesAfterMidnight + MINUTES_PER_HALF_DAY
  );
}

/** Whether the source states this figure, in any notation or with more detail. */
export function figureOccursIn(figure: Figure, source: readonly Figure[]): boolean {
  switch (figure.kind) {
    case 'number':
      return source.some((candidate) => numberOccurs(figure, candidate));
    case 'date':
      return source.some((candidate) => dateOccurs(figure, candidate, source));
    case 'time':
      return source.some((candidate) => timeOccurs(figure, candidate));
  }
}
