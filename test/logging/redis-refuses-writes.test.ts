import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { createTestBrief, postJson } from '../support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from '../support/fake-messages-api/index.js';
import { liveEnv } from '../support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A Redis of this test's own that refuses every write, as a full one with `noeviction` does (OOM). */
async function startFullRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--maxmemory', '1', '--maxmemory-policy', 'noeviction'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    redis.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    redis.once('error', reject);
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return redis;
}

let fake: FakeMessagesApi;
let redis: ChildProcess;
let redisUrl: string;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
  const port = await freePort();
  redis = await startFullRedis(port);
  redisUrl = `redis://127.0.0.1:${port}`;
});
afterAll(async () => {
  redis.kill();
  await fake.close();
});

type Summary = { headline: string; summary: string; key_points: string[] };
type Body = { summaries: { en: Summary; de: Summary }; meta: { cached: boolean } };

describe('a Redis that refuses writes', () => {
  it('costs the cache, not the request, and its error reaches the log without the summaries', async () => {
    const brief = createTestBrief({
      env: liveEnv(fake, { BRIEF_CACHE_ENABLED: 'true', REDIS_URL: redisUrl }),
    });
    try {
      expect(await brief.ready()).toBe(true);
      const response = await postJson(brief.app, { text: SEED });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Body;
      expect(body.meta.cached).toBe(false);

      const log = brief.logLines.join('');
      const content = [
        ...(['en', 'de'] as const).flatMap((language) => {
          const { headline, summary, key_points } = body.summaries[language];
          return [headline, summary, ...key_points];
        }),
        SEED.slice(0, 80),
      ];
      for (const text of content) {
        expect(log).not.toContain(text.slice(0, 30));
      }
      expect(log).not.toContain('brief:summary');
      const warning = brief.logs().find((line) => line.msg === 'cache unavailable; serving uncached');
      expect(warning).toMatchObject({
        level: 40,
        operation: 'set',
        cache: 'redis',
        err: { name: 'ReplyError', command: 'set', message: expect.stringMatching(/^OOM /) },
      });
    } finally {
      await brief.close();
    }
  });
});
