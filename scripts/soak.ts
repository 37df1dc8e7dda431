/**
 * Soak run: the real server as a child process, in live mode against the fake Messages API (in this
 * process) with a rate of transient faults, under a steady closed-loop load of real articles.
 *
 *   npm run soak -- --requests 20000 --concurrency 200 --fault-rate 0.1 --corpus ../shared/corpus/10kgnad
 *
 * Prints status counts, latency percentiles, upstream calls, the server's RSS (start, after warm-up,
 * peak, end) and its open file descriptors; exits 1 on any 500, any request without an answer, or RSS
 * growth over 20% after warm-up. Everything runs on 127.0.0.1; the run is bounded in requests and time.
 *
 * Before the load phase it runs the event-loop fuzz (test/hostile-input-event-loop.property.test.ts)
 * through vitest with BRIEF_FUZZ_RUNS=--hostile-runs (default 500; 0 skips it), and fails if it fails.
 *
 * The server runs with its V8 old space capped (--heap-limit-mb, default 256 MB; see DEFAULT_HEAP_LIMIT_MB).
 * RSS under load is a saw-tooth (garbage collection), so single samples say little: "after warm-up" is
 * the highest RSS seen while the 10% of requests after the warm-up were answered, "end" the highest
 * while the last 10% were. A leak raises the second; a heap that has found its size does not.
 */

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/config/env.js';
import { startFakeMessagesApi, TRANSIENT_FAULT_KINDS } from '../test/support/fake-messages-api/index.js';
import { type BriefProcess, spawnBrief } from '../test/support/spawn-brief.js';
import { parseCommand } from './lib/parse-command.js';

const MIN_TEXT_CHARS = 200;
const MAX_TEXT_CHARS = 60_000;
const RSS_GROWTH_LIMIT = 0.2;
/** The server's deadline is 60 s; a request without an answer well after that is lost. */
const CLIENT_TIMEOUT_MS = 90_000;
const RSS_SAMPLE_INTERVAL_MS = 250;
/**
 * Without a cap, V8 on a machine with plenty of memory grows its heap for minutes under steady load
 * (RSS grows in a long run whose heap after a full GC stays flat), so RSS growth would say
 * more about V8's heuristics than about leaks. With the old space capped near three times the live
 * heap, RSS reaches its level during warm-up, and a real leak ends the run in an out-of-memory crash.
 */
const DEFAULT_HEAP_LIMIT_MB = 256;
/** Share of the requests in each RSS window (after warm-up, end). */
const RSS_WINDOW_SHARE = 0.1;
/** Longer than the keep-alive timeouts on both sides, so idle connections are gone when fds are counted. */
const SETTLE_MS = 6_000;

/** Cases per endpoint of the event-loop fuzz before the load phase. */
const DEFAULT_HOSTILE_RUNS = 500;
const HOSTILE_TEST_FILE = path.join('test', 'hostile-input-event-loop.property.test.ts');

