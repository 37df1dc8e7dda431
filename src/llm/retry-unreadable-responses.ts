import type { Middleware } from '@anthropic-ai/sdk';
import { UnreadableResponseError } from '../errors/unreadable-response-error.js';

function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * The SDK retries a connection that fails before the headers, but reads the body after its retry
 * loop: a connection dropped halfway through a 200, or a 200 whose body is a proxy's HTML page, would
 * fail the request at once. This reads a successful non-streaming answer whole, inside the retry loop,
 * and turns either failure into a `RetryableError`, so it gets the same bounded retries as a reset.
 */
export const retryUnreadableResponses: Middleware = async function retryUnreadableResponses(
  request,
  next,
  context,
) {
  const response = await next(request);
  if (!response.ok || context.options?.stream || response.body === null) {
    return response;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The caller's abort is not a broken answer: let the SDK report it as an abort.
    if (request.signal?.aborted) {
      throw error;
    }
    throw new UnreadableResponseError('The connection to the model API broke while the answer was read.', {
      cause: error,
    });
  }
  if (!isJsonMediaType(response.headers.get('content-type'))) {
    return new ReadResponse(response, text, () => JSON.parse(text));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UnreadableResponseError('The model API answered with a body that is not JSON.', {
      cause: error,
    });
  }
  return new ReadResponse(response, text, () => json);
};

/**
 * An answer already read whole: its text, and its JSON as parsed once here. A `new Response(text)`
 * would wrap the text in a second stream for the SDK to read again, and parse it a second time.
 * It has no body stream: everything that reads it (the SDK, and `context.parse` through `clone()`)
 * gets the text.
 */
class ReadResponse extends Response {
  readonly #text: string;
  readonly #json: () => unknown;

  constructor(read: Response, text: string, json: () => unknown) {
    super(null, read);
    this.#text = text;
    this.#json = json;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<unknown> {
    try {
      return Promise.resolve(this.#json());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override clone(): Response {
    return new ReadResponse(this, this.#text, this.#json);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.#text).buffer as ArrayBuffer);
  }
}
