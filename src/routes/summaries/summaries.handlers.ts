import type { RouteHandler } from '@hono/zod-openapi';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import { wantsNinjs } from '../../ninjs/wants-ninjs.js';
import { answerSummaryRequest } from '../../summarize/answer-summary-request.js';
import type { SummaryRequest } from '../../summarize/summary-api-schemas.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import { readArticleRequest } from './read-article-request.js';
import { recordPipelineEvents } from './record-pipeline-events.js';
import { respondWithNinjs } from './respond-with-ninjs.js';
import { type StreamSummaryDependencies, streamSummary } from './stream-summary.js';
import type { createSummaryRoute } from './summaries.routes.js';
import { EVENT_STREAM_TYPE } from './summary-stream-events.js';

export interface SummaryHandlerDependencies extends StreamSummaryDependencies {
  config: StreamSummaryDependencies['config'] & Pick<Config, 'ninjsAiInfo'>;
  /** HTML is read, and a language that is not clearly German named, off the event loop. */
  cpuTasks: Pick<CpuTasks, 'htmlToArticleText' | 'nameLanguage'>;
}

export function createSummaryHandler(
  dependencies: SummaryHandlerDependencies,
): RouteHandler<typeof createSummaryRoute, AppEnv> {
  return async function createSummary(context) {
    // The route documents text/plain and ninjs too, so no JSON type is inferred; only JSON is validated.
    const json = context.req.valid('json' as never) as SummaryRequest | undefined;
    const request = await readArticleRequest(context, json, dependencies.cpuTasks);
    const onEvent = recordPipelineEvents(context);
    if (context.req.header('accept')?.includes(EVENT_STREAM_TYPE)) {
      return streamSummary(context, dependencies, request, onEvent);
    }
    const response = await answerSummaryRequest(dependencies, request, {
      requestId: context.get('requestId'),
      signal: context.req.raw.signal,
      logger: context.get('logger'),
      key: callerKey(context),
      onEvent,
    });
    if (wantsNinjs(context.req.header('accept'), context.req.query('format'))) {
      return respondWithNinjs(context, response, dependencies.config.ninjsAiInfo);
    }
    return context.json(response, 200);
  };
}
