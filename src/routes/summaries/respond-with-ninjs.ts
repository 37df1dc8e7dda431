import type { Context } from 'hono';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import { buildNinjsAnswer } from '../../ninjs/build-ninjs-answer.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import type { SummaryResponse } from '../../summarize/summary-api-schemas.js';

/**
 * The summary as a ninjs item (`Accept: application/ninjs+json` or `?format=ninjs`): the posted
 * item with the summaries added, or a new 3.x item for plain input (docs/ninjs.md).
 */
export function respondWithNinjs(
  context: Context<AppEnv>,
  response: SummaryResponse,
  aiInfo: Config['ninjsAiInfo'],
): Response {
  const answer = buildNinjsAnswer({
    source: context.get('ninjs'),
    summaries: response.summaries,
    articleId: response.article_id,
    requestId: response.meta.request_id,
    model: response.meta.model,
    prompt: response.meta.prompt,
    aiInfo,
  });
  return context.json(answer, 200, { 'Content-Type': NINJS_MEDIA_TYPE });
}
