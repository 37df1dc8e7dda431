import { createRoute, z } from '@hono/zod-openapi';
import { acceptContentTypes } from '../../http/accept-content-types.js';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';
import { summaryRequestSchema, summaryResponseSchema } from '../../summarize/summary-api-schemas.js';
import { ACCEPTED_CONTENT_TYPES } from './read-article-request.js';

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
});

export const SUMMARIES_PATH = '/v1/summaries';

export const createSummaryRoute = createRoute({
  method: 'post',
  path: SUMMARIES_PATH,
  tags: ['Summaries'],
  summary: 'Summarize a German article in English and German',
  middleware: [acceptContentTypes(ACCEPTED_CONTENT_TYPES)] as const,
  request: {
    body: {
      required: false,
      description: 'The article as JSON, as bare text (text/plain), or as HTML (text/html).',
      content: {
        'application/json': { schema: summaryRequestSchema },
        'text/plain': { schema: z.string().describe('The article text.') },
        'text/html': { schema: z.string().describe('An article page or CMS body; converted to text.') },
      },
    },
  },
  responses: {
    200: {
      description: 'Both summaries, validated.',
      content: { 'application/json': { schema: summaryResponseSchema } },
    },
    400: problem('Malformed JSON.'),
    401: problem('Missing or unknown API key.'),
    413: problem('Body or text over the limit.'),
    415: problem('Unsupported content type.'),
    422: problem('Invalid request: empty or too short text, unknown fields, unknown prompt version.'),
    429: problem('Rate limit for this API key exceeded.'),
    502: problem('The model output was invalid after repair, refused or truncated, or upstream failed.'),
    503: problem(
      'Upstream rate limited or overloaded, queue full, no recording in replay mode, or this instance is shutting down.',
    ),
    504: problem('The request deadline passed.'),
  },
});
