import { describe, expect, it } from 'vitest';
import { checkLimits } from '../../src/checks/index.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';
import { seedClean } from './fixtures/seed-clean.js';

const breaches = (summary: typeof seedClean.en, limits = DEFAULT_LIMITS) =>
  checkLimits('en', summary, limits).map((failure) => `${failure.field}: ${failure.detail}`);

describe('checkLimits', () => {
  it('accepts the clean summary', () => {
    expect(breaches(seedClean.en)).toEqual([]);
  });

  it('flags a headline over the limit and one on two lines', () => {
    expect(breaches({ ...seedClean.en, headline: 'x'.repeat(121) })).toEqual([
      'headline: The headline has 121 characters; the limit is 120.',
    ]);
    expect(breaches({ ...seedClean.en, headline: 'Putin threatens\nNorth Korea' })).toEqual([
      'headline: The headline must be a single line.',
    ]);
  });

  it('flags a summary with too few or too many sentences and one over the length', () => {
    expect(breaches({ ...seedClean.en, summary: 'Putin threatens North Korea.' })).toEqual([
      'summary: The summary has 1 sentence; it must have 2 to 4.',
    ]);
    expect(
      breaches({
        ...seedClean.en,
        summary:
          'Putin spoke in Moscow today. He threatened the leaders in Seoul. The US government warned. Japan agreed with that. South Korea hesitated for now.',
      }),
    ).toEqual(['summary: The summary has 5 sentences; it must have 2 to 4.']);
    expect(breaches({ ...seedClean.en, summary: `${'word '.repeat(130)}. Second sentence.` })).toEqual([
      'summary: The summary has 668 characters; the limit is 600.',
    ]);
  });

  it('flags too many key points and a key point of two sentences', () => {
    const keyPoints = [...seedClean.en.key_points, 'Japan is an ally.'];
    expect(breaches({ ...seedClean.en, key_points: keyPoints })).toEqual([
      'key_points: There are 7 key points; there must be 3 to 6.',
    ]);
    const twoSentences = [
      'Putin spoke in Moscow today. He threatened the leaders in Seoul.',
      ...seedClean.en.key_points.slice(1),
    ];
    expect(breaches({ ...seedClean.en, key_points: twoSentences })).toEqual([
      'key_points[0]: The key point has 2 sentences; each key point must be exactly one sentence.',
    ]);
  });

  it('does not count the ordinal period of a date as a sentence end', () => {
    const keyPoints = ['Am 24. Juni 2024 drohte Putin.', ...seedClean.en.key_points.slice(1)];
    expect(breaches({ ...seedClean.en, key_points: keyPoints })).toEqual([]);
  });

  it('uses the limits it is given', () => {
    expect(breaches(seedClean.en, { ...DEFAULT_LIMITS, keyPointsMax: 5, summaryMaxSentences: 2 })).toEqual([
      'summary: The summary has 3 sentences; it must have 2 to 2.',
      'key_points: There are 6 key points; there must be 3 to 5.',
    ]);
  });
});
