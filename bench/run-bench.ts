/**
 * `npm run bench`: Brief's overhead, CPU, memory, single-flight, cold start and token bill, measured
 * against the fake Messages API and compared with two baselines in the same run. Every server, the
 * fake and the load generator run as processes of their own on 127.0.0.1. Writes bench/RESULTS.md
 * and bench/results.json. `--help` lists the flags.
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { createToolConfig, PROJECT_ROOT } from '../src/config/env.js';
import { loadPromptRegistry } from '../src/prompts/prompt-registry.js';
import { normalizeArticle } from '../src/summarize/normalize-article.js';
import { estimateTokens } from './estimate-tokens.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import { readCpuMs, readRssBytes } from './process-usage.js';
import { readCorpus } from './read-corpus.js';
import { type Child, findFreePort, startChild, waitUntilReady } from './start-child.js';
import { mean, median, percentile, round } from './statistics.js';
import { type BenchResults, type MemoryFigure, renderResults, type ServerName } from './write-results.js';

const options = new Command('npm run bench --')
  .description('Measures Brief against the baselines: overhead, CPU, memory in flight, cold start.')
  .option('--corpus <dir>', "articles: every .txt in DIR (default: the project's samples)")
  .option('--duration <s>', 'seconds of load per overhead run and per CPU run (default 10)')
  .option('--latency-ms <n>', 'upstream latency of the overhead runs', '1000')
  .option('--concurrency <a,b,c>', 'concurrencies of the overhead runs', '1,50,500')
  .option('--in-flight <n>', 'requests held in flight for the memory figure', '1000')
  .option('--hold-ms <n>', 'upstream latency that holds them', '5000')
  .option('--cpu-rounds <n>', 'CPU runs per server, alternating the order (default 2)')
  .option('--cold-starts <n>', 'cold starts to take the median of (default 9)')
  .option('--quick', 'a short run to try the bench itself (durations 3 s, 1 CPU round, 3 cold starts)', false)
  .option('--no-build', 'use dist/ as it is')
  .option('--out <dir>', 'where RESULTS.md and results.json go', path.join(PROJECT_ROOT, 'bench'))
  .option(
    '--only <section>',
    'run one section and merge its figures into the existing results.json (sections: streaming, memory)',
  )
  .option('--streams <n>', 'streaming: streams at once for the latency, total-time and CPU figures', '100')
  .option('--open-streams <n>', 'streaming: streams held open for the memory figure', '500')
  .allowExcessArguments(false)
  .parse()
  .opts<{
    corpus?: string;
    duration?: string;
    latencyMs: string;
    concurrency: string;
    inFlight: string;
    holdMs: string;
    cpuRounds?: string;
    coldStarts?: string;
    quick: boolean;
    build: boolean;
    out: string;
    only?: string;
    streams: string;
    openStreams: string;
  }>();
if (options.only !== undefined && options.only !== 'streaming' && options.only !== 'memory') {
  process.stderr.write(`--only: unknown section "${options.only}" (sections: streaming, memory)\n`);
  process.exit(2);
}
const flags = {
  corpus: options.corpus,
  duration: options.duration,
  'latency-ms': options.latencyMs,
  concurrency: options.concurrency,
  'in-flight': options.inFlight,
  'hold-ms': options.holdMs,
  'cpu-rounds': options.cpuRounds,
  'cold-starts': options.coldStarts,
  quick: options.quick,
  'no-build': !options.build,
  out: options.out,
  only: options.only,
  streams: options.streams,
  'open-streams': options.openStreams,
};

const settings = {
  durationS: Number(flags.duration ?? (flags.quick ? 3 : 10)),
  latencyMs: Number(flags['latency-ms']),
  concurrencies: (flags.concurrency ?? '').split(',').map(Number),
  inFlight: Number(flags['in-flight']),
  holdMs: Number(flags['hold-ms']),
  cpuRounds: Number(flags['cpu-rounds'] ?? (flags.quick ? 1 : 2)),
  coldStarts: Number(flags['cold-starts'] ?? (flags.quick ? 3 : 9)),
  /** Clients of the CPU runs: enough to keep a 2-core machine busy. */
  saturationConcurrency: 32,
  warmupS: flags.quick ? 2 : 3,
  /** RSS is read this long after the warm-up (idle) and after the last answer (after): the same rest. */
  memorySettleMs: flags.quick ? 10_000 : 30_000,
  memoryAfterShortMs: 5_000,
  /** Fresh processes per server for the memory figures: RSS after a rest varies with when V8 last collected. */
  memoryRuns: flags.quick ? 1 : 3,
  /** At c=1 a run of `durationS` holds only a few requests: it runs this many times longer. */
  singleClientDurationFactor: 3,
  streaming: {
    streams: Number(flags.streams),
    openStreams: Number(flags['open-streams']),
    /** A realistic model: first token after ~600 ms, then ~60 output tokens per second. */
    firstTokenDelayMs: 600,
    tokensPerSecond: 60,
    /** The memory run paces slower, so that every stream is open at once on a busy machine. */
    openStreamsTokensPerSecond: 20,
  },
};
const DIST = path.join(PROJECT_ROOT, 'dist');
const MB = 1024 * 1024;

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

