/**
 * Records Brief's answer to the seed article (replayed from its cassette, no network) as the example
 * in the OpenAPI document. Run it again when the response shape changes; test/openapi.test.ts says when.
 *
 *   npm run openapi-example
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createToolConfig, PROJECT_ROOT } from '../src/config/env.js';
import { createBrief } from '../src/create-brief.js';
import { createLogger } from '../src/logging/create-logger.js';
import {
  EXAMPLE_REQUEST_ID,
  readSeedArticle,
  SEED_EXAMPLE_FILE,
  SEED_SLUG,
  type SeedExampleFile,
  seedExampleFileSchema,
} from '../src/openapi/read-seed-example.js';

const samplesDirectory = path.join(PROJECT_ROOT, 'samples');
const config = createToolConfig({
  BRIEF_MODE: 'replay',
  BRIEF_CACHE_ENABLED: 'false',
  BRIEF_RATE_LIMIT_PER_MINUTE: '0',
});
const brief = createBrief(config, { logger: createLogger({ level: 'silent' }) });

const request: SeedExampleFile['request'] = {
  article_id: SEED_SLUG,
  prompt_version: config.defaultPromptVersion,
};
const response = await brief.app.request('/v1/summaries', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: readSeedArticle(samplesDirectory), ...request }),
});
const body = (await response.json()) as { meta?: { request_id?: string } };
if (response.status !== 200 || !body.meta) {
  throw new Error(`The seed article was answered with ${response.status}: ${JSON.stringify(body)}`);
}
body.meta.request_id = EXAMPLE_REQUEST_ID;
const example = seedExampleFileSchema.parse({ request, response: body });
const file = path.join(samplesDirectory, SEED_EXAMPLE_FILE);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(example, null, 2)}\n`);
await brief.close();
process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, file)}\n`);
