/**
 * Scale run on one machine: three Brief replicas (processes) behind HAProxy on 127.0.0.1, sharing
 * Redis (cache and upstream budget), in live mode against the fake Messages API with hard per-minute
 * limits. An open-loop load of real articles (a share of them repeats, for cross-replica cache hits)
 * goes through the balancer; half-way one replica gets SIGTERM.
 *
 *   npx tsx scripts/scale-run.ts --rpm 120 --rate 4 --seconds 90
 *   npx tsx scripts/scale-run.ts --without-budget   # the same, each replica deciding alone
 *
 * Reports the upstream 429s (the fake's hard-limit refusals), the calls admitted per minute against
 * the budget, cache hits per replica, and what happened to the requests around the stopped replica.
 * Needs `haproxy` on the PATH (Debian: apt-get install haproxy) and a Redis (--redis-url; the run
 * deletes that database's `brief:budget:*` and `brief:summary:*` keys first). Bounded by --seconds.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/config/env.js';
import { startFakeMessagesApi } from '../test/support/fake-messages-api/index.js';
import { type BriefProcess, findFreePort, spawnBrief } from '../test/support/spawn-brief.js';
import { parseCommand } from './lib/parse-command.js';

const MIN_TEXT_CHARS = 200;
const MAX_TEXT_CHARS = 20_000;
const CLIENT_TIMEOUT_MS = 90_000;
const MINUTE_MS = 60_000;

const flagsSchema = z.object({
  replicas: z.coerce.number().int().min(2).max(5).default(3),
  rpm: z.coerce.number().int().positive().default(120),
  'input-tpm': z.coerce.number().int().positive().default(400_000),
  'output-tpm': z.coerce.number().int().positive().default(300_000),
  rate: z.coerce.number().positive().max(50).default(4),
  seconds: z.coerce.number().int().min(10).max(600).default(90),
  'repeat-share': z.coerce.number().min(0).max(1).default(0.4),
  'latency-ms': z.coerce.number().int().min(0).max(10_000).default(300),
  'deadline-ms': z.coerce.number().int().positive().default(20_000),
  'budget-share': z.coerce.number().positive().max(1).default(1),
  'without-budget': z.boolean().default(false),
  'keep-replicas': z.boolean().default(false),
  'redis-url': z.string().default('redis://127.0.0.1:6379/11'),
  corpus: z.string().default(path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus', '10kgnad')),
});

const program = new Command('tsx scripts/scale-run.ts')
  .description('Three replicas behind HAProxy, one Redis, the fake Messages API with hard limits.')
  .option('--replicas <n>', 'Brief processes behind the balancer (default 3)')
  .option('--rpm <n>', 'the fake’s hard limit and Brief’s BRIEF_UPSTREAM_RPM (default 120)')
  .option('--input-tpm <n>', 'the fake’s hard limit and BRIEF_UPSTREAM_INPUT_TPM (default 400000)')
  .option('--output-tpm <n>', 'the fake’s hard limit and BRIEF_UPSTREAM_OUTPUT_TPM (default 300000)')
  .option('--rate <n>', 'requests per second sent, whatever the answers (default 4)')
  .option('--seconds <n>', 'how long requests are sent (default 90)')
  .option('--repeat-share <p>', 'share of requests that repeat an earlier article (default 0.4)')
  .option('--latency-ms <n>', 'the fake’s latency per call (default 300)')
  .option('--deadline-ms <n>', 'BRIEF_REQUEST_DEADLINE_MS of the replicas (default 20000)')
  .option('--budget-share <p>', 'Brief’s budget as a share of the fake’s limits (default 1: the same)')
  .option('--without-budget', 'no BRIEF_UPSTREAM_* limits: each replica pushes the model API alone')
  .option('--keep-replicas', 'stop no replica half-way')
  .option('--redis-url <url>', 'Redis shared by the replicas (default redis://127.0.0.1:6379/11)')
  .option('--corpus <dir>', 'folder of article .txt files (default ../shared/corpus/10kgnad)');

const flags = parseCommand(program, flagsSchema);

function readArticles(directory: string): string[] {
  const source = existsSync(directory) ? directory : path.join(PROJECT_ROOT, 'samples');
  return readdirSync(source)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(source, name), 'utf8').trim())
    .filter((text) => text.length >= MIN_TEXT_CHARS && text.length <= MAX_TEXT_CHARS);
}

/** A seeded choice of which requests repeat an earlier article, so runs compare. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

async function clearRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  for (const pattern of ['brief:budget:*', 'brief:summary:*']) {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
  }
  await redis.quit();
}

function haproxyConfig(port: number, replicas: readonly BriefProcess[]): string {
  const servers = replicas.map(
    (replica, index) =>
      `  server brief${index + 1} ${new URL(replica.url).host} check inter 1s fall 3 rise 1`,
  );
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 90s',
    '  timeout server 90s',
    // Generous: on a loaded machine /readyz can take a moment, and a replica marked down by a slow
    // check would shed load it could have served.
    '  timeout check 5s',
    '  retries 2',
    '  option redispatch',
    // A replica that went away before answering: the balancer tries another one.
    '  retry-on conn-failure empty-response',
    'frontend brief',
    `  bind 127.0.0.1:${port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    ...servers,
    '',
  ].join('\n');
}

interface Outcome {
  sentAt: number;
  status: number | 'no answer';
  type?: string | undefined;
  cached?: boolean | undefined;
  latencyMs: number;
}

async function send(url: string, body: string, sentAt: number): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/v1/summaries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    let answer: { type?: string; meta?: { cached?: boolean } } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      answer = { type: `not JSON: ${text.slice(0, 60).replace(/\s+/g, ' ')}` };
    }
    return {
      sentAt,
      status: response.status,
      type: answer.type,
      cached: answer.meta?.cached,
      latencyMs: performance.now() - started,
    };
  } catch (error) {
    return {
      sentAt,
      status: 'no answer',
      type:
        error instanceof Error
          ? `${error.name}: ${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`
          : undefined,
      latencyMs: performance.now() - started,
    };
  }
}

async function scrapeCacheHits(replica: BriefProcess): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${replica.url}/metrics`)).text();
    const hit = /^brief_cache_lookups_total\{result="hit"\} (\d+)/m.exec(text);
    return hit ? Number(hit[1]) : 0;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}

/** The most calls that arrived within any window of one minute. */
function busiestMinute(times: number[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= MINUTE_MS) {
      start += 1;
    }
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function countBy<T>(values: T[]): string {
  const counts = new Map<T, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([value, count]) => `${String(value)} ×${count}`)
    .join(', ');
}

