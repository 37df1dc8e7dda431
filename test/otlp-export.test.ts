import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BriefProcess, spawnBrief } from './support/spawn-brief.js';

/** A stand-in OTLP/HTTP collector on 127.0.0.1: keeps what is posted to /v1/traces. */
async function startCollector() {
  const received: Array<{ path: string; contentType: string | undefined; body: string }> = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    received.push({
      path: request.url ?? '',
      contentType: request.headers['content-type'],
      body: Buffer.concat(chunks).toString('utf8'),
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let collector: Awaited<ReturnType<typeof startCollector>>;
let brief: BriefProcess | undefined;

beforeAll(async () => {
  collector = await startCollector();
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
