import type { MiddlewareHandler } from 'hono';
import { MalformedRequestError } from '../../errors/brief-error.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { readNinjsArticleText } from '../../ninjs/read-ninjs-article-text.js';
import { readNinjsItem } from '../../ninjs/read-ninjs-item.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import { mediaTypeOf } from '../accept-content-types.js';
import type { AppEnv } from '../app-env.js';

export interface ReadNinjsBodyOptions {
  /** An HTML body is read as a `text/html` body is: on the worker pool, within its time limit. */
  cpuTasks: Pick<CpuTasks, 'htmlToArticleText'>;
  /** The limit of a `text/html` body, for the item's HTML body. */
  maxHtmlBodyBytes: number;
}

/**
 * Where an `application/ninjs+json` body becomes the article request: the item is read (and refused
 * with a 422 when malformed, not German or without a body) and kept on the context for the answer,
 * and the route's JSON validator, which runs on every `+json` body, reads the article request
 * (`text`, `title`, `article_id`) the item became instead of the item.
 */
export function readNinjsBody(options: ReadNinjsBodyOptions): MiddlewareHandler<AppEnv> {
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
    const text = await readNinjsArticleText(article.body, {
      htmlToArticleText: options.cpuTasks.htmlToArticleText,
      maxHtmlBodyBytes: options.maxHtmlBodyBytes,
      signal: context.req.raw.signal,
    });
    context.set('ninjs', article);
    const request = {
      text,
      article_id: article.articleId,
      ...(article.title === undefined ? {} : { title: article.title }),
    };
    // The same request (headers, signal) with the article request as its body, read afresh.
    context.req.raw = new Request(context.req.raw, { body: JSON.stringify(request) });
    context.req.bodyCache = {};
    return next();
  };
}
