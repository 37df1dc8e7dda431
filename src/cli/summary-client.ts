import type { ProblemDocument } from '../http/problem-document.js';
import type { SummaryRequest, SummaryResponse } from '../summarize/summary-api-schemas.js';

export type SummaryOutcome =
  | { ok: true; response: SummaryResponse }
  | { ok: false; problem: ProblemDocument };

/** Where the CLI sends `POST /v1/summaries`: Brief in this process, or a running service. */
export interface SummaryClient {
  summarize(request: SummaryRequest): Promise<SummaryOutcome>;
  close(): Promise<void>;
}

/** A problem the CLI states itself, for failures that never reached Brief or got no problem back. */
export function clientProblem(status: number, title: string, detail: string): ProblemDocument {
  return { type: 'about:blank', title, status, detail, request_id: '' };
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
