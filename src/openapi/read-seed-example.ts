import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { summaryResponseSchema } from '../summarize/summary-api-schemas.js';
import type { OperationExample } from './add-examples.js';

export const SEED_SLUG = 'seed-article';
/** Brief's recorded answer to the seed article, relative to `samples/`; written by `npm run openapi-example`. */
export const SEED_EXAMPLE_FILE = path.join('openapi', `${SEED_SLUG}.response.json`);
/** What the example's `meta.request_id` shows; a real answer carries its own. */
export const EXAMPLE_REQUEST_ID = '36a2c4d7-bcbe-4e8f-96f0-229393349f50';

export const seedExampleFileSchema = z.strictObject({
  /** The JSON request's members besides `text`, which is the seed article as stored. */
  request: z.strictObject({ article_id: z.string(), prompt_version: z.string() }),
  response: summaryResponseSchema,
});
export type SeedExampleFile = z.infer<typeof seedExampleFileSchema>;

export function readSeedArticle(samplesDirectory: string): string {
  return readFileSync(path.join(samplesDirectory, `${SEED_SLUG}.de.txt`), 'utf8');
}

/**
 * The seed article as a request to `POST /v1/summaries`, and Brief's recorded answer to it. Throws when
 * the recording no longer fits the response schema: then it is time to write it again.
 */
export function readSeedExample(samplesDirectory: string): OperationExample {
  const text = readSeedArticle(samplesDirectory);
  const stored = seedExampleFileSchema.parse(
    JSON.parse(readFileSync(path.join(samplesDirectory, SEED_EXAMPLE_FILE), 'utf8')),
  );
  return {
    method: 'post',
    path: '/v1/summaries',
    name: 'seed',
    summary: `The seed article (samples/${SEED_SLUG}.de.txt) and Brief's answer`,
    requests: { 'application/json': { text, ...stored.request }, 'text/plain': text },
    responses: { 200: stored.response },
  };
}
