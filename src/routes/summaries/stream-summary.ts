import type { Context } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { ClientClosedRequestError } from '../../errors/client-closed-request-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import type { Lifecycle } from '../../http/lifecycle.js';
import { toProblemDocument } from '../../http/problem-response.js';
import { toBriefError } from '../../http/to-brief-error.js';
import type { PartialJson } from '../../llm/stream-model-answer.js';
import {
  type AnswerSummaryRequestDependencies,
  type AnswerSummaryRequestOptions,
  answerSummaryRequest,
} from '../../summarize/answer-summary-request.js';
import type { SummaryRequest, SummaryResponse } from '../../summarize/summary-api-schemas.js';
import type { StreamPartial, StreamStarted, SummaryStreamEvent } from './summary-stream-events.js';

/** A comment line this often keeps proxies and clients from closing a quiet stream. */
export const HEARTBEAT_INTERVAL_MS = 15_000;

export interface StreamSummaryDependencies extends AnswerSummaryRequestDependencies {
  /** Open streams count as requests in flight, so a graceful shutdown lets them finish. */
  lifecycle?: Lifecycle | undefined;
  heartbeatIntervalMs?: number | undefined;
}

type Settled = { ok: true; response: SummaryResponse } | { ok: false; error: unknown };

type StreamStart = Pick<StreamStarted, 'prompt' | 'model'>;

/** The model writes the response's shape (`en`, `de`); only those members are passed on. */
function summariesSoFar(output: PartialJson): StreamPartial['summaries'] {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) {
    return {};
  }
  const { en, de } = output;
  return {
    ...(en === undefined ? {} : { en }),
    ...(de === undefined ? {} : { de }),
  } as StreamPartial['summaries'];
}

/**
 * `POST /v1/summaries` as server-sent events. The pipeline runs as for the JSON answer; the stream
 * opens only once the model has started to answer (or a cached answer is ready), so everything refused
 * before that (limits, prompt version, queue full, replay miss, upstream refusals) is an ordinary
 * problem response. After that a failure is an `error` event carrying the same problem document.
 */
export async function streamSummary(
  context: Context<AppEnv>,
  dependencies: StreamSummaryDependencies,
  request: SummaryRequest,
  onEvent: AnswerSummaryRequestOptions['onEvent'],
): Promise<Response> {
  const requestId = context.get('requestId');
  const logger = context.get('logger');
  // The client leaving (before or during the stream) stops the work, as for the JSON answer.
  const client = new AbortController();
  const leave = () => client.abort(new ClientClosedRequestError());
  context.req.raw.signal.addEventListener('abort', leave, { once: true });

  let prompt: StreamStart['prompt'] | undefined;
  let opened: ((start: StreamStart) => void) | undefined;
  const open = new Promise<{ open: StreamStart }>((resolve) => {
    opened = (start) => resolve({ open: start });
  });
  const pending: SummaryStreamEvent[] = [];
  let deliver: ((event: SummaryStreamEvent) => void) | undefined;
  const send = (event: SummaryStreamEvent) => (deliver ? deliver(event) : pending.push(event));

  const settled: Promise<Settled> = answerSummaryRequest(dependencies, request, {
    requestId,
    signal: client.signal,
    logger,
    key: callerKey(context),
    onEvent: (event) => {
      onEvent?.(event);
      if (event.type === 'prompt') {
        const { name, version, sha256 } = event.prompt;
        prompt = { name, version, sha256 };
      } else if (event.type === 'repair') {
        send({
          event: 'repair',
          data: {
            attempt: event.attempt,
            reason: event.reason,
            ...(event.issues ? { output_errors: event.issues } : {}),
            ...(event.failures ? { failures: event.failures } : {}),
          },
        });
      }
    },
    onAnswer: (event) => {
      if (event.type === 'answer-start') {
        // The prompt is resolved before any model call.
        if (prompt) {
          opened?.({ prompt, model: event.model });
        }
        return;
      }
      const summaries = summariesSoFar(event.output);
      // Before the first member has a name there is nothing to show.
      if (Object.keys(summaries).length > 0) {
        send({ event: 'partial', data: { summaries, attempt: event.attempt } });
      }
    },
  }).then(
    (response) => ({ ok: true, response }),
    (error: unknown) => ({ ok: false, error }),
  );

  const first = await Promise.race([open, settled]);
  if ('ok' in first && !first.ok) {
    context.req.raw.signal.removeEventListener('abort', leave);
    // Refused before the model answered: the problem response the JSON request would get.
    throw first.error;
  }

  context.header('X-Accel-Buffering', 'no');
  return streamSSE(context, async (stream) => {
    dependencies.lifecycle?.requestStarted();
    stream.onAbort(leave);
    const heartbeat = setInterval(() => {
      void stream.write(': heartbeat\n\n').catch(() => undefined);
    }, dependencies.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
    let writing = Promise.resolve();
    const write = (event: SummaryStreamEvent) => {
      writing = writing.then(() => writeEvent(stream, event)).catch(() => undefined);
    };
    try {
      // A cached or shared answer is ready at once: `started` and `result` follow each other.
      const start = 'open' in first ? first.open : first.ok ? first.response.meta : undefined;
      if (start) {
        write({
          event: 'started',
          data: {
            request_id: requestId,
            prompt: start.prompt,
            model: start.model,
            mode: dependencies.config.mode,
          },
        });
      }
      for (const event of pending.splice(0)) {
        write(event);
      }
      deliver = write;
      const result = await settled;
      deliver = undefined;
      if (result.ok) {
        write({ event: 'result', data: result.response });
      } else if (!(result.error instanceof ClientClosedRequestError) && !client.signal.aborted) {
        const problem = toBriefError(result.error);
        if (problem.status >= 500) {
          logger?.warn({ err: result.error, status: problem.status }, 'summary stream failed');
        }
        write({ event: 'error', data: toProblemDocument(problem, requestId) });
      }
      await writing;
    } finally {
      clearInterval(heartbeat);
      context.req.raw.signal.removeEventListener('abort', leave);
      dependencies.lifecycle?.requestFinished();
    }
  });
}

function writeEvent(stream: SSEStreamingApi, event: SummaryStreamEvent): Promise<void> {
  if (stream.closed || stream.aborted) {
    return Promise.resolve();
  }
  return stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
}
