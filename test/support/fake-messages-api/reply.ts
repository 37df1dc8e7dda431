import type { ErrorObject } from '@anthropic-ai/sdk/resources/shared';
import { createErrorBody } from './message-body.js';

/** A response, before it is written: handlers return these, the server writes them. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function errorReply(
  status: number,
  error: ErrorObject,
  requestId: string,
  headers: Record<string, string> = {},
): Reply {
  return jsonReply(status, createErrorBody(error, requestId), headers);
}
