import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLanguage, type SummaryInput } from '../../src/checks/index.js';
import { seedClean } from './fixtures/seed-clean.js';

// Function words settle clear fields before eld is asked; `byFunctionWords: false` makes eld judge every field,
// so both paths must reach the same verdicts.
const firstStage = vi.hoisted(() => ({ byFunctionWords: true }));
vi.mock('../../src/language/count-function-words.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/language/count-function-words.js')>();
  return {
    countFunctionWords: (text: string) =>
      firstStage.byFunctionWords ? original.countFunctionWords(text) : { en: 0, de: 0, distinctlyGerman: 0 },
  };
});

const flaggedFields = (language: 'en' | 'de', summary: SummaryInput) =>
  checkLanguage(language, summary).map((failure) => failure.field);

describe.each([
  ['with function words settling the clear fields', true],
  ['with eld judging every field', false],
])('checkLanguage %s', (_name, byFunctionWords) => {
  beforeEach(() => {
    firstStage.byFunctionWords = byFunctionWords;
  });

  it('accepts the clean summaries', () => {
    expect(flaggedFields('en', seedClean.en)).toEqual([]);
    expect(flaggedFields('de', seedClean.de)).toEqual([]);
  });

  it('flags a German summary in the English output', () => {
    expect(flaggedFields('en', { ...seedClean.en, summary: seedClean.de.summary })).toEqual(['summary']);
  });

  it('flags an English summary in the German output', () => {
    expect(flaggedFields('de', { ...seedClean.de, summary: seedClean.en.summary })).toEqual(['summary']);
  });

  it('flags a clearly English headline in the German output', () => {
    expect(flaggedFields('de', { ...seedClean.de, headline: 'Putin threatens to arm North Korea' })).toEqual([
      'headline',
    ]);
  });

  it('is lenient with a short field made mostly of names and loanwords', () => {
    expect(flaggedFields('en', { ...seedClean.en, headline: 'Bundestag passes budget' })).toEqual([]);
    expect(flaggedFields('de', { ...seedClean.de, headline: 'Matthew Miller warnt' })).toEqual([]);
  });

  it('accepts an English field that names German institutions and quotes a German title', () => {
    const summary =
      'The Bundesverfassungsgericht ruled that the Bundestag must vote again on the Klimaschutzgesetz, and the newspaper Die Zeit called it a defeat for the government.';
    expect(flaggedFields('en', { ...seedClean.en, summary })).toEqual([]);
  });

  it('judges key points together when each is too short to judge', () => {
    const keyPoints = ['Miller warnt Putin.', 'Kim Jong Un reist.', 'Putin in Pjöngjang.'];
    const failures = checkLanguage('en', { ...seedClean.en, key_points: keyPoints });
    expect(failures).toEqual([
      expect.objectContaining({ check: 'language', language: 'en', field: 'key_points' }),
    ]);
  });

  it('explains the verdict with the scores', () => {
    const [failure] = checkLanguage('en', { ...seedClean.en, summary: seedClean.de.summary });
    expect(failure?.detail).toMatch(
      /^The text reads as German, not English \(language scores: de \d\.\d\d, en \d\.\d\d\)\.$/,
    );
  });
});
