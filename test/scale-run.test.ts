import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COMPOSE_REPLICAS } from '../scripts/lib/scale-run/compose-cluster.js';
import type { Outcome } from '../scripts/lib/scale-run/drive-load.js';
import { haproxyConfig } from '../scripts/lib/scale-run/haproxy-config.js';
import { readStoppedReplicaLog, scaleReport } from '../scripts/lib/scale-run/scale-report.js';
import { PROJECT_ROOT } from '../src/config/env.js';

const BUDGET_VARIABLES = ['BRIEF_UPSTREAM_RPM', 'BRIEF_UPSTREAM_INPUT_TPM', 'BRIEF_UPSTREAM_OUTPUT_TPM'];
const SCALE_DIRECTORY = path.join(PROJECT_ROOT, 'deploy', 'scale');

interface ComposeFile {
  services: Record<string, { depends_on?: Record<string, unknown>; environment?: Record<string, string> }>;
}

describe('the compose scale run', () => {
  it('gives its balancer the configuration the process-based run writes, naming every replica service', () => {
    const compose = load(readFileSync(path.join(SCALE_DIRECTORY, 'compose.yml'), 'utf8')) as ComposeFile;
    const replicas = Object.keys(compose.services).filter((name) => name.startsWith('brief-'));

    expect(replicas).toHaveLength(COMPOSE_REPLICAS);
    expect(Object.keys(compose.services.balancer?.depends_on ?? {})).toEqual(replicas);
    expect(readFileSync(path.join(SCALE_DIRECTORY, 'balancer', 'haproxy.cfg'), 'utf8')).toBe(
      haproxyConfig({ bind: '*:8080', replicas: replicas.map((service) => `${service}:8787`) }),
    );
  });

  it('passes the shared budget and the shared Redis to every replica', () => {
    const compose = load(readFileSync(path.join(SCALE_DIRECTORY, 'compose.yml'), 'utf8')) as ComposeFile;

    const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith('brief-'));

    expect(replicas).toHaveLength(COMPOSE_REPLICAS);
    for (const [, replica] of replicas) {
      expect(replica.environment).toMatchObject({
        // Left empty by the shell: no budget.
        ...Object.fromEntries(BUDGET_VARIABLES.map((variable) => [variable, `\${${variable}:-}`])),
        REDIS_URL: 'redis://redis:6379',
      });
    }
  });
});

describe('the scale run report', () => {
  const ok = (sentAt: number, cached = false): Outcome => ({ sentAt, status: 200, cached, latencyMs: 300 });

  it('counts the 429s, the calls admitted per minute against the budget and the requests left without an answer', () => {
    const minute = 60_000;
    const report = scaleReport({
      outcomes: [
        ok(0),
        ok(1_000, true),
        { sentAt: 2_000, status: 503, type: '/problems/upstream-budget-exhausted', latencyMs: 5 },
        { sentAt: 3_000, status: 'no answer', type: 'TimeoutError', latencyMs: 90_000 },
      ],
      elapsedSeconds: 95,
      cacheHits: [1, 0, 0],
      upstreamCalls: [
        { receivedAt: 0, status: 200 },
        { receivedAt: 10_000, status: 429 },
        { receivedAt: 20_000, status: 200 },
        { receivedAt: minute + 30_000, status: 200 },
        { receivedAt: minute + 40_000, status: 200 },
        { receivedAt: 2 * minute, status: 200 },
      ],
      overHardLimit: 1,
      limitRpm: 60,
      budgetRpm: 57,
    });

    expect(report).toEqual([
      'sent 4 requests in 95 s; answers: 200 ×2, 503 /problems/upstream-budget-exhausted ×1, no answer TimeoutError ×1',
      'served from the cache: 1 (per replica, from /metrics: replica 1 1, replica 2 0, replica 3 0)',
      'latency of 200 answers (ms): p50 300, p90 300, max 300',
      'upstream: 6 calls, 1 refused with 429 by the hard limit; admitted 5: 3 per minute on average, 3 in the busiest minute, ' +
        '3 per minute after the first minute (limit 60, budget 57)',
      'requests without an answer: 1',
    ]);
  });

  it('tells what a stopped replica did with the summaries it held at SIGTERM from those it refused while draining', () => {
    const request = (status: number, route = '/v1/summaries', code?: string) => ({
      msg: 'request',
      method: 'POST',
      route,
      status,
      ...(code ? { error: { code } } : {}),
    });
    const log = readStoppedReplicaLog([
      { msg: 'listening' },
      request(200),
      { msg: 'draining: readiness is 503, new requests are refused with 503', in_flight: 3 },
      request(200),
      request(503, '/v1/summaries', 'shutting-down'),
      request(503, '/readyz', 'shutting-down'),
      request(503, '/v1/summaries', 'upstream-budget-exhausted'),
      request(200),
      { msg: 'drained: exiting' },
    ]);

    expect(log).toEqual({
      inFlight: 3,
      finishedAfterSigterm: ['200', '503 upstream-budget-exhausted', '200'],
      refusedWhileDraining: 1,
      drainLine: 'drained: exiting',
    });
    expect(
      scaleReport({
        outcomes: [ok(0), ok(50_000)],
        elapsedSeconds: 90,
        cacheHits: [4, undefined, 5],
        upstreamCalls: [],
        overHardLimit: 0,
        limitRpm: 60,
        budgetRpm: undefined,
        stopped: { replica: 2, stoppedAt: 45_000, exitCode: 0, cacheHitsAtStop: 3, ...log },
      }),
    ).toEqual(
      expect.arrayContaining([
        'served from the cache: 0 (per replica, from /metrics: replica 1 4, replica 2 3 until its stop, replica 3 5)',
        'replica 2: SIGTERM at 45 s with 3 requests in flight; its log: the summaries it held answered 200 ×2, ' +
          '503 upstream-budget-exhausted ×1, 1 handed to it while draining refused with 503 shutting-down, ' +
          'then "drained: exiting", exit 0; 1 of 1 requests sent after the stop answered',
      ]),
    );
  });
});