function build() {
  for (const args of [
    ['run', 'build'],
    ['exec', '--', 'tsc', '-p', 'bench/tsconfig.build.json'],
  ]) {
    try {
      execFileSync('npm', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      // tsc still emits on type errors elsewhere in a tree being worked on; say so and go on.
      log(
        `npm ${args.join(' ')} reported errors (${(error as Error).message.split('\n')[0]}); using what it emitted`,
      );
    }
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'brief-bench-'));
const children = new Set<Child>();
async function stopAll() {
  await Promise.all([...children].map((child) => child.stop()));
}
process.once('SIGINT', () => {
  stopAll().finally(() => process.exit(130));
});

function spawnTracked(...parameters: Parameters<typeof startChild>): Child {
  const child = startChild(...parameters);
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

if (!flags['no-build']) {
  log('building dist/ (npm run build, bench/tsconfig.build.json)');
  build();
}

const config = createToolConfig();
// Articles Brief would refuse as too short or too long would only measure a 422.
const corpus = readCorpus(PROJECT_ROOT, flags.corpus);
const articles = corpus.filter((article) => {
  const length = normalizeArticle(article.text).length;
  return length >= config.limits.minTextChars && length <= config.limits.maxTextChars;
});
const articleJson = articles.map((article) => JSON.stringify(article.text));
const prompt = loadPromptRegistry(config.promptsDir).get('summarize', config.defaultPromptVersion);
if (!prompt) throw new Error(`No prompt summarize@${config.defaultPromptVersion}`);
log(
  `${articles.length} articles from ${flags.corpus ?? 'samples/'} (${corpus.length - articles.length} outside Brief's length limits left out); prompt summarize@${prompt.version}`,
);

// The fake upstream, in its own process.
const fake = spawnTracked('node', [path.join(DIST, 'bench/fake-upstream.js'), '--latency-ms', '0']);
const fakeUrl = (await fake.firstLine()).trim();
interface FakeStats {
  calls: number;
  firstAttempts: number;
  inFlight: number;
  served: Array<{ benchId?: string; servedMs: number }>;
}
const fakeStats = async () => (await (await fetch(`${fakeUrl}/bench/stats`)).json()) as FakeStats;
const resetFake = async () => void (await (await fetch(`${fakeUrl}/bench/reset`, { method: 'POST' })).text());
const setLatency = async (ms: number) =>
  void (await (await fetch(`${fakeUrl}/bench/latency?ms=${ms}`, { method: 'POST' })).text());
const setPacing = async (firstTokenDelayMs: number, tokensPerSecond: number) =>
  void (await (
    await fetch(
      `${fakeUrl}/bench/pacing?first-token-delay-ms=${firstTokenDelayMs}&tokens-per-second=${tokensPerSecond}`,
      { method: 'POST' },
    )
  ).text());

let nextBenchId = 1;
let jobCount = 0;
/** Runs the load generator in a process of its own and returns what it measured. */
async function runLoad(job: Omit<LoadJob, 'articles' | 'firstId'>): Promise<LoadResult> {
  jobCount += 1;
  const jobFile = path.join(work, `job-${jobCount}.json`);
  writeFileSync(jobFile, JSON.stringify({ ...job, articles: articleJson, firstId: nextBenchId }));
  nextBenchId += 1_000_000;
  const generator = spawnTracked('node', [path.join(DIST, 'bench/load-generator.js'), jobFile]);
  let output = '';
  generator.process.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const code = await generator.exited;
  if (code !== 0) throw new Error(`The load generator exited ${code}`);
  return JSON.parse(output) as LoadResult;
}

const briefEnvironment = (port: number, overrides: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  // As the image sets them (Dockerfile): Brief as shipped. The baselines run as a team would write them.
  MALLOC_MMAP_THRESHOLD_: '131072',
  NODE_OPTIONS: '--max-semi-space-size=8',
  HOST: '127.0.0.1',
  PORT: String(port),
  LOG_LEVEL: 'info',
  ANTHROPIC_API_KEY: 'bench',
  ANTHROPIC_BASE_URL: fakeUrl,
  BRIEF_AUTH_DISABLED: 'true',
  // Production in live mode signs batch ids; a secret of this run's own.
  BRIEF_SIGNING_SECRET: randomBytes(32).toString('hex'),
  BRIEF_RATE_LIMIT_PER_MINUTE: '0',
  BRIEF_METRICS_ENABLED: 'true',
  BRIEF_CACHE_ENABLED: 'false',
  BRIEF_MAX_CONCURRENT_UPSTREAM: '5000',
  BRIEF_MAX_QUEUED: '5000',
  ...overrides,
});

interface RunningServer {
  name: ServerName;
  child: Child;
  url: string;
}

/** Starts one server under test, logging (Brief) to a file, and waits for /readyz. */
async function startServer(name: ServerName, overrides: Record<string, string> = {}): Promise<RunningServer> {
  const port = await findFreePort();
  const started = performance.now();
  const logFile = path.join(work, `${name}-${port}.log`);
  const child =
    name === 'brief'
      ? spawnTracked('node', [path.join(DIST, 'server/index.mjs')], {
          env: briefEnvironment(port, overrides),
          stdoutFile: logFile,
        })
      : spawnTracked(
          'node',
          [path.join(DIST, `bench/baselines/${name}.js`), String(port), fakeUrl, prompt?.version ?? 'v1'],
          {
            env: { ANTHROPIC_API_KEY: 'bench' },
            stdoutFile: logFile,
          },
        );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/readyz`, started);
  return { name, child, url };
}

async function warmUp(server: RunningServer) {
  await runLoad({ url: `${server.url}/v1/summaries`, concurrency: 8, durationMs: settings.warmupS * 1000 });
}

function errorCount(result: LoadResult): number {
  return Object.values(result.errors).reduce((sum, count) => sum + count, 0);
}

// 1. Overhead: client latency minus the upstream's own time for the same request.
async function measureOverhead(name: ServerName) {
  const server = await startServer(name);
  await setLatency(0);
  await warmUp(server);
  await setLatency(settings.latencyMs);
  const runs = [];
  for (const concurrency of settings.concurrencies) {
    await resetFake();
    const single = concurrency === 1;
    const result = await runLoad({
      url: `${server.url}/v1/summaries`,
      concurrency,
      durationMs: settings.durationS * 1000 * (single ? settings.singleClientDurationFactor : 1),
      // Clients start spread over one upstream latency; the first round trip is not reported.
      staggerMs: single ? 0 : settings.latencyMs,
      warmupMs: single ? 0 : settings.latencyMs,
    });
    // A repair re-ask is a second upstream call for the same request: its time is upstream time too.
    const served = new Map<number, { ms: number; calls: number }>();
    for (const call of (await fakeStats()).served) {
      if (call.benchId === undefined) continue;
      const id = Number(call.benchId);
      const earlier = served.get(id) ?? { ms: 0, calls: 0 };
      served.set(id, { ms: earlier.ms + call.servedMs, calls: earlier.calls + 1 });
    }
    const overheads: number[] = [];
    const upstream: number[] = [];
    let upstreamCalls = 0;
    for (const sample of result.samples) {
      const upstreamTime = served.get(sample.id);
      if (sample.status !== 200 || upstreamTime === undefined) continue;
      overheads.push(sample.latencyMs - upstreamTime.ms);
      upstream.push(upstreamTime.ms);
      upstreamCalls += upstreamTime.calls;
    }
    runs.push({
      concurrency,
      requests: overheads.length,
      upstreamCallsPerRequest: round(upstreamCalls / overheads.length, 2),
      errors: errorCount(result),
      overheadP50Ms: round(percentile(overheads, 50), 3),
      overheadP99Ms: round(percentile(overheads, 99), 3),
      overheadMaxMs: round(Math.max(...overheads), 3),
      upstreamP50Ms: round(percentile(upstream, 50), 3),
      latencyP99Ms: round(
        percentile(
          result.samples.map((sample) => sample.latencyMs),
          99,
        ),
        3,
      ),
      requestsPerSecond: round((result.completed / result.elapsedMs) * 1000, 1),
    });
    log(`overhead ${name} c=${concurrency}: ${JSON.stringify(runs.at(-1))}`);
  }
  await server.child.stop();
  return runs;
}

// 2. CPU per request and requests per second at saturation, zero-latency upstream.
async function measureCpu(name: ServerName) {
  await setLatency(0);
  const server = await startServer(name);
  await warmUp(server);
  await resetFake();
  const cpuBefore = readCpuMs(server.child.pid);
  const result = await runLoad({
    url: `${server.url}/v1/summaries`,
    concurrency: settings.saturationConcurrency,
    durationMs: settings.durationS * 1000,
  });
  const cpuMs = readCpuMs(server.child.pid) - cpuBefore;
  const { calls } = await fakeStats();
  const sample = await fetch(`${server.url}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"text":${articleJson[0]}}`,
  });
  const answer = (await sample.json()) as { summaries?: { en?: unknown }; en?: unknown };
  await server.child.stop();
  const requests = result.samples.length;
  const run = {
    requests,
    errors: errorCount(result),
    cpuMs,
    cpuMsPerRequest: cpuMs / requests,
    upstreamCalls: calls,
    requestsPerSecond: (result.completed / result.elapsedMs) * 1000,
    answersWithSummaries: sample.status === 200 && (answer.summaries?.en ?? answer.en) !== undefined,
  };
  log(`cpu ${name}: ${JSON.stringify(run)}`);
  return run;
}

// 3. RSS at warm idle, with N requests in flight, and after they finished.
async function measureMemory(name: ServerName) {
  await setLatency(0);
  const server = await startServer(name);
  await warmUp(server);
  await sleep(settings.memorySettleMs);
  const idleBytes = readRssBytes(server.child.pid);
  await setLatency(settings.holdMs);
  await resetFake();
  // Held: every request has reached the upstream and waits there. Peak: the most at any time,
  // the burst of answers at the end included.
  let heldBytes = 0;
  let peakBytes = 0;
  let peakInFlight = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { inFlight } = await fakeStats();
      const rss = readRssBytes(server.child.pid);
      peakBytes = Math.max(peakBytes, rss);
      peakInFlight = Math.max(peakInFlight, inFlight);
      if (inFlight >= settings.inFlight) heldBytes = Math.max(heldBytes, rss);
      await sleep(100);
    }
  })();
  const result = await runLoad({
    url: `${server.url}/v1/summaries`,
    concurrency: settings.inFlight,
    totalRequests: settings.inFlight,
  });
  sampling = false;
  await sampler;
  await sleep(settings.memoryAfterShortMs);
  const afterShortBytes = readRssBytes(server.child.pid);
  await sleep(settings.memorySettleMs - settings.memoryAfterShortMs);
  const afterBytes = readRssBytes(server.child.pid);
  await server.child.stop();
  await setLatency(0);
  const memory = {
    inFlight: settings.inFlight,
    upstreamInFlightPeak: peakInFlight,
    answered: result.completed,
    idleMb: round(idleBytes / MB, 1),
    inFlightMb: round(heldBytes / MB, 1),
    peakMb: round(peakBytes / MB, 1),
    afterShortMb: round(afterShortBytes / MB, 1),
    afterMb: round(afterBytes / MB, 1),
    afterVsIdle: round(afterBytes / idleBytes, 3),
  };
  log(`memory ${name}: ${JSON.stringify(memory)}`);
  return memory;
}

/**
 * The memory figures of `settings.memoryRuns` fresh processes: those of the run whose warm idle RSS
 * is the median (every figure from one process), with each run's warm idle beside them.
 */
async function measureMemoryRuns(name: ServerName): Promise<MemoryFigure> {
  const runs: MemoryFigure[] = [];
  for (let run = 0; run < settings.memoryRuns; run += 1) runs.push(await measureMemory(name));
  const byIdle = [...runs].sort((left, right) => left.idleMb - right.idleMb);
  const median = byIdle[Math.floor((byIdle.length - 1) / 2)] as MemoryFigure;
  return { ...median, idleRunsMb: runs.map((run) => run.idleMb) };
}

// 4. Single-flight: identical concurrent requests, cache on.
async function measureSingleFlight() {
  const server = await startServer('brief', { BRIEF_CACHE_ENABLED: 'true' });
  await setLatency(500);
  await resetFake();
  const result = await runLoad({
    url: `${server.url}/v1/summaries`,
    concurrency: 100,
    totalRequests: 100,
    identical: true,
  });
  const { calls, firstAttempts } = await fakeStats();
  await server.child.stop();
  await setLatency(0);
  const singleFlight = {
    requests: 100,
    answered: result.completed,
    summariesStarted: firstAttempts,
    upstreamCalls: calls,
  };
  log(`single-flight: ${JSON.stringify(singleFlight)}`);
  return singleFlight;
}

// 7. Streaming: the same requests with and without `Accept: text/event-stream`, against an upstream
// that streams at a model's pace (the JSON answer waits as long as the stream takes).
async function measureStreaming() {
  const { streams, openStreams, firstTokenDelayMs, tokensPerSecond, openStreamsTokensPerSecond } =
    settings.streaming;
  await setLatency(0);
  await setPacing(0, 0);
  const server = await startServer('brief');
  const url = `${server.url}/v1/summaries`;
  await warmUp(server);
  await runLoad({ url, concurrency: 8, durationMs: settings.warmupS * 1000, stream: true });
  await setPacing(firstTokenDelayMs, tokensPerSecond);

  const run = async (stream: boolean, concurrency: number) => {
    await resetFake();
    const cpuBefore = readCpuMs(server.child.pid);
    const result = await runLoad({ url, concurrency, totalRequests: concurrency, stream });
    const cpuMs = readCpuMs(server.child.pid) - cpuBefore;
    const served = new Map<number, { servedMs: number; firstTokenMs?: number; headlineMs?: number }>();
    for (const call of (await fakeStats()).served as Array<{
      benchId?: string;
      servedMs: number;
      firstTokenMs?: number;
      headlineMs?: number;
    }>) {
      if (call.benchId !== undefined) served.set(Number(call.benchId), call);
    }
    return { result, cpuMs, served };
  };

  const streamed = await run(true, streams);
  const firstTokenGaps: number[] = [];
  const headlineGaps: number[] = [];
  const streamedRatios: number[] = [];
  const upstreamMs: number[] = [];
  const streamedTotals: number[] = [];
  for (const sample of streamed.result.samples) {
    const call = streamed.served.get(sample.id);
    if (sample.status !== 200 || !call || sample.firstHeadlineMs === undefined) continue;
    if (call.firstTokenMs !== undefined) firstTokenGaps.push(sample.firstHeadlineMs - call.firstTokenMs);
    if (call.headlineMs !== undefined) headlineGaps.push(sample.firstHeadlineMs - call.headlineMs);
    streamedRatios.push(sample.latencyMs / call.servedMs);
    upstreamMs.push(call.servedMs);
    streamedTotals.push(sample.latencyMs);
  }
  // The same requests as JSON, the upstream answering after as long as its streams took.
  const upstreamP50 = percentile(upstreamMs, 50);
  await setLatency(Math.round(upstreamP50));
  const json = await run(false, streams);
  await setLatency(0);
  const jsonRatios: number[] = [];
  const jsonTotals: number[] = [];
  for (const sample of json.result.samples) {
    const call = json.served.get(sample.id);
    if (sample.status !== 200 || !call) continue;
    jsonRatios.push(sample.latencyMs / call.servedMs);
    jsonTotals.push(sample.latencyMs);
  }

  // Memory: RSS while `openStreams` streams are open at once.
  await sleep(settings.memoryAfterShortMs);
  const idleBytes = readRssBytes(server.child.pid);
  await resetFake();
  await setPacing(firstTokenDelayMs, openStreamsTokensPerSecond);
  // RSS at the most streams open at once (all of them, when the machine keeps up).
  let openBytes = 0;
  let peakOpen = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { inFlight } = await fakeStats();
      const rss = readRssBytes(server.child.pid);
      if (inFlight > peakOpen || (inFlight === peakOpen && rss > openBytes)) openBytes = rss;
      peakOpen = Math.max(peakOpen, inFlight);
      await sleep(100);
    }
  })();
  const open = await runLoad({ url, concurrency: openStreams, totalRequests: openStreams, stream: true });
  sampling = false;
  await sampler;
  await server.child.stop();
  await setPacing(0, 0);

  const figure = {
    streams,
    firstTokenDelayMs,
    tokensPerSecond,
    answered: { streamed: streamedRatios.length, json: jsonRatios.length },
    errors: { streamed: errorCount(streamed.result), json: errorCount(json.result) },
    firstHeadlineAfterFirstTokenP50Ms: round(percentile(firstTokenGaps, 50), 1),
    firstHeadlineAfterFirstTokenP99Ms: round(percentile(firstTokenGaps, 99), 1),
    firstHeadlineAfterUpstreamHeadlineP50Ms: round(percentile(headlineGaps, 50), 1),
    firstHeadlineAfterUpstreamHeadlineP99Ms: round(percentile(headlineGaps, 99), 1),
    upstreamStreamP50Ms: round(upstreamP50, 0),
    totalStreamedP50Ms: round(percentile(streamedTotals, 50), 0),
    totalJsonP50Ms: round(percentile(jsonTotals, 50), 0),
    totalOverUpstreamStreamedP50: round(percentile(streamedRatios, 50), 4),
    totalOverUpstreamJsonP50: round(percentile(jsonRatios, 50), 4),
    cpuMsPerRequest: {
      streamed: round(streamed.cpuMs / streamed.result.samples.length, 2),
      json: round(json.cpuMs / json.result.samples.length, 2),
    },
    memory: {
      openStreams,
      tokensPerSecond: openStreamsTokensPerSecond,
      upstreamOpenPeak: peakOpen,
      answered: open.completed,
      idleMb: round(idleBytes / MB, 1),
      openMb: round(openBytes / MB, 1),
    },
  };
  log(`streaming: ${JSON.stringify(figure)}`);
  return figure;
}

// 5. Cold start: process start to /readyz 200, compiled build. Brief and baseline A take turns,
// so that both see the same machine.
async function coldStartOnce(name: ServerName): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child =
    name === 'brief'
      ? spawnTracked('node', [path.join(DIST, 'server/index.mjs')], {
          env: briefEnvironment(port),
          stdoutFile: '/dev/null',
        })
      : spawnTracked('node', [path.join(DIST, `bench/baselines/${name}.js`), String(port), fakeUrl], {
          env: { ANTHROPIC_API_KEY: 'bench' },
          stdoutFile: '/dev/null',
        });
  const readyAfter = await waitUntilReady(`http://127.0.0.1:${port}/readyz`, started, 30_000, 1);
  await child.stop();
  return readyAfter;
}

