import type { Outcome } from './drive-load.js';

const MINUTE_MS = 60_000;
const SHUTTING_DOWN = 'shutting-down';

/** The replica stopped half-way, as its log and exit told it. */
export interface StoppedReplica {
  /** 1-based, as the replicas are named (`brief-2`). */
  replica: number;
  /** Milliseconds after the load began. */
  stoppedAt: number;
  exitCode: number | null;
  /** Its cache hits (/metrics) just before SIGTERM; undefined when they could not be read. */
  cacheHitsAtStop: number | undefined;
  /** Requests it held when SIGTERM came (its `draining` log line). */
  inFlight: number;
  /** How it answered the summaries it held at SIGTERM: `200`, `503 upstream-budget-exhausted`, ... */
  finishedAfterSigterm: readonly string[];
  /** Summary requests it was handed while draining and refused with 503 `shutting-down`. */
  refusedWhileDraining: number;
  /** Its log's last word: `drained: exiting`, or that the grace period ran out. */
  drainLine: string | undefined;
}

export interface ScaleReportInput {
  outcomes: readonly Outcome[];
  elapsedSeconds: number;
  /** Cache hits per replica from its /metrics at the end; undefined when it no longer answers (stopped). */
  cacheHits: ReadonlyArray<number | undefined>;
  /** The fake upstream's calls: when each arrived and what it was answered. */
  upstreamCalls: ReadonlyArray<{ receivedAt: number; status: number | null }>;
  /** Calls the fake refused with 429 because they were over its hard limits. */
  overHardLimit: number;
  /** The fake's hard limit, requests per minute. */
  limitRpm: number;
  /** Brief's shared budget, requests per minute; undefined without one. */
  budgetRpm: number | undefined;
  stopped?: StoppedReplica | undefined;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}

/** The most calls that arrived within any window of one minute; `times` in order. */
export function busiestMinute(times: readonly number[]): number {
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

/**
 * Calls per minute after the first minute of calls, when a budget's bucket (full at the start) has
 * spent its burst and admits at its refill rate; undefined when the calls span too little for that.
 */
function perMinuteAfterFirst(times: readonly number[]): number | undefined {
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined || last - first < 1.25 * MINUTE_MS) {
    return undefined;
  }
  const later = times.filter((time) => time >= first + MINUTE_MS).length;
  return later / ((last - first - MINUTE_MS) / MINUTE_MS);
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([value, count]) => `${value} ×${count}`)
    .join(', ');
}

/** Requests that never got an answer: the figure the scale run must keep at zero. */
export function unanswered(outcomes: readonly Outcome[]): number {
  return outcomes.filter((outcome) => outcome.status === 'no answer').length;
}

/** The scale run's report, the same for replicas as processes and as containers. */
export function scaleReport(input: ScaleReportInput): string[] {
  const { outcomes, stopped } = input;
  const admitted = input.upstreamCalls.filter((call) => call.status !== 429).map((call) => call.receivedAt);
  const firstCall = admitted[0] ?? 0;
  const spanMinutes = Math.max(1 / 60, ((admitted.at(-1) ?? firstCall) - firstCall) / MINUTE_MS);
  const laterRate = perMinuteAfterFirst(admitted);
  const latencies = outcomes
    .filter((outcome) => outcome.status === 200)
    .map((outcome) => outcome.latencyMs)
    .sort((left, right) => left - right);
  const afterStop = stopped ? outcomes.filter((outcome) => outcome.sentAt >= stopped.stoppedAt) : [];
  const hits = input.cacheHits.map((hit, index) => {
    if (hit !== undefined) {
      return `replica ${index + 1} ${hit}`;
    }
    return stopped?.replica === index + 1
      ? `replica ${index + 1} ${stopped.cacheHitsAtStop ?? '?'} until its stop`
      : `replica ${index + 1} no answer`;
  });
  return [
    `sent ${outcomes.length} requests in ${input.elapsedSeconds.toFixed(0)} s; answers: ${countBy(outcomes.map((outcome) => `${outcome.status}${outcome.type ? ` ${outcome.type}` : ''}`))}`,
    `served from the cache: ${outcomes.filter((outcome) => outcome.cached).length} (per replica, from /metrics: ${hits.join(', ')})`,
    `latency of 200 answers (ms): p50 ${percentile(latencies, 0.5).toFixed(0)}, p90 ${percentile(latencies, 0.9).toFixed(0)}, max ${(latencies.at(-1) ?? Number.NaN).toFixed(0)}`,
    `upstream: ${input.upstreamCalls.length} calls, ${input.overHardLimit} refused with 429 by the hard limit; admitted ${admitted.length}: ` +
      `${(admitted.length / spanMinutes).toFixed(0)} per minute on average, ${busiestMinute(admitted)} in the busiest minute, ` +
      `${laterRate === undefined ? 'n/a' : laterRate.toFixed(0)} per minute after the first minute ` +
      `(limit ${input.limitRpm}, budget ${input.budgetRpm ?? 'none'})`,
    ...(stopped
      ? [
          `replica ${stopped.replica}: SIGTERM at ${(stopped.stoppedAt / 1000).toFixed(0)} s with ${stopped.inFlight} requests in flight; ` +
            `its log: the summaries it held answered ${countBy(stopped.finishedAfterSigterm) || 'none'}, ` +
            `${stopped.refusedWhileDraining} handed to it while draining refused with 503 ${SHUTTING_DOWN}, ` +
            `then "${stopped.drainLine ?? 'no drain line'}", exit ${stopped.exitCode}; ` +
            `${afterStop.length - unanswered(afterStop)} of ${afterStop.length} requests sent after the stop answered`,
        ]
      : []),
    `requests without an answer: ${unanswered(outcomes)}`,
  ];
}

/** What a stopped replica's JSON log says about its drain. */
export function readStoppedReplicaLog(
  logs: ReadonlyArray<Record<string, unknown>>,
): Pick<StoppedReplica, 'inFlight' | 'finishedAfterSigterm' | 'refusedWhileDraining' | 'drainLine'> {
  const draining = logs.findIndex((line) => String(line.msg).startsWith('draining'));
  const afterSigterm = (draining === -1 ? [] : logs.slice(draining + 1)).filter(
    (line) => line.msg === 'request' && line.route === '/v1/summaries',
  );
  const codeOf = (line: Record<string, unknown>) => (line.error as { code?: string } | undefined)?.code;
  const drain = logs.find((line) => /^(drained|grace period)/.test(String(line.msg)));
  return {
    inFlight: Number(logs[draining]?.in_flight ?? Number.NaN),
    finishedAfterSigterm: afterSigterm
      .filter((line) => codeOf(line) !== SHUTTING_DOWN)
      .map((line) => [line.status, codeOf(line)].filter(Boolean).join(' ')),
    refusedWhileDraining: afterSigterm.filter((line) => codeOf(line) === SHUTTING_DOWN).length,
    drainLine: drain ? String(drain.msg) : undefined,
  };
}
