import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, SERVER_BUNDLE_DIRECTORY } from '../scripts/bundle-server.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { type BriefProcess, spawnBrief } from './support/spawn-brief.js';
import { startOtlpCollector } from './support/start-otlp-collector.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const DUTCH =
  'Het parlement heeft donderdag een nieuwe wet aangenomen over de bescherming van het klimaat en de natuur in het hele land. De minister zei dat het een belangrijke stap is voor de toekomst van de volgende generaties.';

const BUNDLE = path.join(SERVER_BUNDLE_DIRECTORY, 'index.mjs');
let brief: BriefProcess;
let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
beforeAll(async () => {
  await bundleServer();
  collector = await startOtlpCollector();
  brief = await spawnBrief(
    { BRIEF_AUTH_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    { script: BUNDLE },
  );
}, 60_000);
afterAll(async () => {
  brief?.kill();
  await collector?.close();
});

const post = (text: string) =>
  fetch(`${brief.url}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });

describe('the server bundle the image runs (dist/server/index.mjs)', () => {
  it('summarizes a sample from its recording, with the checks run on the bundled worker', async () => {
    const response = await post(SEED);
    const body = (await response.json()) as {
      summaries: { de: { headline: string } };
      checks: { passed: boolean; findings: unknown[] };
      meta: { prompt: { version: string } };
    };
    expect(response.status).toBe(200);
    expect(body.summaries.de.headline).toMatch(/Putin/);
    expect(body.checks).toMatchObject({ passed: true });
    expect(body.meta.prompt.version).toBe('v1');
  });

  it('names a language that is not clearly German on the worker and refuses it', async () => {
    const response = await post(DUTCH);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      type: '/problems/unsupported-language',
      detected_language: 'nl',
    });
  });

  it('finds the project files it serves (the playground page and its script) from dist/server/', async () => {
    const page = await (await fetch(`${brief.url}/`)).text();
    const script = page.match(/src="(\/playground\.js\?v=[^"]+)"/)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${brief.url}${script}`)).status).toBe(200);
  });

  it('drains and exits 0 on SIGTERM, its spans exported through the tracing SDK left outside the bundle', async () => {
    brief.child.kill('SIGTERM');
    expect(await brief.exited).toEqual({ code: 0, signal: null });
    const traces = collector.received.filter((request) => request.path === '/v1/traces');
    expect(traces.map((request) => request.body).join('\n')).toContain('POST /v1/summaries');
  });
});
