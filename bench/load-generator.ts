/**
 * The benchmark's load, in a process of its own so the server under test never pays for it:
 *
 *   npx tsx bench/load-generator.ts JOB.json     # writes the result as JSON on stdout
 *
 * Closed loop: `concurrency` clients, each sending its next request when the previous one is answered,
 * over keep-alive connections. With `staggerMs` the clients start spread evenly over that time (the
 * steady state of independent newsroom clients; all at once, a fixed-latency upstream would keep them
 * in lock-step bursts forever). Each request is `POST {text, title: "Bench-ID n"}` with the next article
 * of the list, so consecutive requests differ; `identical` sends the same body every time.
 */
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { benchTitle } from './bench-id.js';

export interface LoadJob {
  url: string;
  /** JSON-encoded article texts (`JSON.stringify(text)`), used in turn. */
  articles: string[];
  concurrency: number;
  /** Stop starting requests after this long (closed loop). */
  durationMs?: number;
  /** Or: send exactly this many requests (each client sends until the count is reached). */
  totalRequests?: number;
  /** Requests started earlier than this are sent but not reported (JIT warm-up, ramp). */
  warmupMs?: number;
  staggerMs?: number;
  identical?: boolean;
  /** Ask for server-sent events; a sample then says when the first headline text arrived. */
  stream?: boolean;
  /** First Bench-ID, so ids stay unique across runs against one upstream. */
  firstId?: number;
}

export interface RequestSample {
  id: number;
  /** Since the run's start, ms. */
  startedAt: number;
  latencyMs: number;
  /** Streamed: 200 only when the stream ended with a `result` (an `error` event counts as 502). */
  status: number;
  /** Streamed: from sending to the first `partial` whose headline has text. */
  firstHeadlineMs?: number;
}

/** A `partial` event whose English headline has at least one character (the first partial with one has only it). */
const HEADLINE_PARTIAL = /event: partial\ndata: \{"summaries":\{"en":\{"headline":"[^"]/;

interface Outcome {
  status: number;
  error?: string;
  firstHeadlineAt?: number;
}

export interface LoadResult {
  samples: RequestSample[];
  /** Requests answered in the reported window, and how long that window was. */
  completed: number;
  elapsedMs: number;
  errors: Record<string, number>;
}

function send(agent: Agent, url: URL, body: string, stream: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    let firstHeadlineAt: number | undefined;
    // Only the stream's head is searched for the headline, and only its tail for the ending.
    let head = '';
    let tail = '';
    const outgoing = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(stream ? { accept: 'text/event-stream' } : {}),
        },
      },
      (response) => {
        const streamed = stream && (response.headers['content-type'] ?? '').startsWith('text/event-stream');
        if (streamed) {
          response.setEncoding('utf8');
        }
        response.on('data', (chunk: string | Buffer) => {
          if (!streamed || typeof chunk !== 'string') return;
          if (firstHeadlineAt === undefined) {
            head += chunk;
            if (HEADLINE_PARTIAL.test(head)) {
              firstHeadlineAt = performance.now();
              head = '';
            }
          }
          tail = (tail + chunk).slice(-64_000);
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (!streamed) {
            resolve({ status });
            return;
          }
          const ended = /event: (result|error)\n/.exec(
            tail.slice(-64_000).split('\n\n').filter(Boolean).at(-1) ?? '',
          );
          resolve({ status: ended?.[1] === 'result' ? status : 502, firstHeadlineAt });
        });
        response.on('error', (error) => resolve({ status: 0, error: error.message }));
      },
    );
    outgoing.on('error', (error) => resolve({ status: 0, error: error.message }));
    outgoing.end(body);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency, maxFreeSockets: job.concurrency });
  const samples: RequestSample[] = [];
  const errors: Record<string, number> = {};
  const warmupMs = job.warmupMs ?? 0;
  const staggerMs = job.staggerMs ?? 0;
  let nextId = job.firstId ?? 1;
  let sent = 0;
  const start = performance.now();
  let windowEnd = start;

  const bodyFor = (id: number) => {
    const article = job.articles[(job.identical ? 0 : id) % job.articles.length];
    const title = job.identical ? benchTitle(0) : benchTitle(id);
    return `{"title":"${title}","text":${article}}`;
  };
  const keepGoing = () =>
    job.totalRequests !== undefined
      ? sent < job.totalRequests
      : performance.now() - start < (job.durationMs ?? 0);

  async function client(index: number) {
    if (staggerMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, (staggerMs * index) / job.concurrency));
    }
    while (keepGoing()) {
      sent += 1;
      const id = nextId;
      nextId += 1;
      const body = bodyFor(id);
      const startedAt = performance.now();
      const outcome = await send(agent, url, body, job.stream === true);
      const finishedAt = performance.now();
      if (outcome.status !== 200) {
        const key = outcome.error ?? `HTTP ${outcome.status}`;
        errors[key] = (errors[key] ?? 0) + 1;
      }
      if (startedAt - start >= warmupMs) {
        samples.push({
          id,
          startedAt: startedAt - start,
          latencyMs: finishedAt - startedAt,
          status: outcome.status,
          ...(outcome.firstHeadlineAt === undefined
            ? {}
            : { firstHeadlineMs: outcome.firstHeadlineAt - startedAt }),
        });
        windowEnd = Math.max(windowEnd, finishedAt);
      }
    }
  }

  await Promise.all(Array.from({ length: job.concurrency }, (_, index) => client(index)));
  agent.destroy();
  return {
    samples,
    completed: samples.filter((sample) => sample.status === 200).length,
    elapsedMs: windowEnd - (start + warmupMs),
    errors,
  };
}

// Run as a child process: the job file in, the result as JSON out.
const jobFile = process.argv[2];
if (jobFile !== undefined) {
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as LoadJob;
  const result = await runLoad(job);
  process.stdout.write(JSON.stringify(result));
}
