import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { ProblemDocument } from '../http/problem-document.js';
import type { SummaryRequest, SummaryResponse } from '../summarize/summary-api-schemas.js';
import type { SummaryProgress } from './summary-progress.js';

export type SummaryOutcome =
  | { ok: true; response: SummaryResponse }
  | { ok: false; problem: ProblemDocument };

/** Where the CLI sends `POST /v1/summaries`: Brief in this process, or a running service. */
export interface SummaryClient {
  /** With `onProgress`, the summary is streamed and its progress reported as the model writes. */
  summarize(
    request: SummaryRequest,
    options?: { onProgress?: ((progress: SummaryProgress) => void) | undefined },
  ): Promise<SummaryOutcome>;
  close(): Promise<void>;
}

/** A problem the CLI states itself, for failures that never reached Brief or got no problem back. */
export function clientProblem(status: number, title: string, detail: string): ProblemDocument {
  return { type: 'about:blank', title, status, detail, request_id: '' };
}

/** A `text/event-stream` answer of `POST /v1/summaries`: progress as it comes, then the result or the error. */
export async function readSummaryStream(
  response: Response,
  onProgress: (progress: SummaryProgress) => void,
): Promise<SummaryOutcome> {
  if (!response.body) {
    return readSummaryOutcome(response);
  }
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  for await (const event of events) {
    const data = JSON.parse(event.data) as Record<string, unknown>;
    if (event.event === 'partial') {
      onProgress({
        type: 'partial',
        attempt: Number(data.attempt),
        summaries: data.summaries as Record<string, unknown>,
      });
    } else if (event.event === 'repair') {
      onProgress({ type: 'repair', attempt: Number(data.attempt), reason: String(data.reason) });
    } else if (event.event === 'result') {
      return { ok: true, response: data as SummaryResponse };
    } else if (event.event === 'error') {
      return { ok: false, problem: data as ProblemDocument };
    }
  }
  return {
    ok: false,
    problem: clientProblem(502, 'The stream ended early', 'The service closed the stream without a result.'),
  };
}

/** The answer of `POST /v1/summaries` as an outcome: the summary, or the problem document. */
export async function readSummaryOutcome(response: Response): Promise<SummaryOutcome> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok && typeof body === 'object' && body !== null && 'summaries' in body) {
    return { ok: true, response: body as SummaryResponse };
  }
  if (typeof body === 'object' && body !== null && 'title' in body && 'detail' in body) {
    return { ok: false, problem: body as ProblemDocument };
  }
  return {
    ok: false,
    problem: clientProblem(
      response.status,
      `HTTP ${response.status}`,
      'The service answered without a summary or a problem document: is --url a Brief service?',
    ),
  };
}
