import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { createBrief } from '../create-brief.js';
import { toProblemDocument } from '../http/problem-response.js';
import { toBriefError } from '../http/to-brief-error.js';
import { zodIssuesToValidationError } from '../http/zod-issues-to-validation-error.js';
import { answerSummaryRequest } from '../summarize/answer-summary-request.js';
import type { AnswerEvent } from '../summarize/create-summarizer.js';
import type { PipelineEvent } from '../summarize/summarize-article.js';
import { summaryRequestSchema } from '../summarize/summary-api-schemas.js';
import type { SummaryClient } from './summary-client.js';

/**
 * Brief in this process: the same pipeline, summarizer, cache and recordings as the server, called
 * directly, so every check and every problem is the server's. No network boundary, so no API keys,
 * rate limits or metrics.
 */
export function createInProcessClient(config: Config, options: { logger: Logger }): SummaryClient {
  const { logger } = options;
  // No HTTP in between: no API keys, rate limits or metrics to set up.
  const brief = createBrief(
    { ...config, auth: { ...config.auth, disabled: true }, rateLimitPerMinute: 0, metricsEnabled: false },
    { logger },
  );
  const dependencies = {
    config,
    summarizer: brief.summarizer,
    costEstimator: brief.costEstimator,
    cpuTasks: brief.cpuTasks,
  };
  return {
    async summarize(request, summarizeOptions = {}) {
      const { onProgress } = summarizeOptions;
      const requestId = randomUUID();
      try {
        const parsed = summaryRequestSchema.safeParse(request);
        if (!parsed.success) {
          throw zodIssuesToValidationError(parsed.error);
        }
        const response = await answerSummaryRequest(dependencies, parsed.data, {
          requestId,
          logger,
          ...(onProgress && {
            onEvent: (event: PipelineEvent) => {
              if (event.type === 'repair') {
                onProgress({ type: 'repair', attempt: event.attempt, reason: event.reason });
              }
            },
            onAnswer: (event: AnswerEvent) => {
              if (event.type === 'partial' && typeof event.output === 'object' && event.output !== null) {
                onProgress({
                  type: 'partial',
                  attempt: event.attempt,
                  summaries: event.output as Record<string, unknown>,
                });
              }
            },
          }),
        });
        return { ok: true, response };
      } catch (error) {
        const problem = toBriefError(error);
        if (problem.status >= 500 && problem.code === 'internal-error') {
          logger.error({ err: error, request_id: requestId }, 'summary failed');
        }
        return { ok: false, problem: toProblemDocument(problem, requestId) };
      }
    },
    close: () => brief.close(),
  };
}