const flagsSchema = z.object({
  requests: z.coerce.number().int().positive().max(1_000_000).default(20_000),
  concurrency: z.coerce.number().int().positive().max(2_000).default(200),
  'fault-rate': z.coerce.number().min(0).max(1).default(0.1),
  'latency-ms': z.coerce.number().int().min(0).max(60_000).default(100),
  'retry-after-seconds': z.coerce.number().min(0).max(60).default(1),
  corpus: z.string().default(path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus', '10kgnad')),
  warmup: z.coerce.number().int().nonnegative().optional(),
  'max-concurrent-upstream': z.coerce.number().int().positive().optional(),
  'heap-limit-mb': z.coerce
    .number()
    .int()
    .refine((megabytes) => megabytes === 0 || megabytes >= 64, 'must be 0 or at least 64')
    .default(DEFAULT_HEAP_LIMIT_MB),
  'max-minutes': z.coerce.number().positive().max(240).default(20),
  seed: z.coerce.number().int().default(1),
  'hostile-runs': z.coerce.number().int().nonnegative().max(100_000).default(DEFAULT_HOSTILE_RUNS),
});
type Flags = z.infer<typeof flagsSchema>;

function readFlags(): Flags {
  const program = new Command('npm run soak --')
    .description(
      'Sends many summary requests through a real server against the fake upstream and checks RSS.',
    )
    .option('--requests <n>', 'requests to send (default 20000)')
    .option('--concurrency <n>', 'clients sending at once, each its next request when answered (default 200)')
    .option('--fault-rate <p>', 'share of upstream calls that get a transient fault (default 0.1)')
    .option('--latency-ms <n>', "the fake upstream's latency per call (default 100)")
    .option('--retry-after-seconds <n>', "retry-after of the fake's 429 answers (default 1)")
    .option('--corpus <dir>', 'folder of article .txt files (default ../shared/corpus/10kgnad)')
    .option('--warmup <n>', 'requests before RSS counts as warmed up (default 25% of --requests)')
    .option(
      '--max-concurrent-upstream <n>',
      "BRIEF_MAX_CONCURRENT_UPSTREAM of the server (default: the server's, 16)",
    )
    .option(
      '--heap-limit-mb <n>',
      "the server's V8 old space, --max-old-space-size (default 256, about three times its live heap; 0: V8's own limit, several GB here)",
    )
    .option('--max-minutes <n>', 'give up after this long (default 20)')
    .option('--seed <n>', 'seed of the fault PRNG (default 1)')
    .option(
      '--hostile-runs <n>',
      `cases per endpoint of the event-loop fuzz run before the load (default ${DEFAULT_HOSTILE_RUNS}; 0 skips it)`,
    );
  return parseCommand(program, flagsSchema);
}

/** The corpus's articles as JSON request bodies; the project's own samples when the corpus is missing. */
function readArticles(corpus: string): { bodies: string[]; source: string; skipped: number } {
  let directory = corpus;
  let source = corpus;
  if (!existsSync(corpus)) {
    directory = path.join(PROJECT_ROOT, 'samples');
    source = `${directory} (the corpus folder ${corpus} is missing: falling back to the project's samples)`;
    process.stderr.write(`soak: ${corpus} does not exist; using ${directory} instead.\n`);
  }
  const texts = readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(directory, name), 'utf8').trim());
  const usable = texts.filter((text) => text.length >= MIN_TEXT_CHARS && text.length <= MAX_TEXT_CHARS);
  if (usable.length === 0) {
    process.stderr.write(
      `soak: no article between ${MIN_TEXT_CHARS} and ${MAX_TEXT_CHARS} characters in ${directory}.\n`,
    );
    process.exit(2);
  }
  return {
    bodies: usable.map((text) => JSON.stringify({ text })),
    source,
    skipped: texts.length - usable.length,
  };
}

function residentSetMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Open file descriptors of a process, by kind (socket, pipe, file, ...). */
function openDescriptors(pid: number): { total: number; kinds: Record<string, number> } {
  const kinds: Record<string, number> = {};
  const entries = readdirSync(`/proc/${pid}/fd`);
  for (const entry of entries) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${entry}`);
    } catch {
      continue;
    }
    const kind = /^(\w+):/.exec(target)?.[1] ?? (target.startsWith('anon_inode') ? 'anon_inode' : 'file');
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { total: entries.length, kinds };
}

interface Outcome {
  status: number | 'no answer';
  latencyMs: number;
  /** Problem `type` of an error answer, or the client error when there was no answer. */
  detail?: string;
}

function post(agent: Agent, url: URL, body: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: '/v1/summaries',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: CLIENT_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const outcome: Outcome = { status, latencyMs: performance.now() - started };
          if (status >= 300) {
            try {
              outcome.detail = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string }).type;
            } catch {
              outcome.detail = 'not a problem document';
            }
          }
          resolve(outcome);
        });
        response.on('error', (error) =>
          resolve({ status: 'no answer', latencyMs: performance.now() - started, detail: error.message }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${CLIENT_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        status: 'no answer',
        latencyMs: performance.now() - started,
        detail: error.code ?? error.message,
      }),
    );
    outgoing.end(body);
  });
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

function count<T extends string | number>(values: T[]): Array<[T, number]> {
  const counts = new Map<T, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((left, right) => right[1] - left[1]);
}

/** The event-loop fuzz with `runs` cases per endpoint, through vitest in a child process; true if it passed. */
function runHostileFuzz(runs: number, timeoutMs: number): boolean {
  process.stdout.write(`soak: event-loop fuzz, ${runs} cases per endpoint (${HOSTILE_TEST_FILE})\n`);
  const vitest = path.join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', HOSTILE_TEST_FILE], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BRIEF_FUZZ_RUNS: String(runs) },
    stdio: 'inherit',
    timeout: timeoutMs,
  });
  return result.status === 0;
}

const flags = readFlags();
const articles = readArticles(flags.corpus);
if (flags['hostile-runs'] > 0 && !runHostileFuzz(flags['hostile-runs'], flags['max-minutes'] * 60_000)) {
  process.stdout.write(
    'soak: FAIL: the event-loop fuzz failed (no request may hold the event loop over 100 ms)\n',
  );
  process.exit(1);
}
const warmup = Math.min(flags.warmup ?? Math.floor(flags.requests / 4), flags.requests);
const rssWindow = Math.max(1, Math.floor(flags.requests * RSS_WINDOW_SHARE));
const deadlineAt = Date.now() + flags['max-minutes'] * 60_000;

const fake = await startFakeMessagesApi({
  latencyMs: flags['latency-ms'],
  faultRate: flags['fault-rate'],
  faultKinds: TRANSIENT_FAULT_KINDS,
  retryAfterSeconds: flags['retry-after-seconds'],
  seed: flags.seed,
});
let brief: BriefProcess | undefined;
const agent = new Agent({ keepAlive: true, maxSockets: flags.concurrency });

try {
  brief = await spawnBrief({
    NODE_ENV: 'production',
    BRIEF_AUTH_DISABLED: 'true',
    BRIEF_SIGNING_SECRET: randomBytes(32).toString('hex'),
    BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    BRIEF_CACHE_ENABLED: 'false',
    BRIEF_MODE: 'live',
    ANTHROPIC_API_KEY: 'soak-run-fake-key',
    ANTHROPIC_BASE_URL: fake.url,
    BRIEF_MAX_QUEUED: String(flags.concurrency * 2),
    ...(flags['max-concurrent-upstream']
      ? { BRIEF_MAX_CONCURRENT_UPSTREAM: String(flags['max-concurrent-upstream']) }
      : {}),
    ...(flags['heap-limit-mb'] ? { NODE_OPTIONS: `--max-old-space-size=${flags['heap-limit-mb']}` } : {}),
  });
  const running = brief;
  const url = new URL(running.url);
  const start = residentSetMegabytes(running.pid);
  /** RSS samples, each with how many requests had been answered. */
  const samples: Array<{ answered: number; megabytes: number }> = [];
  const descriptorsAtStart = openDescriptors(running.pid);

  process.stdout.write(
    `soak: ${flags.requests} requests at concurrency ${flags.concurrency} against Brief (pid ${running.pid}, ${running.url}); ` +
      `${flags['heap-limit-mb'] ? `V8 old space capped at ${flags['heap-limit-mb']} MB; ` : ''}fake upstream ${fake.url}, latency ${flags['latency-ms']} ms, fault rate ${flags['fault-rate']}; ` +
      `${articles.bodies.length} articles from ${articles.source}${articles.skipped ? ` (${articles.skipped} outside ${MIN_TEXT_CHARS}-${MAX_TEXT_CHARS} characters left out)` : ''}\n`,
  );

  const outcomes: Outcome[] = [];
  let next = 0;
  let timedOut = false;
  const started = performance.now();
  let lastReport = started;
  const client = async () => {
    while (next < flags.requests) {
      if (Date.now() > deadlineAt) {
        timedOut = true;
        return;
      }
      const index = next;
      next += 1;
      const outcome = await post(agent, url, articles.bodies[index % articles.bodies.length] ?? '');
      outcomes.push(outcome);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        process.stdout.write(
          `  ${outcomes.length}/${flags.requests} answered, ${Math.round(outcomes.length / ((lastReport - started) / 1000))} req/s, RSS ${residentSetMegabytes(running.pid).toFixed(0)} MB\n`,
        );
      }
    }
  };
  const sampler = setInterval(() => {
    samples.push({ answered: outcomes.length, megabytes: residentSetMegabytes(running.pid) });
  }, RSS_SAMPLE_INTERVAL_MS);
  await Promise.all(Array.from({ length: flags.concurrency }, client));
  const elapsedSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const last = residentSetMegabytes(running.pid);
  samples.push({ answered: outcomes.length, megabytes: last });
  /** The highest RSS while answers `from` to `to` came in (a short run may have no sample there: the next ones). */
  const highest = (from: number, to: number) => {
    const within = samples.filter((sample) => sample.answered >= from && sample.answered <= to);
    const pool = within.length > 0 ? within : samples.filter((sample) => sample.answered >= from);
    return Math.max(...pool.map((sample) => sample.megabytes));
  };
  const rss = {
    start,
    afterWarmup: highest(warmup, warmup + rssWindow),
    end: highest(outcomes.length - rssWindow, outcomes.length),
    peak: Math.max(...samples.map((sample) => sample.megabytes)),
    last,
  };
  agent.destroy();
  const descriptorsAtEnd = openDescriptors(running.pid);
  await sleep(SETTLE_MS);
  const descriptorsSettled = openDescriptors(running.pid);
  const rssSettled = residentSetMegabytes(running.pid);

  const statuses = count(outcomes.map((outcome) => outcome.status));
  const problems = count(
    outcomes
      .filter((outcome) => outcome.status !== 200)
      .map((outcome) => `${outcome.status} ${outcome.detail ?? ''}`.trim()),
  );
  const latencies = outcomes.map((outcome) => outcome.latencyMs).sort((left, right) => left - right);
  const answeredLatencies = outcomes
    .filter((outcome) => outcome.status === 200)
    .map((outcome) => outcome.latencyMs)
    .sort((left, right) => left - right);
  const stats = fake.stats;
  const faults = Object.entries(stats.faults)
    .filter(([, calls]) => calls > 0)
    .map(([fault, calls]) => `${fault} ${calls}`)
    .join(', ');
  const growth = (rss.end - rss.afterWarmup) / rss.afterWarmup;
  const lines = [
    '',
    `answered ${outcomes.length} of ${flags.requests} in ${elapsedSeconds.toFixed(1)} s (${(outcomes.length / elapsedSeconds).toFixed(0)} req/s)`,
    `status counts: ${statuses.map(([status, calls]) => `${status}: ${calls}`).join(', ')}`,
    ...(problems.length > 0
      ? [`non-200 answers: ${problems.map(([kind, calls]) => `${kind} ×${calls}`).join(', ')}`]
      : []),
    `latency, all answers (ms): p50 ${percentile(latencies, 0.5).toFixed(0)}, p90 ${percentile(latencies, 0.9).toFixed(0)}, p99 ${percentile(latencies, 0.99).toFixed(0)}, max ${(latencies.at(-1) ?? Number.NaN).toFixed(0)}`,
    `latency, 200 answers (ms): p50 ${percentile(answeredLatencies, 0.5).toFixed(0)}, p99 ${percentile(answeredLatencies, 0.99).toFixed(0)}`,
    `upstream calls: ${stats.calls} (${(stats.calls / Math.max(1, outcomes.length)).toFixed(2)} per request), aborted ${stats.aborted}, at most ${stats.maxInFlight} at once; served: ${faults}`,
    `Brief RSS (MB): start ${rss.start.toFixed(0)}; after warm-up (highest while requests ${warmup}-${warmup + rssWindow} were answered) ${rss.afterWarmup.toFixed(0)}; end (highest over the last ${rssWindow}) ${rss.end.toFixed(0)}, ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%; peak ${rss.peak.toFixed(0)}; when the load stopped ${rss.last.toFixed(0)}, ${(SETTLE_MS / 1000).toFixed(0)} s later ${rssSettled.toFixed(0)}`,
    `Brief open file descriptors: start ${descriptorsAtStart.total} ${JSON.stringify(descriptorsAtStart.kinds)}, end ${descriptorsAtEnd.total} ${JSON.stringify(descriptorsAtEnd.kinds)}, ${(SETTLE_MS / 1000).toFixed(0)} s later ${descriptorsSettled.total} ${JSON.stringify(descriptorsSettled.kinds)}`,
  ];

  const failures: string[] = [];
  const serverErrors = outcomes.filter((outcome) => outcome.status === 500).length;
  const unanswered = flags.requests - outcomes.filter((outcome) => outcome.status !== 'no answer').length;
  if (serverErrors > 0) {
    failures.push(`${serverErrors} answers were 500`);
  }
  if (unanswered > 0) {
    failures.push(
      `${unanswered} requests got no answer${timedOut ? ` (the run hit --max-minutes ${flags['max-minutes']})` : ''}`,
    );
  }
  if (growth > RSS_GROWTH_LIMIT) {
    failures.push(`RSS grew ${(growth * 100).toFixed(1)}% after warm-up (limit ${RSS_GROWTH_LIMIT * 100}%)`);
  }

  running.child.kill('SIGTERM');
  const exit = await running.exited;
  lines.push(
    `Brief stopped on SIGTERM with exit code ${exit.code}${exit.signal ? ` (signal ${exit.signal})` : ''}`,
  );
  if (exit.code !== 0) {
    failures.push(`Brief exited with ${exit.code ?? exit.signal} on SIGTERM`);
  }
  lines.push(failures.length === 0 ? 'soak: PASS' : `soak: FAIL: ${failures.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  agent.destroy();
  brief?.kill();
  await fake.close();
}
