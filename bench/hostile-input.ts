/**
 * Hostile input, measured from outside: the real server as a child process (replay mode), one crafted
 * request at a time, and a probe that asks `/healthz` in a loop while that request runs. The slowest
 * probe answer is how long the request held the event loop; a server that stays responsive answers
 * the probe within milliseconds whatever the request costs.
 *
 *   npm run bench:hostile            # prints a table and writes bench/HOSTILE.md
 *
 * Everything runs on 127.0.0.1; every case is bounded by a client time-out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/env.js';
import { spawnBrief } from '../test/support/spawn-brief.js';

const KEY = 'hostile-input-bench-key-0123456789abcdef';
const CLIENT_TIMEOUT_MS = 120_000;
const PROBE_PAUSE_MS = 5;
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

interface HostileCase {
  endpoint: string;
  name: string;
  contentType: string;
  body: () => string;
}

function checkBody(summaries: unknown, text = SEED): string {
  return JSON.stringify({ text, summaries });
}

const summaryOf = (fields: Partial<{ headline: string; summary: string; key_points: unknown[] }>) => ({
  headline: 'Schlagzeile',
  summary: 'Eine Zusammenfassung.',
  key_points: ['Ein Punkt.'],
  ...fields,
});

const CASES: HostileCase[] = [
  {
    endpoint: 'POST /v1/checks',
    name: '20,000 opening quotation marks in a summary (60 KB)',
    contentType: 'application/json',
    body: () => checkBody({ de: summaryOf({ summary: '„'.repeat(20_000) }) }),
  },
  {
    endpoint: 'POST /v1/checks',
    name: '40,000 commas in an evidence string',
    contentType: 'application/json',
    body: () =>
      checkBody({
        de: summaryOf({ key_points: [{ text: 'Ein Punkt.', evidence: `a${','.repeat(40_000)}b` }] }),
      }),
  },
  {
    endpoint: 'POST /v1/checks',
    name: '1,000 output quotations against 300 source quotations',
    contentType: 'application/json',
    body: () =>
      checkBody(
        {
          de: summaryOf({
            summary: Array.from({ length: 1_000 }, (_, index) => `„Satz ${index}“`).join(' '),
          }),
        },
        `${SEED}\n${Array.from({ length: 300 }, (_, index) => `Er sagte: „Zitat Nummer ${index}“.`).join(' ')}`,
      ),
  },
  {
    endpoint: 'POST /v1/checks',
    name: '150,000 empty key points (600 KB)',
    contentType: 'application/json',
    body: () => checkBody({ de: summaryOf({ key_points: Array.from({ length: 150_000 }, () => '') }) }),
  },
  {
    endpoint: 'POST /v1/summaries',
    name: 'text/html: 60,000 nested <div> (300 KB)',
    contentType: 'text/html',
    body: () => `${'<div>'.repeat(60_000)}<p>${SEED}</p>`,
  },
  {
    endpoint: 'POST /v1/summaries',
    name: 'text/html: 40,000 nested <ol><li> (360 KB)',
    contentType: 'text/html',
    body: () => `${'<ol><li>'.repeat(40_000)}<p>${SEED}</p>`,
  },
  {
    endpoint: 'POST /v1/summaries',
    name: 'JSON: the article with 20,000 invisible characters spliced in',
    contentType: 'application/json',
    body: () =>
      JSON.stringify({
        text: SEED.replace(/ /g, () => ' \u200b\u2066\u{E0041}'.repeat(40)).slice(0, 55_000),
      }),
  },
  {
    endpoint: 'POST /v1/summaries',
    name: 'text/plain: 55,000 characters of one long word',
    contentType: 'text/plain',
    body: () => 'ä'.repeat(55_000),
  },
  {
    endpoint: 'POST /v1/batches',
    name: '1,000 articles (the seed article each time)',
    contentType: 'application/json',
    body: () =>
      JSON.stringify({
        articles: Array.from({ length: 1_000 }, (_, index) => ({ article_id: `a${index}`, text: SEED })),
      }),
  },
];

interface Measurement {
  hostileCase: HostileCase;
  status: number | string;
  problemType: string;
  requestMs: number;
  worstProbeMs: number;
  probes: number;
  probeFailures: number;
}

async function measure(url: string, hostileCase: HostileCase): Promise<Measurement> {
  const body = hostileCase.body();
  const [method, route] = hostileCase.endpoint.split(' ') as [string, string];
  let done = false;
  let worstProbeMs = 0;
  let probes = 0;
  let probeFailures = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      try {
        await fetch(`${url}/healthz`).then((response) => response.arrayBuffer());
      } catch {
        probeFailures += 1;
      }
      worstProbeMs = Math.max(worstProbeMs, performance.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
    }
  })();
  // Let the probe's connection open first, so the slowest probe measures the server, not a handshake.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  let status: number | string;
  let problemType = '';
  try {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': hostileCase.contentType },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    status = response.status;
    const text = await response.text();
    try {
      problemType = String((JSON.parse(text) as { type?: unknown }).type ?? '');
    } catch {
      problemType = '';
    }
  } catch (error) {
    status = error instanceof Error ? error.name : 'failed';
  }
  const requestMs = performance.now() - started;
  done = true;
  await probe;
  return { hostileCase, status, problemType, requestMs, worstProbeMs, probes, probeFailures };
}

async function main(): Promise<void> {
  const brief = await spawnBrief({ BRIEF_API_KEYS: KEY, BRIEF_RATE_LIMIT_PER_MINUTE: '0' });
  const measurements: Measurement[] = [];
  try {
    for (const hostileCase of CASES) {
      const measurement = await measure(brief.url, hostileCase);
      measurements.push(measurement);
      console.log(
        `${hostileCase.endpoint} | ${hostileCase.name} | ${measurement.status} ${measurement.problemType} | request ${measurement.requestMs.toFixed(0)} ms | worst /healthz ${measurement.worstProbeMs.toFixed(1)} ms, failed probes ${measurement.probeFailures}`,
      );
    }
  } finally {
    for (const line of brief.logs().filter((entry) => Number(entry.level) >= 40)) {
      console.error(JSON.stringify(line).slice(0, 400));
    }
    brief.kill();
  }
  const lines = [
    '# Hostile input: how long one request holds the event loop',
    '',
    'Written by `npm run bench:hostile` (bench/hostile-input.ts); do not edit by hand. The server runs as a',
    'child process in replay mode; while each crafted request runs, a probe asks `/healthz` in a loop. The',
    'slowest probe answer is the time the request held the event loop (target: at most 100 ms).',
    '',
    `- Run: ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
    '',
    '| Endpoint | Crafted request | Answer | Request time | Slowest /healthz | Within 100 ms |',
    '| --- | --- | --- | ---: | ---: | :-: |',
    ...measurements.map(
      (measurement) =>
        `| ${measurement.hostileCase.endpoint} | ${measurement.hostileCase.name} | ${measurement.status} ${measurement.problemType} | ${measurement.requestMs.toFixed(0)} ms | ${measurement.worstProbeMs.toFixed(1)} ms | ${measurement.worstProbeMs <= 100 ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'HOSTILE.md'), lines.join('\n'));
}

await main();
