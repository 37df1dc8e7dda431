import { RetryableError } from '@anthropic-ai/sdk';

/** The answer broke off or was not JSON: a transport failure the SDK may retry, unlike a bad answer. */
export class UnreadableResponseError extends RetryableError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}
