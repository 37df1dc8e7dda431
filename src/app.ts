import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { Config } from './config/env.js';
import { NotFoundError, PayloadTooLargeError } from './errors/brief-error.js';
import type { AppEnv } from './http/app-env.js';
import { problemResponse } from './http/problem-response.js';
import { requestLogger } from './http/request-logger.js';
import { toBriefError } from './http/to-brief-error.js';
import { zodIssuesToValidationError } from './http/zod-issues-to-validation-error.js';
import type { PromptRegistry } from './prompts/prompt-registry.js';
import { healthRoute } from './routes/health/health.routes.js';
import { createListPromptsHandler } from './routes/prompts/prompts.handlers.js';
import { listPromptsRoute } from './routes/prompts/prompts.routes.js';
import { createSummaryHandler } from './routes/summaries/summaries.handlers.js';
import { createSummaryRoute } from './routes/summaries/summaries.routes.js';
import type { Summarizer } from './summarize/create-summarizer.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  prompts: PromptRegistry;
  summarizer: Summarizer;
}

/** The whole HTTP app, shared by the server and the tests. No I/O here: everything comes in. */
export function createApp(dependencies: AppDependencies) {
  const { config, logger, prompts, summarizer } = dependencies;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw zodIssuesToValidationError(result.error);
      }
    },
  });

  app.use(requestId());
  app.use(requestLogger({ logger, logContent: config.logContent }));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: config.limits.maxBodyBytes,
      onError: () => {
        throw new PayloadTooLargeError(
          `The request body is larger than ${config.limits.maxBodyBytes} bytes.`,
          {
            extensions: { max_body_bytes: config.limits.maxBodyBytes },
          },
        );
      },
    }),
  );

  app.openapi(healthRoute, (context) => context.json({ status: 'ok' as const }, 200));
  app.openapi(
    listPromptsRoute,
    createListPromptsHandler({ prompts, defaultVersion: config.defaultPromptVersion }),
  );
  app.openapi(createSummaryRoute, createSummaryHandler({ config, summarizer }));

  app.notFound((context) =>
    problemResponse(context, new NotFoundError(`No route for ${context.req.method} ${context.req.path}.`)),
  );
  app.onError((error, context) => {
    return problemResponse(context, toBriefError(error));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
