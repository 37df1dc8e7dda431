import { createRouter } from '../../http/create-router.js';
import { limitBody } from '../../http/middleware/limit-body.js';
import type { AnswerSummaryRequestDependencies } from '../../summarize/answer-summary-request.js';
import { createSummaryHandler } from './summaries.handlers.js';
import { createSummaryRoute, SUMMARIES_PATH } from './summaries.routes.js';

/** `POST /v1/summaries`: one article through the pipeline. */
export function createSummariesRouter(dependencies: AnswerSummaryRequestDependencies) {
  const router = createRouter();
  router.use(SUMMARIES_PATH, limitBody(dependencies.config.limits.maxBodyBytes));
  return router.openapi(createSummaryRoute, createSummaryHandler(dependencies));
}
