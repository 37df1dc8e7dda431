import { createRoute, z } from '@hono/zod-openapi';

export const readinessBodySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
  })
  .openapi('Readiness');

export const readinessRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness: prompts loaded, not shutting down, dependencies reachable',
  responses: {
    200: {
      description: 'Ready for traffic.',
      content: { 'application/json': { schema: readinessBodySchema } },
    },
    503: {
      description: 'Not ready: see the failing check.',
      content: { 'application/json': { schema: readinessBodySchema } },
    },
  },
});
