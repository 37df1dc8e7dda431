import { z } from '@hono/zod-openapi';
import { MAX_BATCH_ID_CHARS } from '../../batches/batch-id.js';
import { MAX_ARTICLE_ID_CHARS, MAX_BATCH_ARTICLES } from '../../batches/batch-limits.js';
import { problemDocumentSchema } from '../../http/problem-document.js';
import {
  languageSummaryResponseSchema,
  promptReferenceSchema,
  summaryOptionsSchema,
  summaryRequestSchema,
  usageSchema,
} from '../../summarize/summary-api-schemas.js';

export const batchArticleSchema = summaryRequestSchema
  .pick({ text: true, title: true, lead: true })
  .extend({
    article_id: z
      .string()
      .min(1)
      .max(MAX_ARTICLE_ID_CHARS)
      .describe('Your id for the article, unique in the batch; echoed back with its result.'),
  })
  .openapi('BatchArticle');

export const batchNinjsArticleSchema = z
  .strictObject({
    ninjs: z
      .record(z.string(), z.unknown())
      .describe(
        'An IPTC ninjs item of major version 1, 2 or 3, as POST /v1/summaries takes it with `Content-Type: application/ninjs+json`: its `uri` is the article id, its main headline the title, its HTML or plain-text body the article.',
      ),
  })
  .openapi('BatchNinjsArticle');

/** An article's id in the batch: its `article_id`, a ninjs item's `uri` (checked when the item is read). */
function idOf(article: z.infer<typeof batchArticleSchema> | z.infer<typeof batchNinjsArticleSchema>) {
  if ('ninjs' in article) {
    const { uri } = article.ninjs;
    return typeof uri === 'string' ? { id: uri, path: ['ninjs', 'uri'] } : undefined;
  }
  return { id: article.article_id, path: ['article_id'] };
}

export const batchRequestSchema = z
  .strictObject({
    articles: z
      .array(z.union([batchArticleSchema, batchNinjsArticleSchema]))
      .min(1)
      .max(MAX_BATCH_ARTICLES)
      .superRefine((articles, context) => {
        const firstIndex = new Map<string, { index: number; path: string[] }>();
        for (const [index, article] of articles.entries()) {
          const named = idOf(article);
          if (named === undefined) continue;
          const earlier = firstIndex.get(named.id);
          if (earlier === undefined) {
            firstIndex.set(named.id, { index, path: named.path });
          } else {
            context.addIssue({
              code: 'custom',
              path: [index, ...named.path],
              message: `must be unique in the batch: /articles/${earlier.index}/${earlier.path.join('/')} has the same id`,
            });
          }
        }
      })
      .describe(
        `1 to ${MAX_BATCH_ARTICLES} articles, each with its own article_id, or ninjs items (\`{ "ninjs": item }\`), each with its own uri; the two may be mixed.`,
      ),
    prompt_version: summaryRequestSchema.shape.prompt_version,
    options: summaryOptionsSchema.optional().describe('The same options for every article of the batch.'),
  })
  .openapi('BatchRequest');

const requestCountsSchema = z
  .object({
    processing: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    errored: z.number().int().nonnegative(),
    canceled: z.number().int().nonnegative(),
    expired: z.number().int().nonnegative(),
  })
  .describe('The model API’s own tallies; they move from processing only when the whole batch ends.');

export const batchStatusSchema = z
  .enum(['in_progress', 'canceling', 'ended'])
  .describe('The Message Batches API’s processing status.');

export const batchCreatedResponseSchema = z
  .object({
    batch_id: z.string().describe('Brief’s id for the batch: poll GET /v1/batches/{batch_id}.'),
    status: batchStatusSchema,
    article_count: z.number().int().positive(),
    prompt: promptReferenceSchema,
    created_at: z.string(),
    expires_at: z.string().describe('The model API ends the batch by then (24 hours) at the latest.'),
  })
  .openapi('BatchCreated');

export const batchItemMetaSchema = z
  .object({
    prompt: promptReferenceSchema,
    model: z.string(),
    mode: z.literal('live'),
    service_tier: z.literal('batch'),
    usage: usageSchema,
    cost_usd: z
      .number()
      .nonnegative()
      .nullable()
      .describe(
        'Estimated cost in USD at batch prices (half the list price); null for a model without a price.',
      ),
  })
  .openapi('BatchItemMeta');

const itemPosition = {
  index: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe('Position in the submitted articles; null only for an item Brief did not submit.'),
  article_id: z
    .string()
    .nullable()
    .describe('Null when the id was too long to travel with the item (see the README): match by index.'),
  custom_id: z.string().describe('The item’s custom_id at the Message Batches API.'),
};

export const batchItemSchema = z
  .discriminatedUnion('status', [
    z.object({
      ...itemPosition,
      status: z.literal('succeeded'),
      summaries: z.object({ en: languageSummaryResponseSchema, de: languageSummaryResponseSchema }),
      meta: batchItemMetaSchema,
    }),
    z.object({
      ...itemPosition,
      status: z.literal('failed'),
      error: problemDocumentSchema.describe('Why this article has no summary, as a problem document.'),
      meta: batchItemMetaSchema
        .nullable()
        .describe('Present when the model answered (and billed) but the answer cannot be used.'),
    }),
  ])
  .openapi('BatchItem');

export const batchResponseSchema = z
  .object({
    batch_id: z.string(),
    status: batchStatusSchema,
    article_count: z.number().int().positive(),
    prompt: promptReferenceSchema,
    request_counts: requestCountsSchema,
    created_at: z.string(),
    ended_at: z.string().nullable(),
    expires_at: z.string(),
    results: z
      .object({
        succeeded: z.number().int().nonnegative(),
        failed: z.number().int().nonnegative(),
        usage: usageSchema.describe('All items together.'),
        cost_usd: z.number().nonnegative().nullable(),
        items: z.array(batchItemSchema).describe('One per submitted article, in the order submitted.'),
      })
      .nullable()
      .describe('Null until the batch has ended.'),
  })
  .openapi('Batch');

export const batchIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(MAX_BATCH_ID_CHARS)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'batch_eyJ2IjoxLCJ1IjoibXNnYmF0Y2hfMDEi…' }),
});

export type BatchRequest = z.infer<typeof batchRequestSchema>;
export type BatchCreatedResponse = z.infer<typeof batchCreatedResponseSchema>;
export type BatchResponse = z.infer<typeof batchResponseSchema>;
export type BatchItem = z.infer<typeof batchItemSchema>;
