import { describe, expect, it } from 'vitest';
import { checkSummaries, type SummaryInput } from '../../src/checks/index.js';

// Runs that a backtracking pattern would read again from every position: a long article of them must
// take about as long per character as a short one.
const RUNS = [
  '1 000 '.repeat(3_000),
  `${'1\u202F000'.repeat(3_000)}0000`,
  'heutig'.repeat(3_000),
  'Dienstag '.repeat(2_000),
  'Dienstagabendnachmittag'.repeat(1_000),
  'mehr als rund etwa '.repeat(1_000),
  'Bad Lake New Bad '.repeat(1_000),
  'Wiener Kölner Münchner '.repeat(1_000),
];

const summary = (text: string): SummaryInput => ({
  headline: 'Titel',
  summary: text.slice(0, 600),
  key_points: [],
});

function cpuMsToCheck(source: string): number {
  const started = process.cpuUsage();
  checkSummaries({ source, summaries: { de: summary(source), en: summary(source) } });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('the place, day and number readers on hostile input', () => {
  it.each(RUNS.map((run) => [run.slice(0, 24), run] as const))('stay linear on a run of "%s…"', (_, run) => {
    cpuMsToCheck(run.slice(0, 2_000));
    const short = Math.max(1, cpuMsToCheck(run.slice(0, 2_000)));
    const long = cpuMsToCheck(run);
    // Ten times the text; a quadratic reader would take about a hundred times as long.
    const ratio = long / short;
    expect(
      ratio,
      `${long.toFixed(1)} ms for ${run.length} characters, ${short.toFixed(1)} ms for 2,000`,
    ).toBeLessThan(40);
  });
});
