import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { type BatchItemFault, type BatchOptions, createBatchStore, type FakeBatch } from './batches.js';
import { createFaultAction, type FaultAction } from './fault-reply.js';
import { createFaultPolicy, FAULT_KINDS, type FaultKind, type FaultPolicyOptions } from './faults.js';
import { findArticle, type MessagesRequestBody } from './find-article.js';
import { createHardLimits, type HardLimitDecision, type HardLimits } from './hard-limits.js';
import { createIdSequence } from './id-sequence.js';
import { countInputTokens } from './message-body.js';
import { errorReply, type Reply } from './reply.js';
import { type StreamEnding, type StreamPacing, writeEventStream } from './write-event-stream.js';

/** One `POST /v1/messages` the fake received. */
export interface RecordedCall {
  /** 1-based, in order of arrival. */
  index: number;
  requestId: string;
  receivedAt: number;
  /** The parsed JSON body. */
  body: MessagesRequestBody;
  /** The article found in the first user message. */
  article: string;
  fault: FaultKind;
  /** Status sent, or null while none was (a hang, an abort during the latency). */
  status: number | null;
  /** When the response finished or the connection closed. */
  finishedAt: number | null;
  /** The client closed the connection before the response was complete. */
  aborted: boolean;
  /** Events written to a streamed answer (`stream: true`) so far; 0 for other answers. */
  streamedEvents: number;
}

/** Milliseconds before each answer; a function decides per call (e.g. from the article length). */
export type Latency = number | ((call: RecordedCall) => number);

export interface FakeMessagesApiOptions extends FaultPolicyOptions, BatchOptions {
  /** Default 0: any free port. */
  port?: number;
  /**
   * Default 127.0.0.1. The scale run in Docker Compose listens on the Docker bridge's address of this
   * machine, so that containers reach the fake.
   */
  host?: string;
  latencyMs?: Latency;
  /** Put a thinking block before the text block. */
  thinking?: boolean;
  /** `retry-after` of `rate_limit` answers, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Streamed answers: milliseconds before the first token. Default 0. */
  firstTokenDelayMs?: number;
  /** Streamed answers: tokens per second after the first. Default 0: no wait. */
  tokensPerSecond?: number;
  /** Streamed `reset_mid_body` and `overloaded_mid_stream`: events sent before the fault. Default: half. */
  streamFaultAfterEvents?: number;
  /**
   * Hard per-model limits per minute, as the organisation's limits of the real API: a call over them
   * gets 429 `rate_limit_error` with `retry-after`; every answer carries `anthropic-ratelimit-*` headers.
   */
  hardLimits?: HardLimits;
}

export interface FakeMessagesApiStats {
  calls: number;
  aborted: number;
  inFlight: number;
  /** The most calls open at once since start or reset: what a concurrency limit is checked against. */
  maxInFlight: number;
  faults: Record<FaultKind, number>;
  /** Calls refused with 429 because they were over the hard limits. */
  overHardLimit: number;
}