async function measureColdStarts() {
  const runs: Record<'brief' | 'minimal-hono', number[]> = { brief: [], 'minimal-hono': [] };
  for (let run = 0; run < settings.coldStarts; run += 1) {
    runs.brief.push(await coldStartOnce('brief'));
    runs['minimal-hono'].push(await coldStartOnce('minimal-hono'));
  }
  const summary = (times: number[]) => ({
    runsMs: times.map((ms) => round(ms, 1)),
    medianMs: round(median(times), 1),
  });
  const coldStart = { brief: summary(runs.brief), 'minimal-hono': summary(runs['minimal-hono']) };
  log(`cold start: ${JSON.stringify(coldStart)}`);
  return coldStart;
}

const loadBefore = os.loadavg();
const startedAt = new Date();
/** When and how a section was measured on its own (`--only`), for its results. */
function rerunInfo() {
  return {
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    startedAt: startedAt.toISOString(),
    loadAverageBefore: loadBefore.map((load) => round(load, 2)),
    loadAverageAfter: os.loadavg().map((load) => round(load, 2)),
  };
}

/**
 * `--only <section>`: measures one section, merges its figures into the last full run's results
 * (results.json, then RESULTS.md rendered again) and exits.
 */
async function rerunSection(measure: (results: BenchResults) => Promise<unknown>): Promise<never> {
  try {
    const resultsFile = path.join(flags.out, 'results.json');
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
    const figures = await measure(results);
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(flags.out, 'RESULTS.md'), renderResults(results));
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

if (flags.only === 'streaming') {
  await rerunSection(async (results) => {
    const streaming = await measureStreaming();
    results.streaming = {
      ...streaming,
      ...rerunInfo(),
      durationS: round((Date.now() - startedAt.getTime()) / 1000, 0),
    };
    return results.streaming;
  });
}
if (flags.only === 'memory') {
  await rerunSection(async (results) => {
    results.memory = {
      brief: await measureMemoryRuns('brief'),
      'minimal-hono': await measureMemoryRuns('minimal-hono'),
    };
    results.memoryRerun = rerunInfo();
    return results.memory;
  });
}
try {
  const tokens = estimateTokens(PROJECT_ROOT, prompt, articles);
  log(`tokens: ${JSON.stringify(tokens)}`);

  const overhead = {
    brief: await measureOverhead('brief'),
    'minimal-hono': await measureOverhead('minimal-hono'),
  };

  const order: ServerName[] = ['brief', 'minimal-hono', 'vercel-ai-sdk'];
  const cpuRuns: Record<ServerName, Awaited<ReturnType<typeof measureCpu>>[]> = {
    brief: [],
    'minimal-hono': [],
    'vercel-ai-sdk': [],
  };
  for (let round = 0; round < settings.cpuRounds; round += 1) {
    for (const name of round % 2 === 0 ? order : [...order].reverse())
      cpuRuns[name].push(await measureCpu(name));
  }
  const cpu = Object.fromEntries(
    order.map((name) => {
      const runs = cpuRuns[name];
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      const cpuMs = runs.reduce((sum, run) => sum + run.cpuMs, 0);
      return [
        name,
        {
          requests,
          errors: runs.reduce((sum, run) => sum + run.errors, 0),
          cpuMsPerRequest: round(cpuMs / requests, 3),
          upstreamCallsPerRequest: round(runs.reduce((sum, run) => sum + run.upstreamCalls, 0) / requests, 2),
          requestsPerSecond: round(mean(runs.map((run) => run.requestsPerSecond)), 1),
          answersWithSummaries: runs.every((run) => run.answersWithSummaries),
          rounds: runs.map((run) => ({
            cpuMsPerRequest: round(run.cpuMsPerRequest, 3),
            requestsPerSecond: round(run.requestsPerSecond, 1),
          })),
        },
      ];
    }),
  ) as BenchResults['cpu'];

  const memory = {
    brief: await measureMemoryRuns('brief'),
    'minimal-hono': await measureMemoryRuns('minimal-hono'),
  };
  const singleFlight = await measureSingleFlight();
  const coldStart = await measureColdStarts();

  const cpus = os.cpus();
  const results: BenchResults = {
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
      ' ',
    ),
    startedAt: startedAt.toISOString(),
    durationS: round((Date.now() - startedAt.getTime()) / 1000, 0),
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      loadAverageBefore: loadBefore.map((load) => round(load, 2)),
      loadAverageAfter: os.loadavg().map((load) => round(load, 2)),
    },
    settings: {
      corpus: flags.corpus ?? 'samples/',
      articles: articles.length,
      articlesLeftOut: corpus.length - articles.length,
      promptVersion: prompt.version,
      ...settings,
    },
    overhead,
    cpu,
    memory,
    singleFlight,
    coldStart,
    tokens,
  };
  const outDirectory = flags.out;
  mkdirSync(outDirectory, { recursive: true });
  writeFileSync(path.join(outDirectory, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(outDirectory, 'RESULTS.md'), renderResults(results));
  process.stdout.write(readFileSync(path.join(outDirectory, 'RESULTS.md'), 'utf8'));
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}
