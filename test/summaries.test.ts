import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { readSamples } from '../src/samples/read-samples.js';
import { summaryResponseSchema } from '../src/summarize/summary-api-schemas.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';

const samples = readSamples(path.join(PROJECT_ROOT, 'samples'));

function authoredOutput(slug: string, prompt: string) {
  const file = path.join(PROJECT_ROOT, 'samples', 'authored', `${slug}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { en: unknown; de: unknown }>)[prompt];
}

describe('POST /v1/summaries replays the recorded samples through the real SDK', () => {
  const { app, prompts } = createTestBrief();
  const v1 = prompts.get('summarize', 'v1');

  it('has the seed article and at least three articles written for the project', () => {
    expect(samples.map((sample) => sample.slug)).toEqual(
      expect.arrayContaining(['seed-article', 'short-notice', 'long-figures', 'awkward-input']),
    );
    const seed = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'));
    expect(seed.subarray(0, 13).toString()).toBe(' date 2024-06');
  });

  for (const sample of samples) {
    it(`summarizes ${path.basename(sample.file)} in English and German`, async () => {
      const response = await app.request('/v1/summaries', {
        method: 'POST',
        headers: {
          'content-type': sample.format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
        },
        body: sample.raw,
      });
      expect(response.status).toBe(200);
      const body = summaryResponseSchema.parse(await response.json());
      expect(body.summaries).toEqual(authoredOutput(sample.slug, 'summarize@v1'));
      expect(body.article_id).toBeNull();
      expect(body.meta).toMatchObject({
        prompt: { name: 'summarize', version: 'v1', sha256: v1?.sha256 },
        model: v1?.model,
        mode: 'replay',
        attempts: 1,
        request_id: response.headers.get('x-request-id'),
      });
      expect(body.meta.usage.input_tokens).toBeGreaterThan(500);
      expect(body.meta.usage.output_tokens).toBeGreaterThan(100);
    });
  }

  it('gives the same summary for the seed article sent as JSON, with its article id echoed', async () => {
    const seed = samples.find((sample) => sample.slug === 'seed-article');
    const response = await postJson(app, { text: seed?.raw, article_id: 'a-123', prompt_version: 'v1' });
    expect(response.status).toBe(200);
    const body = summaryResponseSchema.parse(await response.json());
    expect(body.article_id).toBe('a-123');
    expect(body.summaries.de.headline).toBe(
      (authoredOutput('seed-article', 'summarize@v1') as { de: { headline: string } }).de.headline,
    );
    expect(body.summaries.en.key_points.length).toBeGreaterThanOrEqual(3);
  });

  it('replays the same recording whatever the line endings and spacing of the input', async () => {
    const seed = samples.find((sample) => sample.slug === 'seed-article');
    const messy = `\uFEFF${seed?.raw.replaceAll('\n', '\r\n').replaceAll(' ', '  ')}\u0007`;
    const response = await postJson(app, { text: messy });
    expect(response.status).toBe(200);
  });
});

describe('GET /v1/prompts and /healthz', () => {
  const { app } = createTestBrief();

  it('lists every prompt version with its hash, model and the default', async () => {
    const response = await app.request('/v1/prompts');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { prompts: Array<Record<string, unknown>> };
    const v1 = body.prompts.find((prompt) => prompt.version === 'v1');
    expect(v1).toMatchObject({
      name: 'summarize',
      default: true,
      released: true,
      model: 'claude-sonnet-4-6',
    });
    expect(v1?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.prompts.filter((prompt) => prompt.default)).toHaveLength(1);
  });

  it('answers /healthz with 200', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
