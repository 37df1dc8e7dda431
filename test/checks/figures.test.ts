import { describe, expect, it } from 'vitest';
import { figureOccursIn } from '../../src/checks/figure-occurs-in.js';
import {
  checkFigures,
  describeFigure,
  extractFigures,
  type SummaryLanguage,
} from '../../src/checks/index.js';
import { parseLocalizedNumber } from '../../src/checks/parse-localized-number.js';

/** Whether every figure of a summary text is stated by a German source text. */
function statedBySource(summary: string, language: SummaryLanguage, source: string): boolean {
  const sourceFigures = extractFigures(source, 'de');
  const figures = extractFigures(summary, language);
  expect(figures, `no figure read in '${summary}'`).not.toHaveLength(0);
  return figures.every((figure) => figureOccursIn(figure, sourceFigures));
}

describe('parseLocalizedNumber', () => {
  it.each([
    ['1.000,5', 'de', 1000.5],
    ['1,000.5', 'en', 1000.5],
    ['1.000,5', 'en', 1000.5],
    ['1,000.5', 'de', 1000.5],
    ['1.000', 'de', 1000],
    ['1,000', 'en', 1000],
    ['1.234.567', 'de', 1234567],
    ['1,234,567', 'en', 1234567],
    ['1\u00A0000', 'de', 1000],
    ['2,5', 'de', 2.5],
    ['2,5', 'en', 2.5],
    ['2.5', 'de', 2.5],
    ['0,75', 'de', 0.75],
    ['2024', 'de', 2024],
  ] as const)('reads %s in %s text as %d', (written, language, value) => {
    expect(parseLocalizedNumber(written, language)).toBe(value);
  });

  it('reads a lone three-digit group as the language of the text would', () => {
    expect(parseLocalizedNumber('1,000', 'de')).toBe(1);
    expect(parseLocalizedNumber('1.000', 'en')).toBe(1);
  });
});

describe('figures that mean the same in German and English notation', () => {
  it.each([
    ['1.000,5 Euro', 'en', '1,000.5 euros'],
    ['1.000,5 Euro', 'de', '1.000,5 Euro'],
    ['85.000 Euro', 'en', 'around 85,000 euros'],
    ['24. Juni 2024', 'en', 'June 24, 2024'],
    ['24. Juni 2024', 'en', '24 June 2024'],
    ['24. Juni 2024', 'en', 'on the 24th of June 2024'],
    ['24. Juni 2024', 'de', '24.06.2024'],
    ['24. Juni 2024', 'de', 'am 24.6.2024'],
    ['24. Juni 2024', 'en', 'June 2024'],
    ['24. Juni 2024', 'de', 'im Juni'],
    ['24. Juni 2024', 'en', 'in 2024'],
    ['am 24. Juni, Haushalt 2024', 'en', 'June 24, 2024'],
    ['date 2024-06 Russlands Präsident', 'en', 'In June 2024'],
    ['date 2024-06 Russlands Präsident', 'de', 'Im Jahr 2024'],
    ['3 Prozent', 'en', '3 percent'],
    ['3 Prozent', 'en', '3%'],
    ['3 Prozent', 'en', '3 per cent'],
    ['3 Prozent', 'de', '3 %'],
    ['drei Prozent', 'en', '3%'],
    ['die 5-Prozent-Hürde', 'en', 'the 5 percent threshold'],
    ['2,5 Millionen Euro', 'en', '2.5 million euros'],
    ['2,5 Millionen Euro', 'en', '€2.5m'],
    ['2,5 Millionen Euro', 'de', '2,5 Mio. Euro'],
    ['2,5 Millionen Euro', 'de', '2.500.000 Euro'],
    ['1,2 Milliarden Euro', 'en', '$1.2bn'],
    ['1,2 Milliarden Euro', 'en', '1.2 billion'],
    ['eine Billion Euro', 'en', 'one trillion euros'],
    ['eine Million Menschen', 'en', 'a million people'],
    ['drei Wochen', 'en', 'three weeks'],
    ['drei Wochen', 'en', '3 weeks'],
    ['3 Wochen', 'de', 'drei Wochen'],
    ['zwölf Ortswehren', 'en', '12 brigades'],
    ['um 14.30 Uhr', 'en', 'at 2:30 p.m.'],
    ['um 14.30 Uhr', 'en', 'at 14:30'],
    ['um 14.30 Uhr', 'en', 'at 2:30'],
    ['gegen 1.40 Uhr', 'en', 'around 1:40 a.m.'],
    ['in den 1990er Jahren', 'en', 'in the 1990s'],
  ] as const)('%s is stated by "%s" (%s)', (source, language, summary) => {
    expect(statedBySource(summary, language, source)).toBe(true);
  });
});

describe('numbers with thousands grouped by spaces', () => {
  it.each([
    ['250 000 Menschen', 'en', '250,000 people'],
    ['250 000 Menschen', 'de', '250.000 Menschen'],
    ['250 000 Menschen', 'de', '250000 Menschen'],
    ['250\u00A0000 Menschen', 'en', '250,000 people'],
    ['250\u202F000 Menschen', 'de', '250 000 Menschen'],
    ['250.000 Menschen', 'de', '250 000 Menschen'],
    ['250.000 Menschen', 'en', '250\u202F000 people'],
    ['1 200,5 Millionen Euro', 'en', '1,200.5 million euros'],
    ['1.200,5 Millionen Euro', 'de', '1 200,5 Millionen Euro'],
  ] as const)('%s is stated by "%s" (%s)', (source, language, summary) => {
    expect(statedBySource(summary, language, source)).toBe(true);
  });

  it.each([
    ['250 000 Menschen', 'en', '25,000 people'],
    ['250.000 Menschen', 'de', '205 000 Menschen'],
    ['1 200,5 Millionen Euro', 'en', '1,200 million euros'],
  ] as const)('%s is not stated by "%s" (%s)', (source, language, summary) => {
    expect(statedBySource(summary, language, source)).toBe(false);
  });
});

