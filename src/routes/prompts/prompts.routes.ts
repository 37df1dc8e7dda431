import { createRoute, z } from '@hono/zod-openapi';

export const promptVersionSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    sha256: z.string(),
    model: z.string(),
    max_tokens: z.number().int(),
    evidence: z.boolean().describe('Whether key points carry verified evidence.'),
    description: z.string(),
    released: z.boolean().describe('Pinned in prompts.lock.json: immutable.'),
    default: z.boolean(),
  })
  .openapi('PromptVersion');

export const listPromptsRoute = createRoute({
  method: 'get',
  path: '/v1/prompts',
  tags: ['Prompts'],
  summary: 'List every prompt version',
  responses: {
    200: {
      description: 'Every prompt version Brief can use.',
      content: { 'application/json': { schema: z.object({ prompts: z.array(promptVersionSchema) }) } },
    },
  },
});
