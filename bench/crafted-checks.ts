/**
 * Times the fact checks on the crafted inputs of issue 12, one call each, in this process.
 *
 *   npx tsx bench/crafted-checks.ts
 */
import { performance } from 'node:perf_hooks';
import { extractQuotations } from '../src/checks/extract-quotations.js';
import { checkSummaries } from '../src/checks/index.js';
import { isVerbatimIn } from '../src/checks/is-verbatim-in.js';
import { CHECK_INPUT_LIMITS } from '../src/checks/summary-input-schema.js';
import { DEFAULT_LIMITS } from '../src/summarize/summary-schema.js';

const time = (name: string, run: () => unknown) => {
  const started = performance.now();
  try {
    run();
    console.log(`${name}: ${(performance.now() - started).toFixed(1)} ms`);
  } catch (error) {
    console.log(`${name}: ${(performance.now() - started).toFixed(1)} ms, threw ${(error as Error).name}`);
  }
};

const source = 'Die Stadt Berlin hat „mehr Geld“ für Schulen beschlossen, sagte Kai Wegner am Montag.';
time('extractQuotations of 20,000 „', () => extractQuotations('„'.repeat(20_000)));
time('isVerbatimIn of 40,000 commas', () => isVerbatimIn('berlin', `x${','.repeat(40_000)}y`));
const manyQuotes = (count: number, word: string) =>
  Array.from({ length: count }, (_, index) => `„${word} ${index}“`).join(' ');
time('1,000 output × 300 source quotations', () =>
  checkSummaries({
    source: `${source} ${manyQuotes(300, 'Wort')}`,
    summaries: { en: { headline: 'x', summary: manyQuotes(1000, 'Word'), key_points: [] } },
  }),
);
time('150,000 empty key points', () =>
  checkSummaries({
    source,
    summaries: { en: { headline: 'x', summary: 'y', key_points: Array.from({ length: 150_000 }, () => '') } },
    limits: DEFAULT_LIMITS,
  }),
);

// The largest input /v1/checks accepts, made of numbered quotations in both the source and the output.
const fill = (chars: number, word: string) => manyQuotes(chars, word).slice(0, chars);
const atTheLimits = {
  headline: fill(CHECK_INPUT_LIMITS.headlineMaxChars, 'Word'),
  summary: fill(CHECK_INPUT_LIMITS.summaryMaxChars, 'Word'),
  key_points: Array.from({ length: CHECK_INPUT_LIMITS.keyPointsMax }, () =>
    fill(CHECK_INPUT_LIMITS.keyPointMaxChars, 'Word'),
  ),
};
time('both outputs at the input limits, a 60,000-character source of quotations', () =>
  checkSummaries({
    source: fill(60_000, 'Wort'),
    summaries: { en: atTheLimits, de: atTheLimits },
    limits: DEFAULT_LIMITS,
  }),
);
