import { createRoute, z } from '@hono/zod-openapi';

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Operations'],
  summary: 'Prometheus metrics',
  description:
    'Requests, latencies, tokens, estimated cost, cache, repairs, validation failures and queue depth, in the Prometheus text format. Needs no API key: restrict it at the network edge, or turn it off with BRIEF_METRICS_ENABLED=false.',
  responses: {
    200: {
      description: 'Every metric of this instance.',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});
