import { createRoute, z } from '@hono/zod-openapi';
import { checkReportSchema, summaryInputSchema } from '../../checks/index.js';
import { acceptContentTypes } from '../../http/accept-content-types.js';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';
import { summaryOptionsSchema } from '../../summarize/summary-api-schemas.js';

export const checkRequestSchema = z
  .strictObject({
    text: z.string().describe('The German source article.'),
    summaries: z
      .strictObject({
        en: summaryInputSchema.optional(),
        de: summaryInputSchema.optional(),
      })
      .refine((summaries) => summaries.en !== undefined || summaries.de !== undefined, {
        message: 'at least one of en and de is required',
      })
      .describe('Summaries in the response shape; key points as strings or as { text, evidence } objects.'),
    options: summaryOptionsSchema
      .optional()
      .describe('The field limits the summaries must meet (default: the API defaults).'),
  })
  .openapi('CheckRequest');

export const checkResponseSchema = z
  // Rebuilt here: schemas made before @hono/zod-openapi loaded have no `.openapi()` (zod 4 adds methods per instance).
  .object({ checks: z.object(checkReportSchema.shape).openapi('CheckReport') })
  .openapi('CheckResponse');

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
});

export const CHECKS_PATH = '/v1/checks';

export const createCheckRoute = createRoute({
  method: 'post',
  path: CHECKS_PATH,
  tags: ['Checks'],
  summary: 'Fact-check summaries people wrote against their source, without calling the model',
  middleware: [acceptContentTypes(['application/json'])] as const,
  request: { body: { required: true, content: { 'application/json': { schema: checkRequestSchema } } } },
  responses: {
    200: {
      description: 'The check report.',
      content: { 'application/json': { schema: checkResponseSchema } },
    },
    400: problem('Malformed JSON.'),
    401: problem('Missing or unknown API key.'),
    413: problem('Body or text over the limit.'),
    415: problem('Unsupported content type.'),
    422: problem('Invalid request.'),
    429: problem('Rate limit for this API key exceeded.'),
    503: problem('The instance is shutting down.'),
  },
});
