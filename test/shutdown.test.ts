import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { type BriefProcess, spawnBrief } from './support/spawn-brief.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const IN_FLIGHT = 5;

function summarize(brief: BriefProcess, articleId: string): Promise<Response> {
  return fetch(`${brief.url}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: SEED, article_id: articleId }),
  });
}

/** The status of GET /readyz, or the error code when no connection could be made. */
async function readiness(brief: BriefProcess): Promise<number | string> {
  try {
    const response = await fetch(`${brief.url}/readyz`);
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return ((error as Error).cause as { code?: string } | undefined)?.code ?? 'failed';
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

/** Long enough that an exit at its end is told apart from one after the last answer, on a busy machine too. */
const DRAIN_GRACE_MS = 30_000;

describe('graceful shutdown of the real server process', () => {
  it('finishes every request in flight on SIGTERM, turns readiness 503, refuses new work and exits 0', async () => {
    const fake = await startFakeMessagesApi({ latencyMs: 1_000 });
    cleanups.push(() => fake.close());
    const brief = await spawnBrief(liveEnv(fake, { BRIEF_SHUTDOWN_GRACE_MS: String(DRAIN_GRACE_MS) }));
    cleanups.push(() => brief.kill());
    expect(await readiness(brief)).toBe(200);

    const requests = Array.from({ length: IN_FLIGHT }, (_, index) => summarize(brief, `article-${index}`));
    await fake.waitForCalls(IN_FLIGHT);
    const signalled = Date.now();
    brief.child.kill('SIGTERM');

    // While the five drain, readiness says so and new work is turned away.
    const readinessDuringDrain: Array<number | string> = [];
    let refused: Response | undefined;
    const drained = Promise.all(requests);
    let settled = false;
    void drained.finally(() => {
      settled = true;
    });
    while (!settled) {
      const status = await readiness(brief);
      readinessDuringDrain.push(status);
      if (status === 503 && !refused) {
        refused = await summarize(brief, 'too-late');
      }
      await sleep(25);
    }
    const responses = await drained;

    for (const [index, response] of responses.entries()) {
      expect(response.status).toBe(200);
      const body = (await response.json()) as { article_id: string; summaries: { en: { headline: string } } };
      expect(body.article_id).toBe(`article-${index}`);
      expect(body.summaries.en.headline.length).toBeGreaterThan(0);
    }
    // 200 until the signal lands (a few ms), then 503 for the rest of the drain; once the last answer is
    // out the server closes, and a probe in that moment finds no server.
    const firstNotReady = readinessDuringDrain.indexOf(503);
    expect(firstNotReady).toBeGreaterThanOrEqual(0);
    expect(readinessDuringDrain.slice(0, firstNotReady).every((status) => status === 200)).toBe(true);
    const afterSignal = readinessDuringDrain.slice(firstNotReady);
    const lastNotReady = afterSignal.lastIndexOf(503);
    expect(afterSignal.slice(0, lastNotReady).every((status) => status === 503)).toBe(true);
    expect(afterSignal.slice(lastNotReady + 1).every((status) => typeof status === 'string')).toBe(true);
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(refused?.headers.get('connection')).toBe('close');
    expect(((await refused?.json()) as { type: string } | undefined)?.type).toBe('/problems/shutting-down');

    const exit = await brief.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // Exited once the last answer was out, well before the grace period ran out.
    expect(Date.now() - signalled).toBeLessThan(DRAIN_GRACE_MS / 2);
    expect(fake.calls).toHaveLength(IN_FLIGHT);
    expect(fake.aborted).toHaveLength(0);
    const messages = brief.logs().map((line) => line.msg);
    expect(messages).toContain('drained: exiting');
    const summaryLines = brief
      .logs()
      .filter((line) => line.msg === 'request' && line.route === '/v1/summaries');
    expect(summaryLines.map((line) => line.status).sort()).toEqual([200, 200, 200, 200, 200, 503]);
  });

  it('ends a stuck request when the grace period is over and still exits 0', async () => {
    const fake = await startFakeMessagesApi({ script: ['hang'] });
    cleanups.push(() => fake.close());
    const brief = await spawnBrief(liveEnv(fake, { BRIEF_SHUTDOWN_GRACE_MS: '500' }));
    cleanups.push(() => brief.kill());

    const stuck = summarize(brief, 'stuck').then(
      (response) => response.status,
      () => 'connection closed',
    );
    await fake.waitForCalls(1);
    const signalled = Date.now();
    brief.child.kill('SIGTERM');

    const exit = await brief.exited;
    const elapsed = Date.now() - signalled;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(4_000);
    expect(await stuck).toBe('connection closed');
    expect(brief.logs().map((line) => line.msg)).toContain(
      'grace period over: exiting with requests still in flight',
    );
    // The hung upstream call went away with the process.
    await fake.waitForAbort(1, 2_000);
  });
});

describe('start-up of the real server process', () => {
  it('exits 1 with one fatal log line, and no stack trace, when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'index.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(code).toBe(1);
    const lines = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { code?: string } });
    const fatal = lines.filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toBe(
      `Brief could not listen on 127.0.0.1:${port}: the port is in use; set PORT to another one`,
    );
    expect(fatal[0]?.err?.code).toBe('EADDRINUSE');
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
  });
});
