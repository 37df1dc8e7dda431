import { isOverloadOrServerError } from './is-overload-or-server-error.js';

export interface FallbackOptions {
  model: string;
  /** Asked once, with the same request, when `model` ends in overload or a 5xx after the SDK's retries. */
  fallbackModel?: string | undefined;
  onFallback?: ((event: { from: string; to: string; error: unknown }) => void) | undefined;
  /** Nothing is tried again once the caller has given up. */
  signal?: AbortSignal | undefined;
}

/** Calls the model; on overload, once more with the fallback model. Says which model answered. */
export async function callWithFallback<T>(
  call: (model: string) => Promise<T>,
  options: FallbackOptions,
): Promise<{ value: T; model: string; fallback: boolean }> {
  try {
    return { value: await call(options.model), model: options.model, fallback: false };
  } catch (error) {
    const { fallbackModel } = options;
    if (
      fallbackModel === undefined ||
      fallbackModel === options.model ||
      options.signal?.aborted ||
      !isOverloadOrServerError(error)
    ) {
      throw error;
    }
    options.onFallback?.({ from: options.model, to: fallbackModel, error });
    return { value: await call(fallbackModel), model: fallbackModel, fallback: true };
  }
}
