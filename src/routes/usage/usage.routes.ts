import { createRoute } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';
import { usageQuerySchema, usageReportSchema } from './usage.schemas.js';

export const USAGE_PATH = '/v1/usage';

export const readUsageRoute = createRoute({
  method: 'get',
  path: USAGE_PATH,
  tags: ['Usage'],
  summary: "The calling key's usage and cost per day or month",
  request: { query: usageQuerySchema },
  responses: {
    200: {
      description: 'Totals over the range, and each day (or month) that has usage.',
      content: { 'application/json': { schema: usageReportSchema } },
    },
    422: {
      description: 'A date that is not YYYY-MM-DD, a range backwards or longer than 366 days.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
    },
  },
});
