/**
 * Every failure Brief knows about is one of these classes. Each carries the problem `type` slug,
 * its HTTP status and a detail that is safe to show a client: never article text, never a secret.
 * The one `onError` handler turns them into RFC 9457 problem documents.
 */
export abstract class BriefError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  abstract readonly title: string;
  /** Extension members added to the problem document. */
  readonly extensions: Record<string, unknown>;
  /** Response headers the problem needs (`Retry-After`, `WWW-Authenticate`, ...). */
  readonly headers: Record<string, string>;

  constructor(
    message: string,
    options: { cause?: unknown; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) to the offending member, `""` for the whole body. */
  pointer: string;
  detail: string;
}

export class MalformedRequestError extends BriefError {
  readonly code = 'malformed-request';
  readonly status = 400;
  readonly title = 'Malformed request';
}

export class UnauthorizedError extends BriefError {
  readonly code = 'unauthorized';
  readonly status = 401;
  readonly title = 'Unauthorized';
}

/** A browser on another site sent a request that needs no CORS preflight, while no key protects Brief. */
export class CrossOriginRequestError extends BriefError {
  readonly code = 'cross-origin-request';
  readonly status = 403;
  readonly title = 'Cross-origin request refused';
}

export class NotFoundError extends BriefError {
  readonly code = 'not-found';
  readonly status = 404;
  readonly title = 'Not found';
}

export class MethodNotAllowedError extends BriefError {
  readonly code = 'method-not-allowed';
  readonly status = 405;
  readonly title = 'Method not allowed';
}

export class PayloadTooLargeError extends BriefError {
  readonly code = 'payload-too-large';
  readonly status = 413;
  readonly title = 'Payload too large';
}

export class UnsupportedMediaTypeError extends BriefError {
  readonly code = 'unsupported-media-type';
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

export class ValidationError extends BriefError {
  readonly code = 'validation-failed';
  readonly status = 422;
  readonly title = 'Request validation failed';
  readonly errors: ValidationIssue[];

  constructor(
    message: string,
    errors: ValidationIssue[],
    options: { extensions?: Record<string, unknown> } = {},
  ) {
    super(message, { extensions: { ...options.extensions, errors } });
    this.errors = errors;
  }
}

export class UnsupportedLanguageError extends BriefError {
  readonly code = 'unsupported-language';
  readonly status = 422;
  readonly title = 'The article is not in German';
}

export class UnknownPromptVersionError extends BriefError {
  readonly code = 'unknown-prompt-version';
  readonly status = 422;
  readonly title = 'Unknown prompt version';
}

export class RateLimitedError extends BriefError {
  readonly code = 'rate-limited';
  readonly status = 429;
  readonly title = 'Too many requests';
}

/** Too many wrong API keys from one client address: it waits before it may try again. */
export class TooManyFailedAuthenticationsError extends BriefError {
  readonly code = 'too-many-failed-authentications';
  readonly status = 429;
  readonly title = 'Too many failed authentications';
}

/** The model answered, but what it said cannot be used (still invalid after repair, refused, truncated). */
export class ModelOutputError extends BriefError {
  readonly code: string;
  readonly status = 502;
  readonly title: string;

  constructor(
    kind: 'invalid-model-output' | 'model-refused' | 'model-output-truncated' | 'checks-failed',
    message: string,
    options: { cause?: unknown; extensions?: Record<string, unknown> } = {},
  ) {
    super(message, options);
    this.code = kind;
    this.title = MODEL_OUTPUT_TITLES[kind];
  }
}

const MODEL_OUTPUT_TITLES = {
  'invalid-model-output': 'The model returned an invalid summary',
  'model-refused': 'The model refused to summarize the article',
  'model-output-truncated': 'The model output was cut off',
  'checks-failed': 'The summary failed its fact checks',
} as const;

/** The upstream API failed in a way that is not the client's fault (5xx, auth, configuration). */
export class UpstreamError extends BriefError {
  readonly code = 'upstream-error';
  readonly status = 502;
  readonly title = 'Upstream model API error';
}

/** Rate limited or overloaded upstream, or Brief's own queue is full: try again later. */
export class ServiceUnavailableError extends BriefError {
  readonly code: string;
  readonly status = 503;
  readonly title: string;

  constructor(
    kind:
      | 'upstream-unavailable'
      | 'queue-full'
      | 'upstream-budget-exhausted'
      | 'recording-not-found'
      | 'shutting-down'
      | 'batches-need-live-mode'
      | 'too-many-batches',
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number; extensions?: Record<string, unknown> } = {},
  ) {
    super(message, {
      cause: options.cause,
      extensions: options.extensions ?? {},
      headers:
        options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) },
    });
    this.code = kind;
    this.title = SERVICE_UNAVAILABLE_TITLES[kind];
  }
}

const SERVICE_UNAVAILABLE_TITLES = {
  'upstream-unavailable': 'The model API is unavailable',
  'queue-full': 'Too many summaries in progress',
  'upstream-budget-exhausted': 'The shared model budget is spent for now',
  'recording-not-found': 'No recorded response for this request',
  'shutting-down': 'The service is shutting down',
  'batches-need-live-mode': 'Batches need live mode',
  'too-many-batches': 'Too many batch submissions in progress',
} as const;

/** Internal errors answer with this and nothing else: the cause goes to the log only. */
export class InternalError extends BriefError {
  readonly code = 'internal-error';
  readonly status = 500;
  readonly title = 'Internal server error';
}

export class DeadlineExceededError extends BriefError {
  readonly code = 'deadline-exceeded';
  readonly status = 504;
  readonly title = 'The summary took too long';
}

/**
 * One item of a batch failed upstream or was never processed. Not thrown: it becomes that item's
 * problem document in the batch's results, next to the items that succeeded.
 */
export class BatchItemError extends BriefError {
  readonly code: string;
  readonly status: number;
  readonly title: string;

  constructor(
    kind: keyof typeof BATCH_ITEM_PROBLEMS,
    message: string,
    options: { cause?: unknown; extensions?: Record<string, unknown> } = {},
  ) {
    super(message, options);
    this.code = kind;
    this.status = BATCH_ITEM_PROBLEMS[kind].status;
    this.title = BATCH_ITEM_PROBLEMS[kind].title;
  }
}

const BATCH_ITEM_PROBLEMS = {
  'batch-item-errored': { status: 502, title: 'The model API failed this batch item' },
  'batch-item-expired': { status: 504, title: 'The batch expired before this item was processed' },
  'batch-item-canceled': { status: 409, title: 'The batch was canceled before this item was processed' },
  'batch-item-missing': { status: 502, title: 'The batch has no result for this item' },
  'batch-item-unknown': { status: 502, title: 'The batch holds an item Brief did not submit' },
} as const;

/** The key's scopes do not include the route's. */
export class ForbiddenError extends BriefError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';
}

/** The key's monthly budget cannot hold this request: refused before any model call. */
export class BudgetExceededError extends BriefError {
  readonly code = 'budget-exceeded';
  readonly status = 429;
  readonly title = 'Monthly budget exceeded';
}
