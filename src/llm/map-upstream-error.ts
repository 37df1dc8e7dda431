import Anthropic from '@anthropic-ai/sdk';
import {
  BriefError,
  DeadlineExceededError,
  ServiceUnavailableError,
  UpstreamError,
} from '../errors/brief-error.js';
import { RecordingNotFoundError } from '../errors/recording-not-found-error.js';
import { UnreadableResponseError } from '../errors/unreadable-response-error.js';
import { readRetryAfterMs } from './read-retry-after-ms.js';

/** Seconds a client should wait when upstream gave no `retry-after`. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

function findCause<T>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof type) {
      return current;
    }
    current = current.cause;
  }
  return undefined;
}

function retryAfterSeconds(headers: Headers | undefined): number {
  const milliseconds = readRetryAfterMs(headers);
  return milliseconds === undefined ? DEFAULT_RETRY_AFTER_SECONDS : Math.ceil(milliseconds / 1000);
}

export interface UpstreamErrorMapping {
  error: BriefError;
  /** Authentication and configuration problems are ours to fix, not the client's: log them loudly. */
  severity: 'warn' | 'error';
}

/** Maps the SDK's typed errors (by class, never by message) to Brief's. */
export function mapUpstreamError(error: unknown): UpstreamErrorMapping {
  // Brief's own refusal on the way out (the upstream budget, in the SDK's middleware).
  if (error instanceof BriefError) {
    return { severity: 'warn', error };
  }
  const missing = findCause(error, RecordingNotFoundError);
  if (missing) {
    return {
      severity: 'warn',
      error: new ServiceUnavailableError(
        'recording-not-found',
        `Replay mode has no recording for this request (key ${missing.key.slice(0, 16)}). Brief replays recorded responses for the samples only; to summarize other text, set ANTHROPIC_API_KEY (live mode), or record it with BRIEF_MODE=record (see "Recording" in the README).`,
        { cause: error, extensions: { recording_key: missing.key } },
      ),
    };
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return {
      severity: 'warn',
      error: new DeadlineExceededError('The model API did not answer in time.', { cause: error }),
    };
  }
  if (error instanceof Anthropic.RateLimitError || error instanceof Anthropic.OverloadedError) {
    return {
      severity: 'warn',
      error: new ServiceUnavailableError(
        'upstream-unavailable',
        error instanceof Anthropic.RateLimitError
          ? 'The model API is rate limiting Brief. Try again after the time in Retry-After.'
          : 'The model API is overloaded. Try again after the time in Retry-After.',
        { cause: error, retryAfterSeconds: retryAfterSeconds(error.headers) },
      ),
    };
  }
  // An `error` event inside a stream carries the error's type but no status and no headers.
  if (
    error instanceof Anthropic.APIError &&
    error.status === undefined &&
    (error.type === 'overloaded_error' || error.type === 'rate_limit_error')
  ) {
    return {
      severity: 'warn',
      error: new ServiceUnavailableError(
        'upstream-unavailable',
        'The model API was overloaded and broke off its answer. Try again after the time in Retry-After.',
        { cause: error, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS },
      ),
    };
  }
  if (error instanceof Anthropic.ServiceUnavailableError) {
    return {
      severity: 'warn',
      error: new ServiceUnavailableError(
        'upstream-unavailable',
        'The model API is temporarily unavailable.',
        {
          cause: error,
          retryAfterSeconds: retryAfterSeconds(error.headers),
        },
      ),
    };
  }
  if (
    error instanceof Anthropic.AuthenticationError ||
    error instanceof Anthropic.PermissionDeniedError ||
    error instanceof Anthropic.BadRequestError ||
    error instanceof Anthropic.NotFoundError ||
    error instanceof Anthropic.UnprocessableEntityError
  ) {
    return {
      severity: 'error',
      error: new UpstreamError(
        'The model API rejected Brief’s request: a configuration problem on our side. The operators have been alerted by the logs.',
        { cause: error },
      ),
    };
  }
  if (error instanceof Anthropic.APIError) {
    return {
      severity: 'warn',
      error: new UpstreamError(
        error.status === undefined
          ? 'The connection to the model API failed.'
          : `The model API answered with an error (status ${error.status}).`,
        { cause: error },
      ),
    };
  }
  if (error instanceof UnreadableResponseError) {
    return { severity: 'warn', error: new UpstreamError(error.message, { cause: error }) };
  }
  return {
    severity: 'warn',
    error: new UpstreamError('The model API returned a response Brief could not read.', { cause: error }),
  };
}