describe('ranges and approximations', () => {
  const check = (source: string, language: SummaryLanguage, summary: string) =>
    checkFigures(source, language, { headline: 'X', summary, key_points: [] }).map((failure) => failure.text);

  it.each([
    ['103 Menschen', 'en', 'More than 100 people'],
    ['103 Menschen', 'de', 'mehr als 100 Menschen'],
    ['103 Menschen', 'de', 'rund 100 Menschen'],
    ['103 Menschen', 'en', 'about 100 people'],
    ['98 Menschen', 'de', 'knapp 100 Menschen'],
    ['98 Menschen', 'en', 'nearly 100 people'],
    ['47 Menschen', 'en', 'fewer than 50 people'],
    ['41,3 Prozent', 'en', 'around 40 percent'],
    ['10 bis 12 Tage', 'en', '10 to 12 days'],
    ['10 bis 12 Tage', 'en', '10–12 days'],
    ['10–12 Tage', 'de', 'zwischen 10 und 12 Tagen'],
    ['um 8 Uhr', 'en', "at 8 o'clock"],
  ] as const)('%s is stated by "%s" (%s)', (source, language, summary) => {
    expect(check(source, language, summary)).toEqual([]);
  });

  it.each([
    ['103 Menschen', 'en', 'about 200 people', '200'],
    ['103 Menschen', 'de', 'rund 200 Menschen', '200'],
    ['103 Menschen', 'en', 'nearly 100 people', '100'],
    ['103 Menschen', 'en', 'fewer than 100 people', '100'],
    ['103 Menschen', 'en', 'more than 110 people', '110'],
    ['41,3 Prozent', 'en', 'around 40 people', '40'],
    ['10 bis 12 Tage', 'en', '10 to 14 days', '14'],
  ] as const)('%s is not stated by "%s" (%s)', (source, language, summary, flagged) => {
    expect(check(source, language, summary)).toEqual([flagged]);
  });
});

describe('figures that differ', () => {
  it.each([
    ['4,2 Prozent', 'en', '4.3 percent'],
    ['4,2 Prozent', 'de', '4,2 Millionen'],
    ['3 Menschen', 'en', '3 percent'],
    ['1.000 Euro', 'en', '1.000 euros'],
    ['24. Juni 2024', 'en', 'June 25, 2024'],
    ['24. Juni 2024', 'en', 'July 2024'],
    ['24. Juni 2024', 'en', '24 June 2023'],
    ['24. Juni 2024', 'de', 'im Jahr 2023'],
    ['date 2024-06 Russlands Präsident', 'en', 'on June 24, 2024'],
    ['im Juni', 'en', 'on June 24'],
    ['2,5 Millionen Euro', 'en', '2.5 billion euros'],
    ['eine Billion Euro', 'en', 'one billion euros'],
    ['um 14.30 Uhr', 'en', 'at 2:30 a.m.'],
    ['drei Wochen', 'en', 'four weeks'],
    ['drei Wochen', 'de', 'vier Wochen'],
  ] as const)('%s is not stated by "%s" (%s)', (source, language, summary) => {
    expect(statedBySource(summary, language, source)).toBe(false);
  });
});

describe('extractFigures', () => {
  it.each([
    ['de', 'Ein Sprecher sagte, eine Lösung sei nah.'],
    ['en', 'One of the officials said a solution may be near.'],
    ['de', 'Beim G7-Gipfel ging es um F-16-Kampfjets und Covid-19.'],
    ['en', 'Putin may travel in March, he said.'],
    ['de', 'Er ließ die Warnung außer Acht.'],
  ] as const)('reads no figure in %s text "%s"', (language, text) => {
    expect(extractFigures(text, language)).toEqual([]);
  });

  it('reads a date once, not again as its day and year', () => {
    const figures = extractFigures('Am 24. Juni 2024 stieg die Quote auf 2,5 Prozent.', 'de');
    expect(figures.map(describeFigure)).toEqual(['24 June 2024', '2.5 %']);
  });

  it('keeps the figure as the text writes it', () => {
    expect(extractFigures('Die Kosten: 2,5 Millionen Euro.', 'de').map((figure) => figure.written)).toEqual([
      '2,5 Millionen',
    ]);
  });
});

describe('checkFigures', () => {
  const source =
    'Ostervelde plant für 2025 Ausgaben von 1.250,5 Millionen Euro. Die Steuer steigt um 3,8 Prozent.';

  it('reports each figure the article does not state, as written, in its field', () => {
    const failures = checkFigures(source, 'en', {
      headline: 'Ostervelde plans spending of 1,250.5 million euros in 2025',
      summary: 'The tax rises by 3.9 percent. Spending reaches 1.25 billion euros.',
      key_points: ['Spending rises by 3.8 percent in 2026.'],
    });
    expect(failures.map(({ field, text }) => `${field}: ${text}`)).toEqual([
      'summary: 3.9 percent',
      'summary: 1.25 billion',
      'key_points[0]: 2026',
    ]);
    expect(failures[0]?.detail).toBe(
      "The figure '3.9 percent' (read as 3.9 %) does not appear in the article in any notation.",
    );
  });
});
