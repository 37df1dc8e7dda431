import { createRoute, z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Operations'],
  summary: 'Prometheus metrics',
  description:
    'Requests, latencies, tokens, estimated cost, cache, repairs, validation failures and queue depth, in the Prometheus text format. Needs an API key (any valid one) when the instance has keys. With BRIEF_METRICS_PORT set it is served on that port only, without a key; BRIEF_METRICS_ENABLED=false turns it off.',
  responses: {
    200: {
      description: 'Every metric of this instance.',
      content: { 'text/plain': { schema: z.string() } },
    },
    401: {
      description: 'The instance has API keys and none (or a wrong one) was sent.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
    },
  },
});
