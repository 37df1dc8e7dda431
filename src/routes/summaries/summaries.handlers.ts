import type { RouteHandler } from '@hono/zod-openapi';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import { callerKey } from '../../http/caller-key.js';
import { buildNinjsAnswer } from '../../ninjs/build-ninjs-answer.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { wantsNinjs } from '../../ninjs/wants-ninjs.js';
import {
  type AnswerSummaryRequestOptions,
  answerSummaryRequest,
} from '../../summarize/answer-summary-request.js';
import type { SummaryRequest } from '../../summarize/summary-api-schemas.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import { readArticleRequest } from './read-article-request.js';
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
    const request = await readArticleRequest(
      context,
      context.req.valid('json' as never) as SummaryRequest | undefined,
      dependencies.cpuTasks,
    );
    const onEvent: AnswerSummaryRequestOptions['onEvent'] = (event) => {
      if (event.type === 'prompt') {
        context.set('promptVersion', event.prompt.version);
      } else if (event.type === 'result') {
        const { model, attempts, usage } = event.result;
        context.set('summary', { model, attempts, usage });
      }
    };
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
      const answer = buildNinjsAnswer({
        source: context.get('ninjs'),
        summaries: response.summaries,
        articleId: response.article_id,
        requestId: response.meta.request_id,
        model: response.meta.model,
        prompt: response.meta.prompt,
        aiInfo: dependencies.config.ninjsAiInfo,
      });
      return context.json(answer as { uri: string }, 200, { 'Content-Type': NINJS_MEDIA_TYPE });
    }
    return context.json(response, 200);
  };
}