export interface FakeMessagesApi {
  /** `http://HOST:PORT` (127.0.0.1 unless told otherwise), the SDK's `baseURL`. */
  readonly url: string;
  /** Every `POST /v1/messages`, in order of arrival (the same array across resets). */
  readonly calls: readonly RecordedCall[];
  /** Calls whose client closed the connection before the response was complete. */
  readonly aborted: readonly RecordedCall[];
  readonly stats: FakeMessagesApiStats;
  /** Batches in memory, by id. */
  readonly batches: ReadonlyMap<string, FakeBatch>;
  /** Item faults of batches by `custom_id`, read when a batch ends. */
  readonly batchItemFaults: Map<string, BatchItemFault>;
  /** The next calls get these faults in order; later calls follow the rate (or `ok`). */
  script(...faults: FaultKind[]): void;
  setLatency(latency: Latency): void;
  /** Changes the pace of streamed answers until the next reset. */
  setStreamPacing(pacing: Partial<StreamPacing>): void;
  /** Resolves once `count` calls have arrived (they may still be waiting or hanging). */
  waitForCalls(count: number, timeoutMs?: number): Promise<readonly RecordedCall[]>;
  /** Resolves with the `count`-th aborted call, once there is one. */
  waitForAbort(count?: number, timeoutMs?: number): Promise<RecordedCall>;
  /** Forgets calls, aborts and batches; script, latency, item faults and PRNG go back to the options. */
  reset(): void;
  /** Stops listening and destroys open connections, hung ones included. */
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_RETRY_AFTER_SECONDS = 1;
const DEFAULT_WAIT_TIMEOUT_MS = 5_000;
const BATCH_PATH = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/;

function emptyFaultCounts(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  response.end(reply.body);
}

/** Why a Messages request body cannot be answered, as the API would say it; undefined when it can. */
function invalidMessagesBody(body: unknown): string | undefined {
  if (!isRecord(body)) {
    return 'The request body must be a JSON object.';
  }
  if (typeof body.model !== 'string') {
    return 'model: Field required';
  }
  if (typeof body.max_tokens !== 'number') {
    return 'max_tokens: Field required';
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return 'messages: at least one message is required';
  }
  return undefined;
}

const STREAMED_MESSAGE_FAULTS: readonly FaultKind[] = [
  'ok',
  'max_tokens',
  'refusal',
  'invalid_output',
  'wrong_language',
];

/**
 * What a streamed request gets for its fault: the answer's message and how its stream ends, or
 * undefined when the fault answers as it does without streaming (an error status, a dropped or hung
 * connection, a body that is not JSON).
 */
function streamedAnswer(
  fault: FaultKind,
  action: FaultAction,
  okAction: () => FaultAction,
  streamFaultAfterEvents: number | undefined,
): { message: Message; ending: StreamEnding } | undefined {
  const messageOf = (answer: FaultAction) =>
    answer.kind === 'reply' || answer.kind === 'truncate'
      ? (JSON.parse(answer.reply.body) as Message)
      : undefined;
  if (STREAMED_MESSAGE_FAULTS.includes(fault)) {
    const message = messageOf(action);
    return message && { message, ending: { kind: 'complete' } };
  }
  if (fault === 'reset_mid_body') {
    const message = messageOf(action);
    return message && { message, ending: { kind: 'reset', afterEvents: streamFaultAfterEvents } };
  }
  if (fault === 'overloaded_mid_stream') {
    const message = messageOf(okAction());
    return (
      message && {
        message,
        ending: {
          kind: 'error',
          afterEvents: streamFaultAfterEvents,
          error: { type: 'overloaded_error', message: 'Overloaded (fake).' },
        },
      }
    );
  }
  return undefined;
}

/**
 * A fake Anthropic Messages API on 127.0.0.1 for the real SDK (`baseURL: fake.url`): it answers
 * `POST /v1/messages` with a summary derived from the article, serves scripted or random faults,
 * records every call and every client abort, and keeps Message Batches in memory.
 */
export async function startFakeMessagesApi(options: FakeMessagesApiOptions = {}): Promise<FakeMessagesApi> {
  const policy = createFaultPolicy(options);
  const ids = createIdSequence();
  const calls: RecordedCall[] = [];
  const aborted: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  let latency: Latency = options.latencyMs ?? 0;
  const initialPacing: StreamPacing = {
    firstTokenDelayMs: options.firstTokenDelayMs ?? 0,
    tokensPerSecond: options.tokensPerSecond ?? 0,
  };
  let pacing = initialPacing;
  let faultCounts = emptyFaultCounts();
  let inFlight = 0;
  let maxInFlight = 0;
  let overHardLimit = 0;
  const hardLimits = createHardLimits(options.hardLimits ?? {});
  let closing = false;
  let url = '';
  const batchStore = createBatchStore(options, ids, () => url);

  const notify = () => {
    for (const waiter of [...waiters]) {
      waiter();
    }
  };

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`The fake Messages API waited ${timeoutMs} ms for ${what} in vain.`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(attempt);
      };
      waiters.add(attempt);
      attempt();
    });

  const handleMessages = async (request: IncomingMessage, response: ServerResponse, requestId: string) => {
    const connectionClosed = new AbortController();
    let call: RecordedCall | undefined;
    let closedByServer = false;
    let hardLimit: Extract<HardLimitDecision, { admitted: true }> | undefined;
    let answeredOutputTokens: number | undefined;
    // Listening from the start, so a client that leaves while the body is read is noticed too.
    response.on('close', () => {
      connectionClosed.abort();
      hardLimit?.settle(call?.status === 200 ? answeredOutputTokens : undefined);
      if (call === undefined) {
        return;
      }
      inFlight -= 1;
      call.finishedAt = Date.now();
      if (!response.writableFinished && !closedByServer && !closing) {
        call.aborted = true;
        aborted.push(call);
      }
      notify();
    });

    const body = parseJson(await readBody(request));
    if (connectionClosed.signal.aborted) {
      return;
    }
    const invalid = invalidMessagesBody(body);
    if (invalid !== undefined || !isRecord(body)) {
      const message = invalid ?? 'The request body must be a JSON object.';
      send(response, errorReply(400, { type: 'invalid_request_error', message }, requestId));
      return;
    }
    const decision = hardLimits.enabled
      ? hardLimits.admit(
          String(body.model),
          countInputTokens(body),
          typeof body.max_tokens === 'number' ? body.max_tokens : 0,
        )
      : undefined;
    const recorded: RecordedCall = {
      index: calls.length + 1,
      requestId,
      receivedAt: Date.now(),
      body,
      article: findArticle(body),
      fault: decision?.admitted === false ? 'rate_limit' : policy.next(),
      status: null,
      finishedAt: null,
      aborted: false,
      streamedEvents: 0,
    };
    call = recorded;
    calls.push(recorded);
    faultCounts[recorded.fault] += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    notify();
    if (decision) {
      for (const [name, value] of Object.entries(decision.headers)) {
        response.setHeader(name, value);
      }
      if (!decision.admitted) {
        overHardLimit += 1;
        recorded.status = 429;
        send(
          response,
          errorReply(
            429,
            {
              type: 'rate_limit_error',
              message: 'This request would exceed the rate limit (fake hard limit).',
            },
            requestId,
            { 'retry-after': String(decision.retryAfterSeconds) },
          ),
        );
        return;
      }
      hardLimit = decision;
    }

    const delay = typeof latency === 'function' ? latency(recorded) : latency;
    if (delay > 0) {
      // Aborted when the client goes away, so a long latency never outlives its request.
      await sleep(delay, undefined, { signal: connectionClosed.signal }).catch(() => undefined);
    }
    if (connectionClosed.signal.aborted) {
      return;
    }

    const action = createFaultAction(recorded.fault, body, {
      messageId: ids.next('msg_fake_'),
      requestId,
      thinking: options.thinking ?? false,
      retryAfterSeconds,
    });
    if (body.stream === true) {
      const streamed = streamedAnswer(
        recorded.fault,
        action,
        () =>
          createFaultAction('ok', body, {
            messageId: ids.next('msg_fake_'),
            requestId,
            thinking: options.thinking ?? false,
            retryAfterSeconds,
          }),
        options.streamFaultAfterEvents,
      );
      if (streamed !== undefined) {
        recorded.status = 200;
        answeredOutputTokens = streamed.message.usage.output_tokens;
        await writeEventStream(response, streamed.message, {
          pacing,
          ending: streamed.ending,
          headers: { 'request-id': requestId },
          signal: connectionClosed.signal,
          onEvent: () => {
            recorded.streamedEvents += 1;
          },
          onReset: () => {
            closedByServer = true;
          },
        });
        return;
      }
    }
    switch (action.kind) {
      case 'reply':
        recorded.status = action.reply.status;
        if (action.reply.status === 200) {
          answeredOutputTokens = (parseJson(action.reply.body) as Message | undefined)?.usage?.output_tokens;
        }
        send(response, action.reply);
        return;
      case 'drop':
        closedByServer = true;
        response.socket?.destroy();
        return;
      case 'truncate': {
        // Announce the whole body, send half of it, then drop the connection.
        const { reply } = action;
        recorded.status = reply.status;
        closedByServer = true;
        response.writeHead(reply.status, {
          ...reply.headers,
          'content-length': Buffer.byteLength(reply.body),
        });
        response.write(reply.body.slice(0, Math.floor(reply.body.length / 2)), () =>
          response.socket?.destroy(),
        );
        return;
      }
      case 'hang':
        return;
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const requestId = ids.next('req_fake_');
    // Every answer carries one, as the real API's do; the SDK reports it as `requestID`.
    response.setHeader('request-id', requestId);
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '');
    if (method === 'POST' && path === '/v1/messages') {
      await handleMessages(request, response, requestId);
      return;
    }
    if (path === '/v1/messages/batches') {
      if (method === 'POST') {
        send(response, batchStore.create(parseJson(await readBody(request)), requestId));
        return;
      }
      if (method === 'GET') {
        send(response, batchStore.list());
        return;
      }
    }
    const batchMatch = BATCH_PATH.exec(path);
    const batchId = batchMatch?.[1];
    if (batchId !== undefined) {
      const action = batchMatch?.[2];
      if (method === 'GET' && action === undefined) {
        send(response, batchStore.retrieve(batchId, requestId));
        return;
      }
      if (method === 'GET' && action === '/results') {
        send(response, batchStore.results(batchId, requestId));
        return;
      }
      if (method === 'POST' && action === '/cancel') {
        send(response, batchStore.cancel(batchId, requestId));
        return;
      }
      if (method === 'DELETE' && action === undefined) {
        send(response, batchStore.delete(batchId, requestId));
        return;
      }
    }
    send(
      response,
      errorReply(404, { type: 'not_found_error', message: `Not found: ${method} ${path || '/'}` }, requestId),
    );
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      // A client that went away mid-body ends up here; anything else is a bug in the fake.
      if (response.headersSent || response.destroyed) {
        response.destroy();
        return;
      }
      const message = `The fake Messages API failed: ${error instanceof Error ? error.message : String(error)}`;
      send(response, errorReply(500, { type: 'api_error', message }, 'req_fake_error'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${options.host ?? DEFAULT_HOST}:${port}`;

  return {
    url,
    calls,
    aborted,
    get stats() {
      return {
        calls: calls.length,
        aborted: aborted.length,
        inFlight,
        maxInFlight,
        faults: { ...faultCounts },
        overHardLimit,
      };
    },
    batches: batchStore.batches,
    batchItemFaults: batchStore.itemFaults,
    script: (...faults) => policy.script(...faults),
    setLatency(next) {
      latency = next;
    },
    setStreamPacing(next) {
      pacing = { ...pacing, ...next };
    },
    waitForCalls: (count, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS) =>
      waitFor(() => (calls.length >= count ? calls : undefined), timeoutMs, `${count} call(s)`),
    waitForAbort: (count = 1, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS) =>
      waitFor(() => aborted[count - 1], timeoutMs, `${count} aborted call(s)`),
    reset() {
      calls.length = 0;
      aborted.length = 0;
      faultCounts = emptyFaultCounts();
      maxInFlight = inFlight;
      overHardLimit = 0;
      hardLimits.reset();
      latency = options.latencyMs ?? 0;
      pacing = initialPacing;
      policy.reset();
      batchStore.reset();
    },
    close() {
      closing = true;
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
