import type { FaultKind } from './faults.js';
import type { MessagesRequestBody } from './find-article.js';
import { createMessageBody } from './message-body.js';
import { errorReply, jsonReply, type Reply } from './reply.js';

export interface FaultReplyContext {
  messageId: string;
  requestId: string;
  thinking: boolean;
  /** Sent as `retry-after` with `rate_limit`; fractions make retrying tests fast. */
  retryAfterSeconds: number;
}

/**
 * What the server does for a fault: write a reply, or act on the connection: `drop` it before any byte
 * of the response, `truncate` the reply (headers and half the body, then drop), or `hang` until the
 * client gives up.
 */
export type FaultAction =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'drop' }
  | { kind: 'truncate'; reply: Reply }
  | { kind: 'hang' };

const NOT_JSON_BODY = '<html><body><h1>502 Bad Gateway</h1></body></html>';

export function createFaultAction(
  fault: FaultKind,
  body: MessagesRequestBody,
  context: FaultReplyContext,
): FaultAction {
  const headers = { 'request-id': context.requestId };
  const reply = (value: Reply): FaultAction => ({ kind: 'reply', reply: value });
  const message = (outcome: Parameters<typeof createMessageBody>[1]) =>
    jsonReply(
      200,
      createMessageBody(body, outcome, {
        id: context.messageId,
        thinking: context.thinking,
        serviceTier: 'standard',
      }),
      headers,
    );

  switch (fault) {
    case 'ok':
    case 'max_tokens':
    case 'refusal':
    case 'invalid_output':
    case 'wrong_language':
      return reply(message(fault));
    case 'rate_limit':
      return reply(
        errorReply(
          429,
          { type: 'rate_limit_error', message: 'This request would exceed the rate limit (fake).' },
          context.requestId,
          { ...headers, 'retry-after': String(context.retryAfterSeconds) },
        ),
      );
    case 'overloaded':
    case 'overloaded_mid_stream':
      return reply(
        errorReply(
          529,
          { type: 'overloaded_error', message: 'Overloaded (fake).' },
          context.requestId,
          headers,
        ),
      );
    case 'server_error':
      return reply(
        errorReply(
          500,
          { type: 'api_error', message: 'Internal server error (fake).' },
          context.requestId,
          headers,
        ),
      );
    case 'unavailable':
      return reply(
        errorReply(
          503,
          { type: 'api_error', message: 'Service unavailable (fake).' },
          context.requestId,
          headers,
        ),
      );
    case 'auth_error':
      return reply(
        errorReply(
          401,
          { type: 'authentication_error', message: 'invalid x-api-key (fake)' },
          context.requestId,
          headers,
        ),
      );
    case 'bad_request':
      return reply(
        errorReply(
          400,
          { type: 'invalid_request_error', message: 'The fake rejected this request on purpose.' },
          context.requestId,
          headers,
        ),
      );
    case 'malformed_json':
      return reply({
        status: 200,
        headers: { ...headers, 'content-type': 'application/json' },
        body: NOT_JSON_BODY,
      });
    case 'reset':
      return { kind: 'drop' };
    case 'reset_mid_body':
      return { kind: 'truncate', reply: message('ok') };
    case 'hang':
      return { kind: 'hang' };
  }
}
