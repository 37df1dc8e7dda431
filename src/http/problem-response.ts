import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BriefError } from '../errors/brief-error.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problemType } from './problem-document.js';

export function toProblemDocument(error: BriefError, requestId: string, traceId?: string): ProblemDocument {
  return {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    request_id: requestId,
    ...(traceId ? { trace_id: traceId } : {}),
    ...error.extensions,
  };
}

/** Answers through the context, so headers set by middleware (request id, security, CORS) stay. */
export function problemResponse(context: Context, error: BriefError): Response {
  const body = JSON.stringify(
    toProblemDocument(error, context.get('requestId') ?? '', context.get('traceId')),
  );
  return context.body(body, error.status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
    ...error.headers,
  });
}