const articles = readArticles(flags.corpus);
await clearRedis(flags['redis-url']);
const fake = await startFakeMessagesApi({
  latencyMs: flags['latency-ms'],
  hardLimits: {
    requestsPerMinute: flags.rpm,
    inputTokensPerMinute: flags['input-tpm'],
    outputTokensPerMinute: flags['output-tpm'],
  },
});
const workDirectory = mkdtempSync(path.join(tmpdir(), 'brief-scale-'));
const replicas: BriefProcess[] = [];
let haproxy: ReturnType<typeof spawn> | undefined;

try {
  const env = {
    NODE_ENV: 'production',
    BRIEF_AUTH_DISABLED: 'true',
    BRIEF_SIGNING_SECRET: randomBytes(32).toString('hex'),
    BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    BRIEF_MODE: 'live',
    ANTHROPIC_API_KEY: 'scale-run-fake-key',
    ANTHROPIC_BASE_URL: fake.url,
    REDIS_URL: flags['redis-url'],
    BRIEF_REQUEST_DEADLINE_MS: String(flags['deadline-ms']),
    BRIEF_SHUTDOWN_GRACE_MS: String(flags['deadline-ms'] + 5_000),
    LOG_LEVEL: 'warn',
    ...(!flags['without-budget']
      ? {
          BRIEF_UPSTREAM_RPM: String(Math.floor(flags.rpm * flags['budget-share'])),
          BRIEF_UPSTREAM_INPUT_TPM: String(Math.floor(flags['input-tpm'] * flags['budget-share'])),
          BRIEF_UPSTREAM_OUTPUT_TPM: String(Math.floor(flags['output-tpm'] * flags['budget-share'])),
        }
      : {}),
  };
  for (let index = 0; index < flags.replicas; index += 1) {
    replicas.push(await spawnBrief({ ...env, LOG_LEVEL: 'info' }));
  }
  const balancerPort = await findFreePort();
  const configFile = path.join(workDirectory, 'haproxy.cfg');
  writeFileSync(configFile, haproxyConfig(balancerPort, replicas));
  haproxy = spawn('haproxy', ['-f', configFile, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const balancerLog: string[] = [];
  haproxy.stderr?.setEncoding('utf8').on('data', (chunk: string) => balancerLog.push(chunk));
  process.once('exit', () => {
    if (process.env.SCALE_RUN_BALANCER_LOG) {
      writeFileSync(process.env.SCALE_RUN_BALANCER_LOG, balancerLog.join(''));
    }
  });
  const balancer = `http://127.0.0.1:${balancerPort}`;
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${balancer}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      break;
    }
    if (tries > 50) {
      throw new Error('HAProxy did not come up.');
    }
    await sleep(200);
  }
  process.stdout.write(
    `scale run: ${flags.replicas} replicas behind HAProxy ${balancer}, Redis ${flags['redis-url']}, fake upstream ${fake.url} ` +
      `(hard limits ${flags.rpm} rpm, ${flags['input-tpm']} input tpm, ${flags['output-tpm']} output tpm, latency ${flags['latency-ms']} ms); ` +
      `budget ${flags['without-budget'] ? 'off' : `on, ${flags['budget-share'] * 100}% of those limits`}; ${flags.rate} req/s for ${flags.seconds} s, ${flags['repeat-share'] * 100}% repeats; ${articles.length} articles\n`,
  );

  const random = createRandom(7);
  const sent: string[] = [];
  const pending: Array<Promise<Outcome>> = [];
  const started = Date.now();
  const total = Math.round(flags.rate * flags.seconds);
  let stoppedAt: number | undefined;
  let stopped: BriefProcess | undefined;
  let stoppedInFlight: number | undefined;
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / flags.rate;
    await sleep(Math.max(0, due - Date.now()));
    const repeat = sent.length > 0 && random() < flags['repeat-share'];
    // A new request gets a title of its own, so it is a new summary even when the corpus comes round again.
    const body = repeat
      ? (sent[Math.floor(random() * sent.length)] ?? '')
      : JSON.stringify({ text: articles[index % articles.length] ?? '', title: `Scale run ${index}` });
    sent.push(body);
    pending.push(send(balancer, body, Date.now() - started));
    if (!flags['keep-replicas'] && index === Math.floor(total / 2)) {
      stopped = replicas[1];
      stoppedAt = Date.now() - started;
      const metrics = await fetch(`${stopped?.url}/metrics`).then((response) => response.text());
      stoppedInFlight = Number(/^brief_upstream_in_progress (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
      stopped?.child.kill('SIGTERM');
      process.stdout.write(
        `  ${index} sent: SIGTERM to replica 2 (pid ${stopped?.pid}) with ${stoppedInFlight} summaries in progress\n`,
      );
    }
    if (index % Math.round(flags.rate * 15) === 0 && index > 0) {
      process.stdout.write(`  ${index}/${total} sent, upstream 429s so far ${fake.stats.overHardLimit}\n`);
    }
  }
  const outcomes = await Promise.all(pending);
  const elapsedSeconds = (Date.now() - started) / 1000;
  const hits = await Promise.all(replicas.map((replica) => scrapeCacheHits(replica)));
  const stoppedExit = stopped ? await stopped.exited : undefined;
  const stoppedLogs = stopped?.logs() ?? [];

  const calls = fake.calls;
  const admitted = calls.filter((call) => call.status !== 429).map((call) => call.receivedAt);
  const firstCall = admitted[0] ?? started;
  const spanMinutes = Math.max(1 / 60, ((admitted.at(-1) ?? firstCall) - firstCall) / MINUTE_MS);
  const latencies = outcomes
    .filter((outcome) => outcome.status === 200)
    .map((outcome) => outcome.latencyMs)
    .sort((left, right) => left - right);
  const answeredAfterStop = outcomes.filter(
    (outcome) => stoppedAt !== undefined && outcome.sentAt >= stoppedAt && outcome.status !== 'no answer',
  ).length;
  const sentAfterStop = outcomes.filter(
    (outcome) => stoppedAt !== undefined && outcome.sentAt >= stoppedAt,
  ).length;
  const lines = [
    '',
    `sent ${outcomes.length} requests in ${elapsedSeconds.toFixed(0)} s; answers: ${countBy(outcomes.map((outcome) => `${outcome.status}${outcome.type ? ` ${outcome.type}` : ''}`))}`,
    `served from the cache: ${outcomes.filter((outcome) => outcome.cached).length} (per replica, from /metrics: ${hits.map((hit, index) => `replica ${index + 1} ${hit ?? 'stopped'}`).join(', ')})`,
    `latency of 200 answers (ms): p50 ${percentile(latencies, 0.5).toFixed(0)}, p90 ${percentile(latencies, 0.9).toFixed(0)}, max ${(latencies.at(-1) ?? Number.NaN).toFixed(0)}`,
    `upstream: ${calls.length} calls, ${fake.stats.overHardLimit} refused with 429 by the hard limit; admitted ${admitted.length}: ${(admitted.length / spanMinutes).toFixed(0)} per minute on average, ${busiestMinute(admitted)} in the busiest minute (limit ${flags.rpm})`,
    ...(stopped
      ? [
          `replica 2 stopped at ${((stoppedAt ?? 0) / 1000).toFixed(0)} s with ${stoppedInFlight} summaries in progress: exit ${stoppedExit?.code}; ` +
            `its log: ${stoppedLogs.filter((line) => line.msg === 'request' && line.status === 200).length} requests answered 200 in all, ` +
            `"${String(stoppedLogs.find((line) => String(line.msg).startsWith('drained') || String(line.msg).startsWith('grace'))?.msg ?? 'no drain line')}"; ` +
            `${answeredAfterStop} of ${sentAfterStop} requests sent after the stop answered`,
        ]
      : []),
    `requests without an answer: ${outcomes.filter((outcome) => outcome.status === 'no answer').length}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = outcomes.some((outcome) => outcome.status === 'no answer' || outcome.status === 500)
    ? 1
    : 0;
} finally {
  haproxy?.kill('SIGTERM');
  for (const replica of replicas) {
    replica.kill();
  }
  await fake.close();
  rmSync(workDirectory, { recursive: true, force: true });
}
