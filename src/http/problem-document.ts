import { z } from '@hono/zod-openapi';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem `type` URIs are relative to the service: `/problems/<code>` (documented in the README). */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** RFC 9457 problem details, with Brief's extension members. */
export const problemDocumentSchema = z
  .object({
    type: z.string().meta({ example: '/problems/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string(),
    trace_id: z.string().optional().describe('The trace of this request, when Brief exports traces.'),
    errors: z
      .array(z.object({ pointer: z.string(), detail: z.string() }))
      .optional()
      .describe('Validation problems, each with a JSON Pointer to the offending member.'),
  })
  .catchall(z.unknown())
  .openapi('Problem');

export type ProblemDocument = z.infer<typeof problemDocumentSchema>;
