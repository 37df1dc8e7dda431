import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { createBrief } from '../create-brief.js';
import { readSummaryOutcome, type SummaryClient } from './summary-client.js';

/**
 * Brief in this process: the same app, summarizer, cache and recordings as the server, asked through
 * `app.request` so every check and every problem is the server's. No network boundary, so no API keys,
 * rate limits or metrics.
 */
export function createInProcessClient(config: Config, options: { logger: Logger }): SummaryClient {
  const brief = createBrief(
    {
      ...config,
      auth: { ...config.auth, disabled: true },
      rateLimitPerMinute: 0,
      metricsEnabled: false,
    },
    { logger: options.logger },
  );
  return {
    async summarize(request) {
      const response = await brief.app.request('/v1/summaries', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return readSummaryOutcome(response);
    },
    close: () => brief.close(),
  };
}
