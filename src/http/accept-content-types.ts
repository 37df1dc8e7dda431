import type { MiddlewareHandler } from 'hono';
import { UnsupportedMediaTypeError } from '../errors/brief-error.js';

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** 415 with the accepted list, before any body is read or validated. */
export function acceptContentTypes(accepted: readonly string[]): MiddlewareHandler {
  return async function checkContentType(context, next) {
    const type = mediaTypeOf(context.req.header('content-type'));
    if (!accepted.includes(type)) {
      throw new UnsupportedMediaTypeError(
        `Content type "${type || '(none)'}" is not supported here. Send one of: ${accepted.join(', ')}.`,
        { extensions: { accepted } },
      );
    }
    await next();
  };
}
