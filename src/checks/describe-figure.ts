import type { Figure } from './extract-figures.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The canonical reading of a figure, for an editor: "4.2 %", "24 June 2024", "14:30". */
export function describeFigure(figure: Figure): string {
  switch (figure.kind) {
    case 'number':
      // Digit groups only where they help: "2,500,000" but "2024", not "2,024".
      return `${figure.value.toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: Math.abs(figure.value) >= 10_000 })}${figure.percent ? ' %' : ''}`;
    case 'date':
      return [figure.day, figure.month === undefined ? undefined : MONTH_NAMES[figure.month - 1], figure.year]
        .filter((part) => part !== undefined)
        .join(' ');
    case 'time': {
      const hours = Math.floor(figure.minutesAfterMidnight / 60);
      const minutes = figure.minutesAfterMidnight % 60;
      return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    }
  }
}
