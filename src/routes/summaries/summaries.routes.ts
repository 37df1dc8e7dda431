import { createRoute, z } from '@hono/zod-openapi';
import { acceptContentTypes } from '../../http/accept-content-types.js';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';
import { NINJS_MEDIA_TYPE } from '../../ninjs/ninjs-media-type.js';
import { NINJS_REQUEST_JSON_SCHEMA } from '../../ninjs/ninjs-request-json-schema.js';
import { NINJS_FORMAT } from '../../ninjs/wants-ninjs.js';
import {
  ninjsAnswerSchema,
  summaryRequestSchema,
  summaryResponseSchema,
} from '../../summarize/summary-api-schemas.js';
import { ACCEPTED_CONTENT_TYPES } from './read-article-request.js';
import { EVENT_STREAM_TYPE, summaryStreamEventSchema } from './summary-stream-events.js';

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
    query: z.object({
      format: z
        .enum(['json', NINJS_FORMAT])
        .optional()
        .describe('`ninjs`: answer with a ninjs item, as `Accept: application/ninjs+json` does.'),
    }),
    body: {
      required: false,
      description:
        'The article as JSON, as bare text (text/plain), as HTML (text/html), or as an IPTC ninjs item (application/ninjs+json).',
      content: {
        'application/json': { schema: summaryRequestSchema },
        'text/plain': { schema: z.string().describe('The article text.') },
        'text/html': { schema: z.string().describe('An article page or CMS body; converted to text.') },
        [NINJS_MEDIA_TYPE]: { schema: NINJS_REQUEST_JSON_SCHEMA },
      },
    },
  },
  responses: {
    200: {
      description:
        'Both summaries, validated. With `Accept: application/ninjs+json` or `?format=ninjs`: a ninjs item of the version of the ninjs item sent (3.x for other input) with the summaries added and labelled as machine-generated.',
      content: {
        'application/json': { schema: summaryResponseSchema },
        [NINJS_MEDIA_TYPE]: { schema: ninjsAnswerSchema },
        [EVENT_STREAM_TYPE]: { schema: summaryStreamEventSchema },
      },
    },
    400: problem('Malformed JSON.'),
    401: problem('Missing or unknown API key.'),
    413: problem('Body or text over the limit.'),
    415: problem('Unsupported content type.'),
    422: problem(
      'Invalid request: empty or too short text, unknown fields, unknown prompt version; a ninjs item that is malformed, not German or without a text body.',
    ),
    429: problem('Rate limit for this API key exceeded.'),
    502: problem('The model output was invalid after repair, refused or truncated, or upstream failed.'),
    503: problem(
      'Upstream rate limited or overloaded, queue full, no recording in replay mode, or this instance is shutting down.',
    ),
    504: problem('The request deadline passed.'),
  },
});
