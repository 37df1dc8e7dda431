import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import {
  type AnswerSummaryRequestDependencies,
  answerSummaryRequest,
} from '../../summarize/answer-summary-request.js';
import type { SummaryRequest } from '../../summarize/summary-api-schemas.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import { readArticleRequest } from './read-article-request.js';
import type { createSummaryRoute } from './summaries.routes.js';

export function createSummaryHandler(
  dependencies: AnswerSummaryRequestDependencies & { cpuTasks: Pick<CpuTasks, 'htmlToArticleText'> },
): RouteHandler<typeof createSummaryRoute, AppEnv> {
  return async function createSummary(context) {
    // The route documents text/plain too, so the inferred type includes string; only JSON is validated.
    const request = await readArticleRequest(
      context,
      context.req.valid('json') as SummaryRequest | undefined,
      dependencies.cpuTasks,
    );
    const response = await answerSummaryRequest(dependencies, request, {
      requestId: context.get('requestId'),
      signal: context.req.raw.signal,
      logger: context.get('logger'),
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
