import type { RouteHandler } from '@hono/zod-openapi';
import { checkSummaries } from '../../checks/index.js';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import { limitsFromOptions } from '../../summarize/limits-from-options.js';
import { prepareSourceText } from '../../summarize/prepare-article.js';
import type { createCheckRoute } from './checks.routes.js';

/** Editors check their own teaser, or another tool's summary, against the article: no model call. */
export function createCheckHandler(dependencies: {
  config: Config;
}): RouteHandler<typeof createCheckRoute, AppEnv> {
  const { limits } = dependencies.config;
  return async function checkSummary(context) {
    const request = context.req.valid('json');
    const checks = checkSummaries({
      source: prepareSourceText(request.text, limits),
      summaries: request.summaries,
      limits: limitsFromOptions(request.options),
    });
    return context.json({ checks }, 200);
  };
}
