import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSummaries, type SummaryInput } from '../../src/checks/index.js';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { readSamples, sampleArticleText } from '../../src/samples/read-samples.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';

type AuthoredOutputs = Record<string, { en: SummaryInput; de: SummaryInput }>;

const samples = readSamples(path.join(PROJECT_ROOT, 'samples')).flatMap((sample) => {
  const file = path.join(PROJECT_ROOT, 'samples', 'authored', `${sample.slug}.json`);
  if (!existsSync(file)) return [];
  const authored = JSON.parse(readFileSync(file, 'utf8')) as AuthoredOutputs;
  return Object.entries(authored).map(([version, summaries]) => ({ sample, version, summaries }));
});

describe('the authored sample outputs', () => {
  it('exist for every sample', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(samples.map((entry) => [`${entry.sample.slug} (${entry.version})`, entry] as const))(
    'raise no flag: %s',
    (_, { sample, summaries }) => {
      const report = checkSummaries({ source: sampleArticleText(sample), summaries, limits: DEFAULT_LIMITS });
      expect(report.failures).toEqual([]);
      expect(report.passed).toBe(true);
    },
  );
});
