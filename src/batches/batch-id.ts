import { z } from 'zod';
import type { SummaryOptions } from '../summarize/limits-from-options.js';
import { summaryOptionsSchema } from '../summarize/summary-api-schemas.js';
import { MAX_BATCH_ARTICLES } from './batch-limits.js';

const BATCH_ID_PREFIX = 'batch_';
const BATCH_ID_VERSION = 1;
/** Far above any id Brief makes (about 150 characters with every option set). */
export const MAX_BATCH_ID_CHARS = 1_024;
const PAYLOAD_PATTERN = /^[A-Za-z0-9_-]+$/;

/** What Brief needs to rebuild a batch's answer; it travels in the batch id instead of a database. */
export interface BatchReference {
  /** The Message Batches API's id. */
  upstreamId: string;
  promptVersion: string;
  articleCount: number;
  options: SummaryOptions | undefined;
}

const payloadSchema = z.strictObject({
  v: z.literal(BATCH_ID_VERSION),
  u: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  p: z.string().regex(/^v\d+$/),
  n: z.number().int().min(1).max(MAX_BATCH_ARTICLES),
  o: summaryOptionsSchema.optional(),
});

/** `batch_` and base64url JSON: readable by anyone who decodes it, and it holds nothing secret. */
export function encodeBatchId(reference: BatchReference): string {
  const payload: z.input<typeof payloadSchema> = {
    v: BATCH_ID_VERSION,
    u: reference.upstreamId,
    p: reference.promptVersion,
    n: reference.articleCount,
    ...(reference.options === undefined ? {} : { o: reference.options }),
  };
  return `${BATCH_ID_PREFIX}${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
}

/** The reference in a batch id, or undefined when the id is not one Brief made (or was altered). */
export function decodeBatchId(batchId: string): BatchReference | undefined {
  if (batchId.length > MAX_BATCH_ID_CHARS || !batchId.startsWith(BATCH_ID_PREFIX)) {
    return undefined;
  }
  const encoded = batchId.slice(BATCH_ID_PREFIX.length);
  if (!PAYLOAD_PATTERN.test(encoded)) {
    return undefined;
  }
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.toString('base64url') !== encoded) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(value);
  if (!parsed.success) {
    return undefined;
  }
  return {
    upstreamId: parsed.data.u,
    promptVersion: parsed.data.p,
    articleCount: parsed.data.n,
    options: parsed.data.o,
  };
}
