import type { BriefError } from '../errors/brief-error.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problemType } from './problem-document.js';

export function toProblemDocument(error: BriefError, requestId: string): ProblemDocument {
  return {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    request_id: requestId,
    ...error.extensions,
  };
}

export function problemResponse(error: BriefError, requestId: string): Response {
  return new Response(JSON.stringify(toProblemDocument(error, requestId)), {
    status: error.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}
