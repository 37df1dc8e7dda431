import { mediaTypeOf } from '../../http/accept-content-types.js';
import { createRouter } from '../../http/create-router.js';
import { limitBody } from '../../http/middleware/limit-body.js';
import { readNinjsBody } from '../../http/middleware/read-ninjs-body.js';
import { createSummaryHandler, type SummaryHandlerDependencies } from './summaries.handlers.js';
import { createSummaryRoute, SUMMARIES_PATH } from './summaries.routes.js';

/** `POST /v1/summaries`: one article through the pipeline. */
export function createSummariesRouter(dependencies: SummaryHandlerDependencies) {
  const router = createRouter();
  const { limits } = dependencies.config;
  const bodyLimit = limitBody(limits.maxBodyBytes);
  // HTML costs more to read than text of the same size: it has its own, smaller limit.
  const htmlBodyLimit = limitBody(limits.maxHtmlBodyBytes, 'HTML body');
  router.use(SUMMARIES_PATH, (context, next) =>
    (mediaTypeOf(context.req.header('content-type')) === 'text/html' ? htmlBodyLimit : bodyLimit)(
      context,
      next,
    ),
  );
  // Before the route's JSON validator: a ninjs item becomes the article request it validates.
  router.use(
    SUMMARIES_PATH,
    readNinjsBody({ cpuTasks: dependencies.cpuTasks, maxHtmlBodyBytes: limits.maxHtmlBodyBytes }),
  );
  return router.openapi(createSummaryRoute, createSummaryHandler(dependencies));
}
