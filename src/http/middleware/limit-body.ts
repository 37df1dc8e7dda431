import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLargeError } from '../../errors/brief-error.js';

/** 413 as a problem document once the body passes `maxBytes`, before the handler reads it all. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError(`The request body is larger than ${maxBytes} bytes.`, {
        extensions: { max_body_bytes: maxBytes },
      });
    },
  });
}
