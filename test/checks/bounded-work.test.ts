import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTATIONS_PER_OUTPUT, MAX_SOURCE_QUOTATIONS } from '../../src/checks/check-quotations.js';
import { checkQuotations, extractQuotations, normalizeForComparison } from '../../src/checks/index.js';
import { isVerbatimIn } from '../../src/checks/is-verbatim-in.js';
import { CHECK_INPUT_LIMITS } from '../../src/checks/summary-input-schema.js';
import { createTestBrief } from '../support/create-test-brief.js';

// Each case took seconds before the checks were made linear (issue 12), 15 s for the largest. The
// test machine is shared and busy, so the bound is loose; it still fails at once on a quadratic
// algorithm at these sizes. bench/crafted-checks.ts gives the figures.
const MAX_CALL_MS = 1_000;

const timed = <T>(run: () => T): { result: T; milliseconds: number } => {
  const started = performance.now();
  const result = run();
  return { result, milliseconds: performance.now() - started };
};

const SOURCE =
  'Die Stadt Berlin hat „mehr Geld“ für Schulen beschlossen, sagte Kai Wegner am Montag. Es gehe „um die Zukunft“.';
const quotations = (count: number, word: string) =>
  Array.from({ length: count }, (_, index) => `„${word} ${index}“`).join(' ');

describe('the checks on crafted input', () => {
  it('extract the quotations of 40,000 unclosed opening marks in linear time (15 s before)', () => {
    extractQuotations('„'.repeat(1_000)); // compiled before it is timed
    const { result, milliseconds } = timed(() => extractQuotations('„'.repeat(40_000)));
    expect(result).toEqual([]);
    expect(milliseconds).toBeLessThan(MAX_CALL_MS);
  });

  it('compare evidence with a run of 40,000 commas in linear time (2 s before)', () => {
    const evidence = `Berlin${','.repeat(40_000)}hat`;
    const { result, milliseconds } = timed(() => isVerbatimIn(normalizeForComparison(SOURCE), evidence));
    expect(result).toBe(false);
    expect(milliseconds).toBeLessThan(MAX_CALL_MS);
  });

  it('say "not checked: too large" when an output quotes far more than any summary (2.2 s before)', () => {
    const source = `${SOURCE} ${quotations(300, 'Wort')}`;
    const summary = { headline: 'x', summary: quotations(1_000, 'Word'), key_points: [] };
    const { result, milliseconds } = timed(() => checkQuotations(source, 'en', summary));
    expect(result).toEqual([
      {
        check: 'quotations',
        language: 'en',
        field: '*',
        text: '',
        detail: `Not checked: too large. The output has 1000 quotations; at most ${MAX_QUOTATIONS_PER_OUTPUT} are checked.`,
      },
    ]);
    expect(milliseconds).toBeLessThan(MAX_CALL_MS);
  });

  it('say "not checked: too large" when translations would be compared with far more quotations than any article has', () => {
    const source = `${SOURCE} ${quotations(300, 'Wort')}`;
    const summary = { headline: 'x', summary: quotations(10, 'Word'), key_points: [] };
    const { result, milliseconds } = timed(() => checkQuotations(source, 'en', summary));
    expect(result.at(-1)?.detail).toBe(
      `Not checked: too large. The article has 302 quotations; translations are compared with at most ${MAX_SOURCE_QUOTATIONS}.`,
    );
    expect(result.filter((failure) => failure.field === '*')).toHaveLength(1);
    expect(milliseconds).toBeLessThan(MAX_CALL_MS);
  });

  it('find every quotation of runs of marks and words, and only text that stands between marks', () => {
    const text = fc
      .array(fc.constantFrom('„', '“', '”', '"', '»', '«', '‚', '‘', 'Wort', ' ', '.'), { maxLength: 400 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (input) => {
        for (const quotation of extractQuotations(input)) {
          expect(input.indexOf(quotation.text, quotation.at + 1)).toBeGreaterThan(quotation.at);
          expect(quotation.text.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('find a passage of the source verbatim however much punctuation and how long the words around it', () => {
    const edge = fc
      .array(fc.constantFrom(',', '.', ' ', '"', '!', '-', "'", ';'), { maxLength: 2_000 })
      .map((marks) => marks.join(''));
    const word = fc.stringMatching(/^[a-zäöüßа-я]{1,3000}$/u);
    fc.assert(
      fc.property(edge, word, edge, (before, middle, after) => {
        const source = normalizeForComparison(`Anfang ${middle} Ende`);
        const { result, milliseconds } = timed(() => isVerbatimIn(source, `${before}${middle}${after}`));
        expect(result).toBe(normalizeForComparison(middle).length > 0);
        expect(milliseconds).toBeLessThan(MAX_CALL_MS);
      }),
      { numRuns: 50 },
    );
  });
});

describe('POST /v1/checks with crafted input', () => {
  const { app } = createTestBrief();
  const post = (summaries: object, text = SOURCE) =>
    app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, summaries }),
    });

  it('refuses 150,000 empty key points with a 422 naming the limit, not a 500', async () => {
    const response = await post({
      en: { headline: 'x', summary: 'y', key_points: Array.from({ length: 150_000 }, () => '') },
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('key_points');
  });

  it('refuses a summary over its length limit', async () => {
    const summary = 'a'.repeat(CHECK_INPUT_LIMITS.summaryMaxChars + 1);
    const response = await post({ de: { headline: 'x', summary, key_points: [] } });
    expect(response.status).toBe(422);
  });

  it('checks a summary of unclosed quotation marks at the limit without holding the event loop (3.4 s before)', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const summary = '„'.repeat(CHECK_INPUT_LIMITS.summaryMaxChars);
    const keyPoint = '„'.repeat(CHECK_INPUT_LIMITS.keyPointMaxChars);
    const text = `${SOURCE} ${'„'.repeat(50_000)}`;
    await post({ de: { headline: 'x', summary, key_points: [keyPoint] } }, text); // warm-up
    delay.enable();
    const response = await post({ de: { headline: 'x', summary, key_points: [keyPoint] } }, text);
    delay.disable();
    expect(response.status).toBe(200);
    expect(delay.max / 1e6).toBeLessThan(MAX_CALL_MS);
  });
});
