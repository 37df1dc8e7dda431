import Anthropic from '@anthropic-ai/sdk';

/**
 * Whether the model API failed on its side: overloaded (529, or an `overloaded_error` event inside a
 * stream) or another 5xx. Another model may answer then; a 429 or a 4xx would only fail again.
 */
export function isOverloadOrServerError(error: unknown): boolean {
  if (error instanceof Anthropic.InternalServerError) {
    return true;
  }
  return (
    error instanceof Anthropic.APIError &&
    error.status === undefined &&
    (error.type === 'overloaded_error' || error.type === 'api_error')
  );
}
