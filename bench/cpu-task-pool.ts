/**
 * What the worker pool costs: CPU per fact-check call in this thread and on the pool (structured
 * clone and thread hop included), and the server's RSS idle and after a warm-up that starts the pool.
 *
 *   npm run build && npx tsx bench/cpu-task-pool.ts     # prints the figures (Markdown)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckSummariesInput } from '../src/checks/index.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import type { CpuTasks } from '../src/workers/cpu-tasks.js';
import { createCpuTaskPool } from '../src/workers/create-cpu-task-pool.js';
import { inThreadCpuTasks } from '../src/workers/in-thread-cpu-tasks.js';
import { readCpuMs, readRssBytes } from './process-usage.js';
import { findFreePort, startChild } from './start-child.js';

const CALLS = 300;
const WARM_UP_REQUESTS = 40;
const PARALLEL_ROUNDS = 4;
const SETTLE_MS = 3_000;
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const HTML = readFileSync(path.join(PROJECT_ROOT, 'samples', 'html-article.de.html'), 'utf8');

/** The seed article's recorded summaries, as the server answers them in replay mode. */
async function seedSummaries(url: string): Promise<CheckSummariesInput['summaries']> {
  const response = await fetch(`${url}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: SEED,
  });
  if (!response.ok) throw new Error(`seed summary: ${response.status} ${await response.text()}`);
  const { summaries } = (await response.json()) as { summaries: CheckSummariesInput['summaries'] };
  return summaries;
}

/** Main-thread busy time (event-loop utilisation) and process CPU (all threads) per call, in ms. */
async function perCall(tasks: CpuTasks, input: CheckSummariesInput) {
  for (let call = 0; call < 20; call += 1) await tasks.checkSummaries(input);
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let call = 0; call < CALLS; call += 1) await tasks.checkSummaries(input);
  const wallMs = performance.now() - started;
  const { active } = performance.eventLoopUtilization(elu);
  const used = process.cpuUsage(cpu);
  return {
    mainThreadMs: active / CALLS,
    processCpuMs: (used.user + used.system) / 1000 / CALLS,
    wallMs: wallMs / CALLS,
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main() {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startChild(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'index.js')], {
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      BRIEF_AUTH_DISABLED: 'true',
      BRIEF_SIGNING_SECRET: randomBytes(32).toString('hex'),
      BRIEF_RATE_LIMIT_PER_MINUTE: '0',
      BRIEF_CACHE_ENABLED: 'false',
      BRIEF_LOG_LEVEL: 'warn',
      // As the Dockerfile runs it.
      MALLOC_MMAP_THRESHOLD_: '131072',
      NODE_OPTIONS: '--max-semi-space-size=8',
    },
  });
  try {
    for (let tries = 0; ; tries += 1) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch (error) {
        if (tries > 200) throw error;
      }
      await sleep(100);
    }
    await sleep(SETTLE_MS);
    const idleRss = readRssBytes(server.pid);
    const summaries = await seedSummaries(url);
    const cpuBefore = readCpuMs(server.pid);
    // Rounds in parallel, so the pool grows to its largest.
    await Promise.all(
      Array.from({ length: PARALLEL_ROUNDS }, async () => {
        for (let request = 0; request < WARM_UP_REQUESTS / PARALLEL_ROUNDS; request += 1) {
          await seedSummaries(url);
          await fetch(`${url}/v1/checks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: SEED, summaries }),
          });
          await fetch(`${url}/v1/summaries`, {
            method: 'POST',
            headers: { 'content-type': 'text/html' },
            body: HTML,
          });
        }
      }),
    );
    const serverCpuPerRound = (readCpuMs(server.pid) - cpuBefore) / WARM_UP_REQUESTS;
    await sleep(SETTLE_MS);
    const warmRss = readRssBytes(server.pid);

    const input = { source: SEED, summaries };
    const pool = createCpuTaskPool();
    const inThread = await perCall(inThreadCpuTasks, input);
    const onPool = await perCall(pool, input);
    await pool.close();

    const format = (figures: typeof inThread) =>
      `${figures.mainThreadMs.toFixed(2)} ms | ${figures.processCpuMs.toFixed(2)} ms | ${figures.wallMs.toFixed(2)} ms`;
    const [one, five, fifteen] = os.loadavg().map((load) => load.toFixed(2));
    console.log(`- Run: ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load average ${one} ${five} ${fifteen}
- The seed article's fact checks (${CALLS} calls, one at a time, this process; the pool under tsx):

| Where the checks run | Main thread per call | Process CPU per call | Wall time per call |
| --- | ---: | ---: | ---: |
| in the event-loop thread | ${format(inThread)} |
| on the worker pool | ${format(onPool)} |

- Server (node dist/src/index.js, replay mode): RSS idle (language database and pool loaded, no request yet) ${mb(idleRss)}; after ${WARM_UP_REQUESTS} rounds (4 in parallel) of a summary, a check and an HTML summary (pool started) ${mb(warmRss)}; server CPU per round ${serverCpuPerRound.toFixed(1)} ms.`);
  } finally {
    await server.stop();
  }
}

await main();
