/**
 * Records the samples against the live Messages API: `npm run record` (needs ANTHROPIC_API_KEY;
 * ANTHROPIC_BASE_URL points it at a gateway). Cassettes land in BRIEF_CASSETTE_DIR
 * (default samples/cassettes), replacing authored ones of the same name.
 *
 *   BRIEF_MODE=record ANTHROPIC_API_KEY=sk-... npm run record [-- --prompt v1 --prompt v2 --sample seed-article]
 */
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfigFromProcessEnv, PROJECT_ROOT } from '../src/config/env.js';
import { createBrief } from '../src/create-brief.js';
import { createLogger } from '../src/logging/create-logger.js';
import { readSamples } from '../src/samples/read-samples.js';
import { recordingNameFor, recordSamples } from '../src/samples/record-samples.js';
import { parseCommand } from './lib/parse-command.js';

const repeatable = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const values = parseCommand(
  new Command('npm run record --')
    .description('Records the samples against the live Messages API (BRIEF_MODE=record, ANTHROPIC_API_KEY).')
    .option(
      '--prompt <version>',
      'a prompt version to record (repeatable; default: every version)',
      repeatable,
    )
    .option('--sample <slug>', 'a sample to record (repeatable; default: every sample)', repeatable),
  z.object({ prompt: z.array(z.string()).optional(), sample: z.array(z.string()).optional() }),
);
const config = loadConfigFromProcessEnv();
if (config.mode !== 'record') {
  console.error('npm run record needs BRIEF_MODE=record and ANTHROPIC_API_KEY (the live API is called).');
  process.exit(2);
}
const current: { label?: string } = {};
const brief = createBrief(
  { ...config, cache: { ...config.cache, enabled: false } },
  {
    logger: createLogger({ level: 'warn' }),
    recordingName: (request) => recordingNameFor(current.label, request),
  },
);
const samples = readSamples(path.join(PROJECT_ROOT, 'samples')).filter(
  (sample) => !values.sample || values.sample.includes(sample.slug),
);
const promptVersions = values.prompt ?? brief.prompts.versions('summarize');
const outcomes = await recordSamples({ config, brief, samples, promptVersions, current });
for (const outcome of outcomes) {
  console.log(
    `${outcome.ok ? '✓' : '✗'} ${outcome.label}${outcome.ok ? ` (${outcome.attempts} call(s))` : `: ${outcome.error}`}`,
  );
}
await brief.close();
process.exitCode = outcomes.every((outcome) => outcome.ok) ? 0 : 1;
