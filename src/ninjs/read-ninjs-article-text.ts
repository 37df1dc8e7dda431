import { PayloadTooLargeError, ValidationError } from '../errors/brief-error.js';
import type { NinjsBody } from './read-ninjs-item.js';

export interface ReadNinjsArticleTextOptions {
  /** The HTML-to-text path of `text/html` bodies: on the server the worker pool, with its time limit. */
  htmlToArticleText: (html: string, signal?: AbortSignal) => Promise<string>;
  /** The limit of a `text/html` body, for the HTML body of an item; none when absent (the CLI). */
  maxHtmlBodyBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * The article text of a ninjs item's body: plain text as it is, HTML through the same path and
 * limits as a `text/html` body (its size, its depth, the time limit). A refusal of the HTML points
 * at the body in the item instead of at the whole request.
 */
export async function readNinjsArticleText(
  body: NinjsBody,
  options: ReadNinjsArticleTextOptions,
): Promise<string> {
  if (body.contentType === 'text/plain') {
    return body.value;
  }
  const { maxHtmlBodyBytes } = options;
  if (maxHtmlBodyBytes !== undefined && Buffer.byteLength(body.value, 'utf8') > maxHtmlBodyBytes) {
    throw new PayloadTooLargeError(
      `The ninjs item's HTML body (${body.pointer}) is larger than ${maxHtmlBodyBytes} bytes.`,
      { extensions: { max_body_bytes: maxHtmlBodyBytes } },
    );
  }
  try {
    return await options.htmlToArticleText(body.value, options.signal);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const errors = error.errors.map((issue) => ({ ...issue, pointer: `${body.pointer}${issue.pointer}` }));
    throw new ValidationError(error.message, errors, { extensions: error.extensions });
  }
}
