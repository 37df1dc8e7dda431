import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem-document.js';
import { forEachOperation } from './for-each-operation.js';
import type { OpenApiDocument } from './openapi-document.js';

/** Routes behind the API middleware in `createApp`: in-flight tracking, auth, rate limit, body limit. */
export const API_PATH_PREFIX = '/v1/';

const problemContent = {
  [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
};
const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' as const } },
};

/**
 * What the middleware answers for every route it guards, documented once as shared responses.
 * A route that documents one of these statuses itself keeps its own description.
 */
const MIDDLEWARE_RESPONSES = {
  Unauthorized: {
    status: 401,
    api: true,
    response: {
      description: 'Missing or unknown API key (when the instance has API keys configured).',
      headers: {
        'WWW-Authenticate': { description: 'The bearer challenge.', schema: { type: 'string' as const } },
      },
      content: problemContent,
    },
  },
  Forbidden: {
    status: 403,
    api: true,
    response: {
      description: "The API key's scopes do not include this route's (`/problems/forbidden`).",
      content: problemContent,
    },
  },
  PayloadTooLarge: {
    status: 413,
    api: true,
    bodyOnly: true,
    response: {
      description: 'The request body is larger than BRIEF_MAX_BODY_BYTES.',
      content: problemContent,
    },
  },
  RateLimited: {
    status: 429,
    api: true,
    response: {
      description:
        "Rate limit for this API key exceeded (when rate limiting is on), or the key's monthly budget cannot hold the request (`/problems/budget-exceeded`, with `budget_usd`, `spent_usd` and `resets_at`).",
      headers: retryAfter,
      content: problemContent,
    },
  },
  InternalError: {
    status: 500,
    api: false,
    response: {
      description: 'An unexpected error; it is logged with the request id.',
      content: problemContent,
    },
  },
  ShuttingDown: {
    status: 503,
    api: true,
    response: {
      description: 'This instance is shutting down (`/problems/shutting-down`): retry the request.',
      headers: retryAfter,
      content: problemContent,
    },
  },
} as const;

export function registerMiddlewareResponses(registry: OpenAPIHono<AppEnv>['openAPIRegistry']): void {
  for (const [name, { response }] of Object.entries(MIDDLEWARE_RESPONSES)) {
    registry.registerComponent('responses', name, response);
  }
}

/** Bearer security and the middleware's responses on every `/v1/` operation; 500 on every operation. */
export function addMiddlewareResponses(document: OpenApiDocument, securityScheme: string): void {
  forEachOperation(document, (path, _method, operation) => {
    const guarded = path.startsWith(API_PATH_PREFIX);
    if (guarded) {
      operation.security = [{ [securityScheme]: [] }];
    }
    for (const [name, entry] of Object.entries(MIDDLEWARE_RESPONSES)) {
      if (entry.api && !guarded) {
        continue;
      }
      if ('bodyOnly' in entry && entry.bodyOnly && !operation.requestBody) {
        continue;
      }
      operation.responses ??= {};
      operation.responses[String(entry.status)] ??= { $ref: `#/components/responses/${name}` };
    }
  });
}
