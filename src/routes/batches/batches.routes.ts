import { createRoute } from '@hono/zod-openapi';
import { acceptContentTypes } from '../../http/accept-content-types.js';
import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '../../http/problem-document.js';
import {
  batchCreatedResponseSchema,
  batchIdParamsSchema,
  batchRequestSchema,
  batchResponseSchema,
} from './batches.schemas.js';

export const BATCHES_PATH = '/v1/batches';

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
});

export const createBatchRoute = createRoute({
  method: 'post',
  path: BATCHES_PATH,
  tags: ['Batches'],
  summary:
    'Submit up to 1,000 articles or IPTC ninjs items as one batch (half price, results within 24 hours)',
  middleware: [acceptContentTypes(['application/json'])] as const,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: batchRequestSchema } },
    },
  },
  responses: {
    202: {
      description: 'Submitted. Poll the Location header until the batch has ended.',
      headers: {
        Location: {
          description: 'Where the batch reports progress and results.',
          schema: { type: 'string' },
        },
      },
      content: { 'application/json': { schema: batchCreatedResponseSchema } },
    },
    400: problem('Malformed JSON.'),
    413: problem('The body is larger than BRIEF_MAX_BATCH_BODY_BYTES.'),
    415: problem('Not JSON.'),
    429: problem(
      'The API key lacks a rate-limit point per article (`/problems/rate-limited`, with Retry-After unless the batch is larger than the whole budget).',
    ),
    422: problem(
      'Invalid batch: no articles or too many, duplicate article ids (or ninjs uris), an article too short, too long or not German (each with its pointer), a ninjs item that is malformed, not German, without a text body or with HTML too deep or too large (pointers under `/articles/{index}/ninjs`), unknown prompt version.',
    ),
    502: problem('The model API rejected or failed the submission.'),
    503: problem(
      'Not in live mode (`/problems/batches-need-live-mode`), BRIEF_MAX_BATCHES_IN_FLIGHT submissions already in progress (`/problems/too-many-batches`, with Retry-After), or the model API is unavailable.',
    ),
    504: problem('The model API did not answer in time.'),
  },
});

export const readBatchRoute = createRoute({
  method: 'get',
  path: `${BATCHES_PATH}/{id}`,
  tags: ['Batches'],
  summary: 'Progress of a batch and, once it has ended, every article’s summaries or problem',
  request: { params: batchIdParamsSchema },
  responses: {
    200: {
      description: 'Progress; with `results` (one item per article, in order) once the batch has ended.',
      content: { 'application/json': { schema: batchResponseSchema } },
    },
    404: problem('Not a batch id Brief made (or altered), an unknown batch, or results archived.'),
    422: problem('The id is longer than any batch id.'),
    502: problem('The model API failed.'),
    503: problem('Not in live mode (`/problems/batches-need-live-mode`), or the model API is unavailable.'),
    504: problem('The model API did not answer in time.'),
  },
});
