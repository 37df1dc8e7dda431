/**
 * Scale run on one machine: three Brief replicas behind HAProxy, sharing Redis (cache and upstream
 * budget), in live mode against the fake Messages API with hard per-minute limits. An open-loop load
 * of real articles (a share of them repeats, for cross-replica cache hits) goes through the balancer;
 * half-way one replica gets SIGTERM.
 *
 *   npx tsx scripts/scale-run.ts --rpm 120 --rate 4 --seconds 90
 *   npx tsx scripts/scale-run.ts --without-budget   # the same, each replica deciding alone
 *   npx tsx scripts/scale-run.ts --compose          # the replicas, HAProxy and Redis in Docker Compose
 *
 * Reports the upstream 429s (the fake's hard-limit refusals), the calls admitted per minute against
 * the budget, cache hits per replica, and what happened to the requests around the stopped replica.
 *
 * Processes (default): needs `haproxy` on the PATH (Debian: apt-get install haproxy) and a Redis
 * (--redis-url; the run deletes that database's `brief:budget:*` and `brief:summary:*` keys first).
 * --compose: needs a Docker daemon with the `node:24-bookworm-slim` base (../shared/tools/docker-node-base.sh)
 * and `docker compose` or `docker-compose`; builds and starts `deploy/scale/compose.yml` (Redis of its
 * own), stops one replica with `docker-compose stop`, and removes the project at the end, also when
 * interrupted. The fake listens on Docker's bridge address of this machine, where containers reach it.
 * Bounded by --seconds.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/config/env.js';
import { startFakeMessagesApi } from '../test/support/fake-messages-api/index.js';
import { parseCommand } from './lib/parse-command.js';
import { COMPOSE_REPLICAS, dockerHostAddress, startComposeCluster } from './lib/scale-run/compose-cluster.js';
import { driveLoad } from './lib/scale-run/drive-load.js';
import { startProcessCluster } from './lib/scale-run/process-cluster.js';
import type { ScaleCluster } from './lib/scale-run/scale-cluster.js';
import { readStoppedReplicaLog, type StoppedReplica, scaleReport } from './lib/scale-run/scale-report.js';

const MIN_TEXT_CHARS = 200;
const MAX_TEXT_CHARS = 20_000;
const READY_WITHIN_MS = 60_000;
const READY_POLL_MS = 200;
const STOPPED_REPLICA = 2;
const SHUTDOWN_GRACE_EXTRA_MS = 5_000;
const CACHE_HITS = /^brief_cache_lookups_total\{result="hit"\} (\d+)/m;
const COMPOSE_FILE = path.join(PROJECT_ROOT, 'deploy', 'scale', 'compose.yml');
const COMPOSE_PROJECT = 'brief-scale';

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
  compose: z.boolean().default(false),
  'redis-url': z.string().default('redis://127.0.0.1:6379/11'),
  corpus: z.string().default(path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus', '10kgnad')),
});

const program = new Command('tsx scripts/scale-run.ts')
  .description('Three replicas behind HAProxy, one Redis, the fake Messages API with hard limits.')
  .option('--replicas <n>', 'Brief processes behind the balancer (default 3; --compose: always 3)')
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
  .option('--compose', 'replicas, HAProxy and Redis as Docker Compose services (deploy/scale/compose.yml)')
  .option('--redis-url <url>', 'processes: the Redis they share (default redis://127.0.0.1:6379/11)')
  .option('--corpus <dir>', 'folder of article .txt files (default ../shared/corpus/10kgnad)');

const flags = parseCommand(program, flagsSchema);
if (flags.compose && flags.replicas !== COMPOSE_REPLICAS) {
  program.error(`--replicas: the compose file runs ${COMPOSE_REPLICAS} replicas`, { exitCode: 2 });
}

function readArticles(directory: string): string[] {
  const source = existsSync(directory) ? directory : path.join(PROJECT_ROOT, 'samples');
  return readdirSync(source)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(source, name), 'utf8').trim())
    .filter((text) => text.length >= MIN_TEXT_CHARS && text.length <= MAX_TEXT_CHARS);
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

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return;
    }
    await sleep(READY_POLL_MS);
  }
  throw new Error(`the balancer ${url} did not answer /readyz with 200 within ${READY_WITHIN_MS / 1000} s`);
}

async function scrapeMetric(url: string, pattern: RegExp): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(pattern.exec(text)?.[1] ?? 0);
  } catch {
    return undefined;
  }
}

const say = (line: string) => process.stdout.write(`  ${line}\n`);
const articles = readArticles(flags.corpus);
const budget = flags['without-budget']
  ? undefined
  : {
      rpm: Math.floor(flags.rpm * flags['budget-share']),
      inputTpm: Math.floor(flags['input-tpm'] * flags['budget-share']),
      outputTpm: Math.floor(flags['output-tpm'] * flags['budget-share']),
    };
if (!flags.compose) {
  await clearRedis(flags['redis-url']);
}
const fake = await startFakeMessagesApi({
  ...(flags.compose ? { host: await dockerHostAddress() } : {}),
  latencyMs: flags['latency-ms'],
  hardLimits: {
    requestsPerMinute: flags.rpm,
    inputTokensPerMinute: flags['input-tpm'],
    outputTokensPerMinute: flags['output-tpm'],
  },
});
const env = {
  BRIEF_SIGNING_SECRET: randomBytes(32).toString('hex'),
  ANTHROPIC_API_KEY: 'scale-run-fake-key',
  // Containers reach this machine by the name compose gives it.
  ANTHROPIC_BASE_URL: flags.compose
    ? fake.url.replace(new URL(fake.url).hostname, 'host.docker.internal')
    : fake.url,
  BRIEF_REQUEST_DEADLINE_MS: String(flags['deadline-ms']),
  BRIEF_SHUTDOWN_GRACE_MS: String(flags['deadline-ms'] + SHUTDOWN_GRACE_EXTRA_MS),
  // Empty: none (the compose file passes every one of them, so one set in the shell would count).
  BRIEF_UPSTREAM_RPM: budget ? String(budget.rpm) : '',
  BRIEF_UPSTREAM_INPUT_TPM: budget ? String(budget.inputTpm) : '',
  BRIEF_UPSTREAM_OUTPUT_TPM: budget ? String(budget.outputTpm) : '',
};

let teardown: (() => Promise<void>) | undefined;
let closing: Promise<void> | undefined;
const closeAll = () => {
  closing ??= (async () => {
    await teardown?.();
    await fake.close();
  })();
  return closing;
};
// `on`, not `once`: `npm run` and tsx pass a Ctrl-C on to the script again, and a signal without a
// listener would end the process before the teardown has run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!closing) {
      process.stdout.write(`${signal}: taking the run down\n`);
    }
    void closeAll().finally(() => process.exit(1));
  });
}

try {
  let cluster: ScaleCluster;
  if (flags.compose) {
    cluster = await startComposeCluster({
      composeFile: COMPOSE_FILE,
      projectName: COMPOSE_PROJECT,
      env,
      stopTimeoutSeconds: Math.ceil((flags['deadline-ms'] + 2 * SHUTDOWN_GRACE_EXTRA_MS) / 1000),
      onTeardown: (close) => {
        teardown = close;
      },
      progress: say,
    });
  } else {
    cluster = await startProcessCluster({
      replicas: flags.replicas,
      env: {
        ...env,
        NODE_ENV: 'production',
        BRIEF_MODE: 'live',
        BRIEF_AUTH_DISABLED: 'true',
        BRIEF_RATE_LIMIT_PER_MINUTE: '0',
        REDIS_URL: flags['redis-url'],
      },
      balancerLogFile: process.env.SCALE_RUN_BALANCER_LOG,
    });
    teardown = cluster.close;
  }
  await waitUntilReady(cluster.balancerUrl);
  process.stdout.write(
    `scale run: ${cluster.description}, ${flags.compose ? 'Redis in compose' : `Redis ${flags['redis-url']}`}, fake upstream ${fake.url} ` +
      `(hard limits ${flags.rpm} rpm, ${flags['input-tpm']} input tpm, ${flags['output-tpm']} output tpm, latency ${flags['latency-ms']} ms); ` +
      `budget ${budget ? `on, ${flags['budget-share'] * 100}% of those limits` : 'off'}; ${flags.rate} req/s for ${flags.seconds} s, ${flags['repeat-share'] * 100}% repeats; ${articles.length} articles\n`,
  );

  let stoppedReplica = false;
  let cacheHitsAtStop: number | undefined;
  const load = await driveLoad({
    balancerUrl: cluster.balancerUrl,
    articles,
    rate: flags.rate,
    seconds: flags.seconds,
    repeatShare: flags['repeat-share'],
    ...(flags['keep-replicas']
      ? {}
      : {
          atHalfway: async (sent: number) => {
            cacheHitsAtStop = await scrapeMetric(cluster.replicaUrls[STOPPED_REPLICA - 1] ?? '', CACHE_HITS);
            const what = await cluster.stop(STOPPED_REPLICA);
            stoppedReplica = true;
            say(`${sent} sent: SIGTERM to replica ${STOPPED_REPLICA} (${what})`);
          },
        }),
    progress: (sent, total) => say(`${sent}/${total} sent, upstream 429s so far ${fake.stats.overHardLimit}`),
  });
  const cacheHits = await Promise.all(cluster.replicaUrls.map((url) => scrapeMetric(url, CACHE_HITS)));
  const stoppedExit = stoppedReplica ? await cluster.exited(STOPPED_REPLICA) : undefined;
  const stopped: StoppedReplica | undefined = stoppedExit && {
    replica: STOPPED_REPLICA,
    stoppedAt: load.halfwayAt ?? 0,
    exitCode: stoppedExit.exitCode,
    cacheHitsAtStop,
    ...readStoppedReplicaLog(stoppedExit.logs),
  };
  const report = scaleReport({
    outcomes: load.outcomes,
    elapsedSeconds: load.elapsedSeconds,
    cacheHits,
    upstreamCalls: fake.calls,
    overHardLimit: fake.stats.overHardLimit,
    limitRpm: flags.rpm,
    budgetRpm: budget?.rpm,
    stopped,
  });
  process.stdout.write(`\n${report.join('\n')}\n`);
  process.exitCode = load.outcomes.some((outcome) => outcome.status === 'no answer' || outcome.status === 500)
    ? 1
    : 0;
} finally {
  await closeAll();
}
