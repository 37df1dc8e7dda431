import { CHECK_INPUT_LIMITS } from '../../checks/summary-input-schema.js';
import type { Config } from '../../config/env.js';
import { createRouter } from '../../http/create-router.js';
import { limitBody } from '../../http/middleware/limit-body.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import { createCheckHandler } from './checks.handlers.js';
import { CHECKS_PATH, createCheckRoute } from './checks.routes.js';

/** UTF-8 needs at most three bytes for a UTF-16 code unit: the most a valid character costs. */
const MAX_BYTES_PER_CHAR = 3;
/** Room for the JSON around the strings: keys, quotes, options. */
const ENVELOPE_BYTES = 16_384;

/**
 * The largest body a valid check request can have: the source text and two summaries at the input
 * limits. Far smaller than the summaries' body limit, so a body of many tiny items is refused before
 * its JSON is parsed and validated on the event loop.
 */
export function checksBodyLimit(limits: Pick<Config['limits'], 'maxTextChars' | 'maxBodyBytes'>): number {
  const { headlineMaxChars, summaryMaxChars, keyPointsMax, keyPointMaxChars, evidenceMaxChars } =
    CHECK_INPUT_LIMITS;
  const summaryChars =
    headlineMaxChars + summaryMaxChars + keyPointsMax * (keyPointMaxChars + evidenceMaxChars);
  const validBytes = (limits.maxTextChars + 2 * summaryChars) * MAX_BYTES_PER_CHAR + ENVELOPE_BYTES;
  return Math.min(limits.maxBodyBytes, validBytes);
}

/** `POST /v1/checks`: the fact checks alone, no model call. */
export function createChecksRouter(dependencies: {
  config: Config;
  cpuTasks: Pick<CpuTasks, 'checkSummaries'>;
}) {
  const router = createRouter();
  router.use(CHECKS_PATH, limitBody(checksBodyLimit(dependencies.config.limits)));
  return router.openapi(createCheckRoute, createCheckHandler(dependencies));
}
