import { z } from '@hono/zod-openapi';
import { problemDocumentSchema } from '../../http/problem-document.js';
import { summaryMetaSchema, summaryResponseSchema } from '../../summarize/summary-api-schemas.js';

export const EVENT_STREAM_TYPE = 'text/event-stream';

const partialLanguageSummarySchema = z
  .object({
    headline: z.string(),
    summary: z.string(),
    key_points: z.array(
      z.union([z.string(), z.object({ text: z.string(), evidence: z.string() }).partial()]),
    ),
  })
  .partial()
  .describe('The fields received so far; the last string may be cut where the model stands.');

export const streamStartedSchema = z
  .object({
    request_id: z.string(),
    prompt: summaryMetaSchema.shape.prompt,
    model: z.string(),
    mode: summaryMetaSchema.shape.mode,
  })
  .openapi('StreamStarted');

export const streamPartialSchema = z
  .object({
    summaries: z.object({ en: partialLanguageSummarySchema, de: partialLanguageSummarySchema }).partial(),
    attempt: z
      .number()
      .int()
      .positive()
      .describe('The model call this text belongs to (1, 2 after a repair).'),
  })
  .openapi('StreamPartial');

export const streamRepairSchema = z
  .object({
    attempt: z.number().int().positive().describe('The model call that starts now.'),
    reason: z.enum(['invalid-output', 'checks-failed']),
    output_errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('invalid-output: where the answer broke the schema.'),
    failures: z.array(z.unknown()).optional().describe('checks-failed: the checks the answer failed.'),
  })
  .openapi('StreamRepair');

/** The documented shape of `text/event-stream` answers: each message is `event: <name>` and one JSON `data:` line. */
export const summaryStreamEventSchema = z
  .discriminatedUnion('event', [
    z.object({ event: z.literal('started'), data: streamStartedSchema }),
    z.object({ event: z.literal('partial'), data: streamPartialSchema }),
    z.object({ event: z.literal('repair'), data: streamRepairSchema }),
    z.object({ event: z.literal('result'), data: summaryResponseSchema }),
    z.object({ event: z.literal('error'), data: problemDocumentSchema }),
  ])
  .describe(
    'With `Accept: text/event-stream`: server-sent events. `started` once; `partial` as the summaries are written (at most one per 50 ms, one for each completed field); `repair` when a re-ask starts (drop what was shown); then exactly one `result` (the JSON answer) or `error` (a problem document), and the stream ends. A comment line every 15 s keeps the connection open. A cached answer sends `started` and `result` at once.',
  )
  .openapi('SummaryStreamEvent');

export type SummaryStreamEvent = z.infer<typeof summaryStreamEventSchema>;
export type StreamStarted = z.infer<typeof streamStartedSchema>;
export type StreamPartial = z.infer<typeof streamPartialSchema>;
