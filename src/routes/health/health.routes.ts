import { createRoute, z } from '@hono/zod-openapi';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness: the process is up',
  responses: {
    200: {
      description: 'The service is up.',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});
