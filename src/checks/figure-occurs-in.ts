import type { DateFigure, Figure, NumberFigure } from './extract-figures.js';

const MINUTES_PER_HALF_DAY = 12 * 60;
const RELATIVE_TOLERANCE = 1e-9;

/** The numbers of a source, sorted, with the years and days its dates state. */
interface FigureIndex {
  numbers: readonly NumberFigure[];
  dates: readonly DateFigure[];
  /** Years the source mentions, as a number or in a date. */
  years: ReadonlySet<number>;
  /** Years and days of the source's dates: a number may be taken out of a date. */
  partsOfDates: ReadonlySet<number>;
  times: ReadonlySet<number>;
  /** The source's clock times within half a day: an hour may be said without am or pm. */
  timesOfHalfDay: ReadonlySet<number>;
}

function indexFigures(source: readonly Figure[]): FigureIndex {
  const numbers: NumberFigure[] = [];
  const dates: DateFigure[] = [];
  const years = new Set<number>();
  const partsOfDates = new Set<number>();
  const times = new Set<number>();
  const timesOfHalfDay = new Set<number>();
  for (const figure of source) {
    if (figure.kind === 'number') {
      numbers.push(figure);
      if (!figure.percent) years.add(figure.value);
    } else if (figure.kind === 'date') {
      dates.push(figure);
      if (figure.year !== undefined) {
        years.add(figure.year);
        partsOfDates.add(figure.year);
      }
      if (figure.day !== undefined) partsOfDates.add(figure.day);
    } else {
      times.add(figure.minutesAfterMidnight);
      timesOfHalfDay.add(figure.minutesAfterMidnight % MINUTES_PER_HALF_DAY);
    }
  }
  numbers.sort((left, right) => left.value - right.value);
  return { numbers, dates, years, partsOfDates, times, timesOfHalfDay };
}

/** The index of the first number not below `value`. */
function firstAtLeast(numbers: readonly NumberFigure[], value: number): number {
  let low = 0;
  let high = numbers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((numbers[middle]?.value ?? value) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function numberOccurs(figure: NumberFigure, index: FigureIndex): boolean {
  // A year or a day may be taken out of a date: "2024" from "date 2024-06".
  if (!figure.percent && index.partsOfDates.has(figure.value)) return true;
  // "at 8 o'clock" for "um 8 Uhr": the hour of a clock time, either half of the day.
  if (
    !figure.percent &&
    Number.isInteger(figure.value) &&
    index.timesOfHalfDay.has((figure.value * 60) % MINUTES_PER_HALF_DAY)
  )
    return true;
  // The same value up to rounding: "2,5 Millionen" and "2.5 million" may differ in the last bits.
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, Math.abs(figure.value));
  for (let at = firstAtLeast(index.numbers, figure.value - tolerance); at < index.numbers.length; at++) {
    const candidate = index.numbers[at];
    if (candidate === undefined || candidate.value > figure.value + tolerance) break;
    if (!figure.percent || candidate.percent) return true;
  }
  return false;
}

function dateOccurs(figure: DateFigure, index: FigureIndex): boolean {
  return index.dates.some((candidate) => {
    if (figure.year !== undefined) {
      // "24. Juni" in an article dated 2024 may become "24 June 2024".
      const yearAgrees =
        candidate.year === undefined ? index.years.has(figure.year) : candidate.year === figure.year;
      if (!yearAgrees) return false;
    }
    // A summary may state less than the source ("June 2024" for "24. Juni 2024"), never more.
    if (figure.month !== undefined && candidate.month !== figure.month) return false;
    if (figure.day !== undefined && candidate.day !== figure.day) return false;
    return true;
  });
}

/**
 * Whether the source states a figure, in any notation or with more detail. The source's figures
 * are indexed once, so each question reads only the figures that may answer it.
 */
export function createFigureLookup(source: readonly Figure[]): (figure: Figure) => boolean {
  const index = indexFigures(source);
  return (figure) => {
    switch (figure.kind) {
      case 'number':
        return numberOccurs(figure, index);
      case 'date':
        return dateOccurs(figure, index);
      case 'time':
        return (
          index.times.has(figure.minutesAfterMidnight) ||
          (figure.meridiemUnknown && index.times.has(figure.minutesAfterMidnight + MINUTES_PER_HALF_DAY))
        );
    }
  };
}

/** Whether the source states this figure, in any notation or with more detail. */
export function figureOccursIn(figure: Figure, source: readonly Figure[]): boolean {
  return createFigureLookup(source)(figure);
}
