import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import {
  type AnswerSummaryRequestDependencies,
  answerSummaryRequest,
} from '../../summarize/answer-summary-request.js';
import type { SummaryRequest } from '../../summarize/summary-api-schemas.js';
import { readArticleRequest } from './read-article-request.js';
import type { createSummaryRoute } from './summaries.routes.js';

export function createSummaryHandler(
  dependencies: AnswerSummaryRequestDependencies,
): RouteHandler<typeof createSummaryRoute, AppEnv> {
  return async function createSummary(context) {
    // The route documents text/plain too, so the inferred type includes string; only JSON is validated.
    const request = await readArticleRequest(
      context,
      context.req.valid('json') as SummaryRequest | undefined,
    );
    const response = await answerSummaryRequest(dependencies, request, {
      requestId: context.get('requestId'),
      signal: context.req.raw.signal,
      logger: context.get('logger'),
      key: callerKey(context),
      onEvent: (event) => {
        if (event.type === 'prompt') {
          context.set('promptVersion', event.prompt.version);
        } else if (event.type === 'result') {
          const { model, attempts, usage } = event.result;
          context.set('summary', { model, attempts, usage });
        }
      },
    });
    return context.json(response, 200);
  };
}
