import type { MiddlewareHandler } from 'hono';
import { MalformedRequestError } from '../../errors/brief-error.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { readNinjsItem } from '../../ninjs/read-ninjs-item.js';
import { mediaTypeOf } from '../accept-content-types.js';
import type { AppEnv } from '../app-env.js';

/**
 * Where an `application/ninjs+json` body becomes the article request: the item is read (and refused
 * with a 422 when malformed, not German or without a body) and kept on the context for the answer,
 * and the route's JSON validator, which runs on every `+json` body, is handed the article request
 * (`text`, `title`, `article_id`) the item became instead of the item.
 */
export function readNinjsBody(): MiddlewareHandler<AppEnv> {
  return async function readNinjsBody(context, next) {
    if (mediaTypeOf(context.req.header('content-type')) !== NINJS_MEDIA_TYPE) {
      return next();
    }
    let body: unknown;
    try {
      body = JSON.parse(await context.req.text());
    } catch (error) {
      throw new MalformedRequestError('The ninjs item is not valid JSON.', { cause: error });
    }
    const article = readNinjsItem(body);
    context.set('ninjs', article);
    // Hono reads a JSON body from its cached text.
    context.req.bodyCache.text = Promise.resolve(
      JSON.stringify({
        text: article.text,
        article_id: article.articleId,
        ...(article.title === undefined ? {} : { title: article.title }),
      }),
    );
    return next();
  };
}
