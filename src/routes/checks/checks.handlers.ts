import type { RouteHandler } from '@hono/zod-openapi';
import { checkSummaries } from '../../checks/index.js';
import type { Config } from '../../config/env.js';
import { PayloadTooLargeError, ValidationError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { limitsFromOptions } from '../../summarize/limits-from-options.js';
import { normalizeArticle } from '../../summarize/normalize-article.js';
import type { createCheckRoute } from './checks.routes.js';

/** Editors check their own teaser, or another tool's summary, against the article: no model call. */
export function createCheckHandler(dependencies: {
  config: Config;
}): RouteHandler<typeof createCheckRoute, AppEnv> {
  const { limits } = dependencies.config;
  return async function checkSummary(context) {
    const request = context.req.valid('json');
    const source = normalizeArticle(request.text);
    if (source.length === 0) {
      throw new ValidationError('The source text is empty.', [
        { pointer: '/text', detail: 'must not be empty or blank' },
      ]);
    }
    if (source.length > limits.maxTextChars) {
      throw new PayloadTooLargeError(
        `The source text has ${source.length} characters after normalisation; at most ${limits.maxTextChars} are accepted.`,
      );
    }
    const checks = checkSummaries({
      source,
      summaries: request.summaries,
      limits: limitsFromOptions(request.options),
    });
    return context.json({ checks }, 200);
  };
}
