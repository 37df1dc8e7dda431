import type { Context } from 'hono';
import { UnsupportedMediaTypeError } from '../../errors/brief-error.js';
import { mediaTypeOf } from '../../http/accept-content-types.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { htmlToArticleText } from '../../summarize/html-to-article-text.js';
import type { SummaryRequest } from '../../summarize/summary-api-schemas.js';

export const ACCEPTED_CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'text/html',
  NINJS_MEDIA_TYPE,
] as const;

/**
 * The request, whatever form it came in. JSON has been validated by the route's schema already;
 * the other media types carry the bare article.
 */
export async function readArticleRequest(context: Context, validatedJson: SummaryRequest | undefined) {
  const type = mediaTypeOf(context.req.header('content-type'));
  // A ninjs item has become the article request already (readNinjsBody).
  if ((type === 'application/json' || type === NINJS_MEDIA_TYPE) && validatedJson) {
    return validatedJson;
  }
  if (type === 'text/plain') {
    return { text: await context.req.text() } satisfies SummaryRequest;
  }
  if (type === 'text/html') {
    return { text: htmlToArticleText(await context.req.text()) } satisfies SummaryRequest;
  }
  throw new UnsupportedMediaTypeError(
    `Content type "${type || '(none)'}" is not supported. Send one of: ${ACCEPTED_CONTENT_TYPES.join(', ')}.`,
    { extensions: { accepted: ACCEPTED_CONTENT_TYPES } },
  );
}
