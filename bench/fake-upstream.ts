/**
 * The fake Messages API for the benchmark, in its own process so its CPU is never counted against
 * the server under test:
 *
 *   npx tsx bench/fake-upstream.ts --port 0 --latency-ms 1000
 *
 * It answers `POST /v1/messages` with the test fake's own wire-format message (`createMessageBody`:
 * a summary derived from the article), after a fixed latency. Unlike the test fake it times every
 * answer with a monotonic clock, from the request's arrival to the last byte written, and keys the
 * time by the `Bench-ID` marker the load generator puts in the title: overhead per request is then
 * the client's latency minus exactly what this upstream took. Answers are memoized per article, so the
 * fake's own CPU stays small on a small machine.
 *
 * A request with `stream: true` gets the same message as an event stream, paced by
 * `--first-token-delay-ms` and `--tokens-per-second` (the test fake's `writeEventStream`); its served
 * time ends with the stream's last byte.
 *
 * Control: `GET /bench/stats` (calls, first attempts, calls in flight, served times), `POST /bench/reset`, `POST /bench/latency?ms=N`.
 * Prints its URL on stdout; stops on SIGINT or SIGTERM.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { findArticle, type MessagesRequestBody } from '../test/support/fake-messages-api/find-article.js';
import { createMessageBody } from '../test/support/fake-messages-api/message-body.js';
import { writeEventStream } from '../test/support/fake-messages-api/write-event-stream.js';
import { BENCH_ID_PATTERN } from './bench-id.js';

const HOST = '127.0.0.1';
/** Enough for every distinct article and limit set a run sends. */
const MAX_MEMOIZED_ANSWERS = 10_000;

const values = new Command('tsx bench/fake-upstream.ts')
  .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '0')
  .option('--latency-ms <n>', 'wait before every answer', '0')
  .option('--first-token-delay-ms <n>', 'streamed answers: wait before the first event', '0')
  .option('--tokens-per-second <n>', 'streamed answers: output pace (0: as fast as possible)', '0')
  .allowExcessArguments(false)
  .parse()
  .opts<{ port: string; latencyMs: string; firstTokenDelayMs: string; tokensPerSecond: string }>();
let latencyMs = Number(values.latencyMs);
const streamPacing = {
  firstTokenDelayMs: Number(values.firstTokenDelayMs),
  tokensPerSecond: Number(values.tokensPerSecond),
};

interface ServedCall {
  benchId: string | undefined;
  servedMs: number;
}

let calls = 0;
/** Calls with a single user message: a summary's first attempt, not a repair re-ask. */
let firstAttempts = 0;
let inFlight = 0;
let served: ServedCall[] = [];
let messageCount = 0;
const answers = new Map<string, string>();

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'request-id': `req_bench_${calls}`,
  });
  response.end(body);
}

/** The answer text for a request: the test fake's message, with a fresh id spliced in. */
function answerFor(body: MessagesRequestBody): string {
  const article = findArticle(body);
  const key = `${typeof body.model === 'string' ? body.model : ''}\u0000${JSON.stringify(body.output_config ?? null)}\u0000${article}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    const message = createMessageBody(body, 'ok', {
      id: 'msg_bench_',
      thinking: false,
      serviceTier: 'standard',
    });
    // The real API leaves `citations` out of a text block without any (the AI SDK rejects a null).
    const content = message.content.map((block) => {
      if (block.type !== 'text' || block.citations !== null) {
        return block;
      }
      const { citations: _citations, ...rest } = block;
      return rest;
    });
    answer = JSON.stringify({ ...message, content });
    if (answers.size < MAX_MEMOIZED_ANSWERS) {
      answers.set(key, answer);
    }
  }
  messageCount += 1;
  return answer.replace('"msg_bench_"', `"msg_bench_${messageCount}"`);
}

async function handleMessages(request: IncomingMessage, response: ServerResponse, started: number) {
  const text = await readBody(request);
  calls += 1;
  inFlight += 1;
  response.once('close', () => {
    inFlight -= 1;
  });
  const body = JSON.parse(text) as MessagesRequestBody;
  if (Array.isArray(body.messages) && body.messages.length === 1) firstAttempts += 1;
  const benchId = BENCH_ID_PATTERN.exec(text)?.[1];
  const answer = answerFor(body);
  if (latencyMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
  }
  if (response.destroyed) {
    return;
  }
  response.once('finish', () => served.push({ benchId, servedMs: performance.now() - started }));
  if ((body as { stream?: unknown }).stream === true) {
    const closed = new AbortController();
    response.once('close', () => closed.abort());
    await writeEventStream(response, JSON.parse(answer), {
      pacing: streamPacing,
      ending: { kind: 'complete' },
      headers: { 'request-id': `req_bench_${calls}` },
      signal: closed.signal,
      onEvent: () => undefined,
      onReset: () => undefined,
    });
    return;
  }
  sendJson(response, 200, answer);
}

const server = createServer((request, response) => {
  const started = performance.now();
  const url = new URL(request.url ?? '/', 'http://fake');
  if (request.method === 'POST' && url.pathname === '/v1/messages') {
    handleMessages(request, response, started).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 500, JSON.stringify({ type: 'error', error: { type: 'api_error', message } }));
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/bench/stats') {
    sendJson(response, 200, JSON.stringify({ calls, firstAttempts, inFlight, latencyMs, served }));
    return;
  }
  if (request.method === 'POST' && url.pathname === '/bench/reset') {
    calls = 0;
    firstAttempts = 0;
    served = [];
    sendJson(response, 200, '{}');
    return;
  }
  if (request.method === 'POST' && url.pathname === '/bench/latency') {
    latencyMs = Number(url.searchParams.get('ms') ?? '0');
    sendJson(response, 200, JSON.stringify({ latencyMs }));
    return;
  }
  sendJson(
    response,
    404,
    JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: url.pathname } }),
  );
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.maxRequestsPerSocket = 0;

server.listen(Number(values.port), HOST, () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`http://${HOST}:${port}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
