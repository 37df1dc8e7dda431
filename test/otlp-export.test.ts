import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BriefProcess, spawnBrief } from './support/spawn-brief.js';
import { startOtlpCollector } from './support/start-otlp-collector.js';

let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
let brief: BriefProcess | undefined;

beforeAll(async () => {
  collector = await startOtlpCollector();
});

afterAll(async () => {
  brief?.kill();
  await collector.close();
});

describe('OTLP export', () => {
  it('sends the server’s spans to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces, flushed on SIGTERM', async () => {
    brief = await spawnBrief({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'brief-test' });
    const response = await fetch(`${brief.url}/v1/prompts`);
    expect(response.status).toBe(200);
    brief.child.kill('SIGTERM');
    expect((await brief.exited).code).toBe(0);

    const traces = collector.received.filter((request) => request.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    const body = traces.map((request) => request.body).join('\n');
    expect(body).toContain('GET /v1/prompts');
    expect(body).toContain('brief-test');
    expect(brief.logs().some((line) => line.msg === 'exporting traces over OTLP/HTTP')).toBe(true);
  });
});
