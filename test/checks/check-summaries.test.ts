import { describe, expect, it } from 'vitest';
import { checkReportSchema, checkSummaries, formatFailuresForRepair } from '../../src/checks/index.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';
import { mutate, replaceIn } from './fixtures/mutate.js';
import { seedClean, seedCleanWithEvidence, seedSource } from './fixtures/seed-clean.js';

const check = (summaries: typeof seedClean, limits = DEFAULT_LIMITS) =>
  checkSummaries({ source: seedSource, summaries, limits });

/** The failures as "check language.field: text", which is what an editor reads first. */
const flagged = (summaries: typeof seedClean) =>
  check(summaries).failures.map(
    (failure) => `${failure.check} ${failure.language}.${failure.field}: ${failure.text}`,
  );

describe('checkSummaries on the seed article', () => {
  it('raises no flag on a clean v1 summary', () => {
    expect(check(seedClean)).toEqual({ passed: true, failures: [] });
  });

  it('raises no flag on a clean v2 summary with evidence', () => {
    expect(check(seedCleanWithEvidence)).toEqual({ passed: true, failures: [] });
  });

  it('returns a report that the API schema accepts', () => {
    const report = check(mutate(seedClean, (draft) => (draft.en.headline = 'Putin threatens 3 countries')));
    expect(checkReportSchema.parse(report)).toEqual(report);
    expect(report.passed).toBe(false);
  });

  it('flags a changed date in the English summary', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.summary = replaceIn(draft.en.summary, 'In June 2024', 'In July 2024');
    });
    expect(flagged(changed)).toEqual(['figures en.summary: July 2024']);
  });

  it('flags a changed year in the German summary', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.summary = replaceIn(draft.de.summary, 'im Juni 2024', 'im Juni 2023');
    });
    expect(flagged(changed)).toEqual(['figures de.summary: Juni 2023']);
  });

  it('flags an invented percentage and names it as written', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[0] = 'Putin will 4,2 Prozent mehr Präzisionswaffen an Nordkorea liefern.';
    });
    const [failure] = check(changed).failures;
    expect(failure).toMatchObject({
      check: 'figures',
      language: 'de',
      field: 'key_points[0]',
      text: '4,2 Prozent',
    });
    expect(failure?.detail).toContain('4.2 %');
  });

  it('flags a written-out number the article does not state', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.key_points[5] =
        'Putin signed the partnership agreement with Kim Jong Un after visiting three countries.';
    });
    expect(flagged(changed)).toEqual(['figures en.key_points[5]: three']);
  });

  it('flags an invented German quotation', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[4] = 'Putin drohte Südkorea: „Wir werden nicht zögern.“';
    });
    expect(flagged(changed)).toEqual(['quotations de.key_points[4]: Wir werden nicht zögern.']);
  });

  it('flags a German quotation with one word changed', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[4] = replaceIn(draft.de.key_points[4] as string, 'Führung', 'Regierung');
    });
    expect(flagged(changed)).toEqual([
      'quotations de.key_points[4]: die der heutigen Regierung von Südkorea kaum gefallen werden',
    ]);
  });

  it('flags an invented person in the English summary', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.summary = replaceIn(draft.en.summary, 'Matthew Miller', 'John Kirby');
    });
    expect(flagged(changed)).toEqual(['names en.summary: John Kirby']);
  });

  it('flags an invented person in the German key points', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[1] = replaceIn(draft.de.key_points[1] as string, 'Matthew Miller', 'John Kirby');
    });
    expect(flagged(changed)).toEqual(['names de.key_points[1]: John Kirby']);
  });

  it('flags a swapped place in both languages', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.key_points[4] = replaceIn(draft.en.key_points[4] as string, 'Moscow', 'Beijing');
      draft.de.key_points[3] = replaceIn(draft.de.key_points[3] as string, 'Moskau', 'Peking');
    });
    expect(flagged(changed)).toEqual(['names en.key_points[4]: Beijing', 'names de.key_points[3]: Peking']);
  });

  it('flags a person that only one language names', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[5] =
        'Putin unterzeichnete ein neues Partnerschaftsabkommen zur gegenseitigen Unterstützung.';
    });
    expect(flagged(changed)).toEqual(['names en.key_points[5]: Kim Jong Un']);
  });

  it('flags English text in a German field', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.key_points[0] = 'Putin announced that he wants to supply precision weapons to North Korea.';
    });
    expect(flagged(changed)).toEqual([
      'language de.key_points[0]: Putin announced that he wants to supply precision weapons to North Korea.',
    ]);
  });

  it('flags evidence that is not in the article', () => {
    const changed = mutate(seedCleanWithEvidence, (draft) => {
      draft.de.key_points[2] = {
        text: 'Laut Miller würden gewisse Waffentypen gegen UN-Resolutionen verstoßen.',
        evidence: 'Gewisse Waffentypen würden gegen das Völkerrecht verstoßen',
      };
    });
    expect(flagged(changed)).toEqual([
      'evidence de.key_points[2].evidence: Gewisse Waffentypen würden gegen das Völkerrecht verstoßen',
    ]);
  });

  it('flags limit breaches of headline, summary and key points', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.en.headline = `${draft.en.headline} as the US government warns of a destabilisation of the Korean peninsula and South Korea rethinks`;
      draft.de.summary = 'Putin droht mit Waffenlieferungen an Nordkorea.';
      draft.de.key_points.push('Die USA wollen mit Südkorea und Japan an einer Reaktion arbeiten.');
    });
    expect(
      check(changed).failures.map((failure) => `${failure.check} ${failure.language}.${failure.field}`),
    ).toEqual(['limits en.headline', 'limits de.summary', 'limits de.key_points']);
  });

  it('applies limits tightened by the request', () => {
    const report = check(seedClean, { ...DEFAULT_LIMITS, headlineMaxChars: 40 });
    expect(report.failures.map((failure) => `${failure.check} ${failure.language}.${failure.field}`)).toEqual(
      ['limits en.headline', 'limits de.headline'],
    );
  });

  it('leaves the limits unchecked when none are given (the output schema has enforced them)', () => {
    const tooLong = mutate(
      seedClean,
      (draft) => (draft.en.headline = `${draft.en.headline} ${'x'.repeat(120)}`),
    );
    expect(
      check(tooLong).failures.map((failure) => `${failure.check} ${failure.language}.${failure.field}`),
    ).toEqual(['limits en.headline']);
    expect(checkSummaries({ source: seedSource, summaries: tooLong })).toEqual({
      passed: true,
      failures: [],
    });
  });

  it('checks a single language when only one is given', () => {
    const report = checkSummaries({
      source: seedSource,
      summaries: { de: seedClean.de },
      limits: DEFAULT_LIMITS,
    });
    expect(report).toEqual({ passed: true, failures: [] });
  });

  it('reads HTML entities in the article as their characters', () => {
    const source = seedSource
      .replace('"Wir begrüßen', '&quot;Wir begrüßen')
      .replace('Südkorea", erklärte', 'Südkorea&quot;, erklärte');
    expect(checkSummaries({ source, summaries: seedClean, limits: DEFAULT_LIMITS }).passed).toBe(true);
  });
});

describe('formatFailuresForRepair', () => {
  it('turns failures into a numbered list of precise instructions', () => {
    const changed = mutate(seedClean, (draft) => {
      draft.de.summary = replaceIn(
        draft.de.summary,
        'Die US-Regierung warnt',
        'Die US-Regierung warnt mit 4,2 Prozent',
      );
      draft.en.key_points[2] = replaceIn(draft.en.key_points[2] as string, 'Matthew Miller', 'John Kirby');
    });
    const instructions = formatFailuresForRepair(check(changed).failures);
    expect(instructions.split('\n')).toHaveLength(2);
    expect(instructions).toContain(
      "1. In de.summary the figure '4,2 Prozent' does not appear in the article.",
    );
    expect(instructions).toContain("2. In en.key_points[2] the name 'John Kirby'");
  });

  it('returns an empty text when nothing failed', () => {
    expect(formatFailuresForRepair([])).toBe('');
  });
});
