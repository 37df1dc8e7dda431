import {
  clientProblem,
  readSummaryOutcome,
  readSummaryStream,
  type SummaryClient,
} from './summary-client.js';

export interface RemoteClientOptions {
  /** The service's base URL, e.g. `https://brief.example.org` (a path prefix is kept). */
  url: string;
  apiKey: string | undefined;
  fetch?: typeof fetch;
}

/** A running Brief service over HTTP. */
export function createRemoteClient(options: RemoteClientOptions): SummaryClient {
  const endpoint = new URL('v1/summaries', options.url.endsWith('/') ? options.url : `${options.url}/`);
  const send = options.fetch ?? globalThis.fetch;
  return {
    async summarize(request, summarizeOptions = {}) {
      const { onProgress } = summarizeOptions;
      let response: Response;
      try {
        response = await send(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(onProgress ? { accept: 'text/event-stream, application/problem+json' } : {}),
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(request),
        });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        return {
          ok: false,
          // No HTTP status: nothing answered.
          problem: clientProblem(
            0,
            'The service could not be reached',
            `No answer from ${endpoint.origin}: ${cause instanceof Error ? cause.message : String(cause)}.`,
          ),
        };
      }
      const streamed = onProgress && response.headers.get('content-type')?.startsWith('text/event-stream');
      return streamed ? readSummaryStream(response, onProgress) : readSummaryOutcome(response);
    },
    close: async () => {},
  };
}
