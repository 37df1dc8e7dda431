/**
 * Starts the fake Messages API on its own, for the soak script, benchmarks and manual runs:
 *
 *   npx tsx scripts/fake-messages-api.ts --port 4010 --latency-ms 200 --fault-rate 0.1 \
 *     --faults rate_limit,overloaded,reset --seed 42
 *
 * Prints its URL (the SDK's `baseURL`) on stdout and stops on SIGINT or SIGTERM.
 */
import { Command } from 'commander';
import { z } from 'zod';
import { FAULT_KINDS, startFakeMessagesApi } from '../test/support/fake-messages-api/index.js';
import { parseCommand } from './lib/parse-command.js';

const faultList = z
  .string()
  .transform((list) => list.split(',').map((fault) => fault.trim()))
  .pipe(z.array(z.enum(FAULT_KINDS)));

const flagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  'latency-ms': z.coerce.number().min(0).default(0),
  'fault-rate': z.coerce.number().min(0).max(1).default(0),
  faults: faultList.optional(),
  script: faultList.optional(),
  seed: z.coerce.number().int().default(1),
  'retry-after-seconds': z.coerce.number().min(0).default(1),
  thinking: z.boolean().default(false),
  'first-token-delay-ms': z.coerce.number().min(0).default(0),
  'tokens-per-second': z.coerce.number().min(0).default(0),
  'stream-fault-after-events': z.coerce.number().int().min(0).optional(),
  rpm: z.coerce.number().int().positive().optional(),
  'input-tpm': z.coerce.number().int().positive().optional(),
  'output-tpm': z.coerce.number().int().positive().optional(),
});

const program = new Command('tsx scripts/fake-messages-api.ts')
  .description('Starts the fake Messages API on 127.0.0.1 and prints its URL.')
  .option('--port <n>', 'port on 127.0.0.1 (default: any free port)')
  .option('--latency-ms <n>', 'wait before every answer (default 0)')
  .option('--fault-rate <p>', 'probability 0..1 that a call gets a fault (default 0)')
  .option('--faults <a,b,...>', 'faults the rate draws from (default: the transient ones)')
  .option('--script <a,b,...>', 'faults for the first calls, in order, before the rate applies')
  .option('--seed <n>', 'seed of the fault PRNG (default 1)')
  .option('--retry-after-seconds <n>', 'retry-after of rate_limit answers (default 1)')
  .option('--thinking', 'put a thinking block before the text')
  .option('--first-token-delay-ms <n>', 'streamed answers: wait before the first token (default 0)')
  .option('--tokens-per-second <n>', 'streamed answers: pace after the first token (default 0: no wait)')
  .option(
    '--stream-fault-after-events <n>',
    'streamed reset_mid_body / overloaded_mid_stream: events before the fault (default: half)',
  )
  .option('--rpm <n>', 'hard limit per model: requests per minute (429 beyond; default none)')
  .option('--input-tpm <n>', 'hard limit per model: input tokens per minute')
  .option(
    '--output-tpm <n>',
    'hard limit per model: output tokens per minute (a call holds max_tokens while answered)',
  )
  .addHelpText('after', `\nFaults: ${FAULT_KINDS.join(', ')}`);

const flags = parseCommand(program, flagsSchema);
const fake = await startFakeMessagesApi({
  port: flags.port,
  latencyMs: flags['latency-ms'],
  faultRate: flags['fault-rate'],
  ...(flags.faults ? { faultKinds: flags.faults } : {}),
  ...(flags.script ? { script: flags.script } : {}),
  seed: flags.seed,
  retryAfterSeconds: flags['retry-after-seconds'],
  thinking: flags.thinking,
  firstTokenDelayMs: flags['first-token-delay-ms'],
  tokensPerSecond: flags['tokens-per-second'],
  ...(flags['stream-fault-after-events'] === undefined
    ? {}
    : { streamFaultAfterEvents: flags['stream-fault-after-events'] }),
  hardLimits: {
    requestsPerMinute: flags.rpm,
    inputTokensPerMinute: flags['input-tpm'],
    outputTokensPerMinute: flags['output-tpm'],
  },
});
process.stdout.write(`${fake.url}\n`);

const stop = async (signal: NodeJS.Signals) => {
  await fake.close();
  const { calls, aborted, maxInFlight, faults, overHardLimit } = fake.stats;
  const served = Object.entries(faults)
    .filter(([, count]) => count > 0)
    .map(([fault, count]) => `${fault}=${count}`)
    .join(' ');
  process.stderr.write(
    `fake Messages API stopped (${signal}): ${calls} calls, ${aborted} aborted, at most ${maxInFlight} at once, ${overHardLimit} over the hard limits; ${served || 'no calls'}\n`,
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
