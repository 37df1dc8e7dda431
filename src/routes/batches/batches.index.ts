import { createRouter } from '../../http/create-router.js';
import { limitBody } from '../../http/middleware/limit-body.js';
import { limitInFlight } from '../../http/middleware/limit-in-flight.js';
import {
  type BatchHandlerDependencies,
  createBatchHandler,
  createReadBatchHandler,
} from './batches.handlers.js';
import { BATCHES_PATH, createBatchRoute, readBatchRoute } from './batches.routes.js';

/** `POST /v1/batches` and `GET /v1/batches/{id}`: backfills through the Message Batches API. */
export function createBatchesRouter(dependencies: BatchHandlerDependencies) {
  const router = createRouter();
  // Bounded before the body is read: each submission in flight holds its whole body in memory.
  router.use(
    BATCHES_PATH,
    limitInFlight({
      max: dependencies.config.maxBatchesInFlight,
      kind: 'too-many-batches',
      what: 'batch submissions',
    }),
  );
  // A batch carries up to 1,000 articles: it has its own, larger limit.
  router.use(BATCHES_PATH, limitBody(dependencies.config.limits.maxBatchBodyBytes));
  return router
    .openapi(createBatchRoute, createBatchHandler(dependencies))
    .openapi(readBatchRoute, createReadBatchHandler(dependencies));
}
