import { type CheckFailure, type FieldError, isRecord, type Problem } from './api-types.js';
import { type StreamSummaryOptions, streamSummary } from './stream-summary.js';

export interface ApiResult {
  response: Response;
  /** The parsed JSON body, or null when the answer was not JSON. */
  body: unknown;
}

export interface ApiRequest {
  method?: string;
  json?: unknown;
  /** A body sent as it is, with its media type (a pasted ninjs item). */
  raw?: { contentType: string; text: string };
  /** What the answer may be; default JSON or a problem document. */
  accept?: string;
  /** Ends the request early (a Cancel button). */
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  readKey: () => string | null;
}

export interface ApiClient {
  request(path: string, init?: ApiRequest): Promise<ApiResult>;
  /** `POST` as server-sent events: partials and repairs as they come, then the answer as `request` gives it. */
  stream(
    path: string,
    init: { json: unknown; signal: AbortSignal; onEvent: StreamSummaryOptions['onEvent'] },
  ): Promise<ApiResult>;
}

/** Calls this origin's public API, exactly as any other client would, with the saved key if there is one. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  function authorization(): Headers {
    const headers = new Headers();
    const key = options.readKey();
    if (key) {
      headers.set('authorization', `Bearer ${key}`);
    }
    return headers;
  }
  return {
    stream(path, init) {
      return streamSummary(path, { fetch: options.fetch, headers: authorization(), ...init });
    },
    async request(path, init = {}) {
      const headers = authorization();
      headers.set('accept', init.accept ?? 'application/json, application/problem+json');
      let body: string | undefined;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      } else if (init.raw !== undefined) {
        headers.set('content-type', init.raw.contentType);
        body = init.raw.text;
      }
      const response = await options.fetch(path, {
        method: init.method ?? 'GET',
        headers,
        body,
        credentials: 'same-origin',
        signal: init.signal ?? null,
      });
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('json')) {
        await response.text();
        return { response, body: null };
      }
      return { response, body: await response.json().catch(() => null) };
    },
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** The problem document in an answer, or what can be said about an answer that is none. */
export function problemFrom(result: ApiResult): Problem {
  const body = isRecord(result.body) ? result.body : {};
  const { response } = result;
  const checks = isRecord(body.checks) ? body.checks : {};
  return {
    title: stringOr(body.title, `Brief answered with HTTP ${response.status}`),
    detail: stringOr(
      body.detail,
      `The answer was not a problem document (${response.statusText || 'no details'}).`,
    ),
    errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    // Strict mode: the failed checks come with the 502.
    checkFailures: Array.isArray(checks.failures) ? (checks.failures as CheckFailure[]) : [],
    requestId:
      typeof body.request_id === 'string' && body.request_id
        ? body.request_id
        : response.headers.get('x-request-id'),
    retryAfter: response.headers.get('retry-after'),
  };
}

export function unreachableProblem(error: unknown): Problem {
  const reason = error instanceof Error && error.message ? error.message : 'network error';
  return {
    title: 'Brief could not be reached',
    detail: `The request got no answer (${reason}). Check that Brief is running and try again.`,
    errors: [],
    checkFailures: [],
    requestId: null,
    retryAfter: null,
  };
}

/** The `detail` of a problem document, for the API-key prompt. */
export function problemDetail(result: ApiResult): string {
  return isRecord(result.body) && typeof result.body.detail === 'string' ? result.body.detail : '';
}
