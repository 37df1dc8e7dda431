import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeBatchId } from '../src/batches/batch-id.js';
import { parseCustomId, toCustomId } from '../src/batches/custom-id.js';
import { createBatchIdSigner } from '../src/batches/sign-batch-id.js';
import { DEFAULT_MAX_HTML_BODY_BYTES, PROJECT_ROOT } from '../src/config/env.js';
import { NINJS_MEDIA_TYPE } from '../src/ninjs/ninjs-media-type.js';
import {
  type BatchItem,
  batchCreatedResponseSchema,
  batchResponseSchema,
} from '../src/routes/batches/batches.schemas.js';
import { MAX_HTML_DEPTH } from '../src/summarize/check-html-nesting.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';

const read = (...parts: string[]) => readFileSync(path.join(PROJECT_ROOT, ...parts), 'utf8');
const SEED = read('samples', 'seed-article.de.txt');
const LONG = read('samples', 'long-figures.de.txt');
const AWKWARD = read('samples', 'awkward-input.de.txt');
const SHORT = 'Kurze Meldung: Der Bundestag tagt morgen in Berlin.';
const ENGLISH = read('test', 'fixtures', 'articles', 'english.en.txt');
const URL_ID = 'https://www.tagesschau.de/ausland/europa/putin-nordkorea-waffen-lieferungen-100.html';

let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi({ batchEndsOnRetrieve: 2 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const SIGNING_SECRET = 'test-signing-secret-of-at-least-32-characters';
/** Signs as the service does for requests without authentication (the anonymous key). */
const signed = (reference: Parameters<typeof encodeBatchId>[0]) =>
  createBatchIdSigner({ secret: SIGNING_SECRET }).sign(reference, 'anonymous');

const live = (env: Record<string, string> = {}) =>
  createTestBrief({
    env: liveEnv(fake, { BRIEF_SIGNING_SECRET: SIGNING_SECRET, ...env }),
  });

function postBatch(app: ReturnType<typeof live>['app'], body: unknown) {
  return app.request('/v1/batches', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as {
    type: string;
    detail: string;
    errors?: Array<{ pointer: string; detail: string }>;
  };
}

const germanArticle = (index: number) => ({ article_id: `a${index}`, text: SEED });

describe('POST /v1/batches → GET /v1/batches/{id}', () => {
  it('submits, reports progress, then returns every article’s summaries or its problem in order', async () => {
    const { app, prompts } = live();
    fake.batchItemFaults.set('1-notice-errored', 'errored');
    fake.batchItemFaults.set('2-figures', 'invalid_output');

    const submitted = await postBatch(app, {
      articles: [
        { article_id: 'seed', text: SEED, title: 'Putin droht mit Waffen für Nordkorea' },
        { article_id: 'notice-errored', text: AWKWARD },
        { article_id: 'figures', text: LONG },
        { article_id: URL_ID, text: SEED, lead: 'Moskau droht.' },
        { article_id: 'ressort/politik 42', text: AWKWARD },
      ],
      options: { key_points: 4 },
    });
    expect(submitted.status).toBe(202);
    const created = batchCreatedResponseSchema.parse(await submitted.json());
    expect(created).toMatchObject({
      status: 'in_progress',
      article_count: 5,
      prompt: { name: 'summarize', version: 'v1', sha256: prompts.get('summarize', 'v1')?.sha256 },
    });
    expect(submitted.headers.get('location')).toBe(`/v1/batches/${created.batch_id}`);
    const upstream = [...fake.batches.values()][0];
    expect(upstream?.requests.map((request) => request.custom_id)).toEqual([
      '0-seed',
      '1-notice-errored',
      '2-figures',
      '3',
      `4_${Buffer.from('ressort/politik 42').toString('base64url')}`,
    ]);

    const progress = await app.request(`/v1/batches/${created.batch_id}`);
    expect(progress.status).toBe(200);
    const inProgress = batchResponseSchema.parse(await progress.json());
    expect(inProgress).toMatchObject({
      batch_id: created.batch_id,
      status: 'in_progress',
      request_counts: { processing: 5, succeeded: 0 },
      ended_at: null,
      results: null,
    });

    const ended = await app.request(`/v1/batches/${created.batch_id}`);
    expect(ended.status).toBe(200);
    const body = batchResponseSchema.parse(await ended.json());
    expect(body.status).toBe('ended');
    expect(body.request_counts).toMatchObject({ processing: 0, succeeded: 4, errored: 1 });
    const items = body.results?.items ?? [];
    expect(items.map((item) => [item.index, item.article_id, item.status])).toEqual([
      [0, 'seed', 'succeeded'],
      [1, 'notice-errored', 'failed'],
      [2, 'figures', 'failed'],
      [3, null, 'succeeded'],
      [4, 'ressort/politik 42', 'succeeded'],
    ]);
    expect(body.results).toMatchObject({ succeeded: 3, failed: 2 });

    const [seed, errored, invalid] = items as [BatchItem, BatchItem, BatchItem];
    if (seed.status !== 'succeeded' || errored.status !== 'failed' || invalid.status !== 'failed') {
      throw new Error('unexpected item statuses');
    }
    expect(seed.summaries.en.key_points).toHaveLength(4);
    expect(seed.summaries.de.headline.length).toBeGreaterThan(10);
    expect(seed.meta).toMatchObject({
      prompt: { version: 'v1' },
      model: 'claude-sonnet-4-6',
      mode: 'live',
      service_tier: 'batch',
    });
    expect(seed.meta.usage.input_tokens).toBeGreaterThan(100);
    // Half the list price of claude-sonnet-4-6 ($3 in, $15 out per million tokens).
    const listPrice = (seed.meta.usage.input_tokens * 3 + seed.meta.usage.output_tokens * 15) / 1e6;
    expect(seed.meta.cost_usd).toBeCloseTo(listPrice / 2, 6);

    expect(errored.error).toMatchObject({
      type: '/problems/batch-item-errored',
      status: 502,
      upstream_error_type: 'invalid_request_error',
    });
    expect(errored.meta).toBeNull();
    expect(invalid.error).toMatchObject({ type: '/problems/invalid-model-output', repaired: false });
    expect(invalid.error.detail).toContain('not repaired');
    expect(invalid.error.output_errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.any(String), message: expect.any(String) }),
      ]),
    );
    expect(invalid.meta?.usage.output_tokens).toBeGreaterThan(0);
    expect(body.results?.usage.input_tokens).toBeGreaterThan(seed.meta.usage.input_tokens);
  });

  it('asks the model in each batch item exactly what a single summary asks', async () => {
    const { app } = live();
    const single = await postJson(app, { text: SEED, title: 'Nordkorea', options: { key_points: 4 } });
    expect(single.status).toBe(200);
    const batch = await postBatch(app, {
      articles: [{ article_id: 'seed', text: SEED, title: 'Nordkorea' }],
      options: { key_points: 4 },
    });
    expect(batch.status).toBe(202);
    const upstream = [...fake.batches.values()][0];
    expect(upstream?.requests[0]?.params).toEqual(fake.calls[0]?.body);
  });

  it('reports canceled, expired and refused items each with its own problem', async () => {
    const { app } = live();
    fake.batchItemFaults.set('0-late', 'expired');
    fake.batchItemFaults.set('1-stopped', 'canceled');
    fake.batchItemFaults.set('2-declined', 'refusal');
    fake.batchItemFaults.set('3-cut', 'max_tokens');
    const submitted = await postBatch(app, {
      articles: ['late', 'stopped', 'declined', 'cut'].map((id) => ({ article_id: id, text: SEED })),
    });
    const { batch_id: batchId } = batchCreatedResponseSchema.parse(await submitted.json());
    await app.request(`/v1/batches/${batchId}`);
    const body = batchResponseSchema.parse(await (await app.request(`/v1/batches/${batchId}`)).json());
    const types = body.results?.items.map((item) =>
      item.status === 'failed' ? item.error.type : item.status,
    );
    expect(types).toEqual([
      '/problems/batch-item-expired',
      '/problems/batch-item-canceled',
      '/problems/model-refused',
      '/problems/model-output-truncated',
    ]);
    expect(body.results?.failed).toBe(4);
  });
});

describe('POST /v1/batches validation', () => {
  it('refuses a batch without articles, and one with more than 1,000', async () => {
    const { app } = live();
    const empty = await postBatch(app, { articles: [] });
    const tooMany = await postBatch(app, {
      articles: Array.from({ length: 1_001 }, (_, index) => germanArticle(index)),
    });

    expect(empty.status).toBe(422);
    expect((await problemOf(empty)).errors?.map((error) => error.pointer)).toEqual(['/articles']);
    expect(tooMany.status).toBe(422);
    expect((await problemOf(tooMany)).errors?.map((error) => error.pointer)).toEqual(['/articles']);
    expect(fake.batches.size).toBe(0);
  });

  it('points at a duplicate article id', async () => {
    const { app } = live();
    const response = await postBatch(app, {
      articles: [germanArticle(0), germanArticle(1), { article_id: 'a0', text: LONG }],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      {
        pointer: '/articles/2/article_id',
        detail: 'must be unique in the batch: /articles/0/article_id has the same id',
      },
    ]);
  });

  it('points at every article that is too short or not German, and submits nothing', async () => {
    const { app } = live();
    const response = await postBatch(app, {
      articles: [
        germanArticle(0),
        { article_id: 'short', text: SHORT },
        germanArticle(2),
        { article_id: 'en', text: ENGLISH },
      ],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/validation-failed');
    expect(problem.errors).toEqual([
      { pointer: '/articles/1/text', detail: 'must have at least 200 characters' },
      { pointer: '/articles/3/text', detail: 'must be German; the text reads as "en"' },
    ]);
    expect(problem.detail).toContain('2 of 4 articles cannot be summarized');
    expect(fake.batches.size).toBe(0);
  });

  it('refuses a prompt version with evidence, which a batch cannot verify', async () => {
    const { app } = live();
    const response = await postBatch(app, { articles: [germanArticle(0)], prompt_version: 'v2' });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      { pointer: '/prompt_version', detail: 'must be a prompt version without evidence' },
    ]);
  });

  it('takes a batch larger than the single-summary body limit, up to its own limit', async () => {
    const { app } = live({ BRIEF_MAX_BODY_BYTES: '8000', BRIEF_MAX_BATCH_BODY_BYTES: '20000' });
    const fits = await postBatch(app, {
      articles: Array.from({ length: 5 }, (_, index) => germanArticle(index)),
    });
    const tooLarge = await postBatch(app, {
      articles: Array.from({ length: 10 }, (_, index) => germanArticle(index)),
    });
    const single = await postJson(app, { text: SEED.repeat(4) });

    expect(fits.status).toBe(202);
    expect(tooLarge.status).toBe(413);
    expect(await problemOf(tooLarge)).toMatchObject({ max_body_bytes: 20_000 });
    expect(single.status).toBe(413);
    expect(await problemOf(single)).toMatchObject({ max_body_bytes: 8_000 });
  });
});

describe('GET /v1/batches/{id} with an id Brief did not make', () => {
  const upstreamId = 'msgbatch_fake_unknown';
  const ids = {
    'a random string': 'not-a-batch',
    'a payload that is not base64url': 'batch_%%%',
    'a payload that is not JSON': `batch_${Buffer.from('{nope').toString('base64url')}`,
    'JSON of the wrong shape': `batch_${Buffer.from(JSON.stringify({ v: 1, u: upstreamId })).toString('base64url')}`,
    'an unsigned id of an existing shape': encodeBatchId({
      upstreamId,
      promptVersion: 'v1',
      articleCount: 1,
      options: undefined,
    }),
    'an unknown prompt version': signed({
      upstreamId,
      promptVersion: 'v99',
      articleCount: 1,
      options: undefined,
    }),
    'an upstream batch that does not exist': signed({
      upstreamId,
      promptVersion: 'v1',
      articleCount: 1,
      options: undefined,
    }),
  };
  for (const [name, id] of Object.entries(ids)) {
    it(`answers 404 with a problem for ${name}`, async () => {
      const { app } = live();
      const response = await app.request(`/v1/batches/${encodeURIComponent(id)}`);
      expect(response.status).toBe(404);
      const problem = await problemOf(response);
      expect(problem.type).toBe('/problems/not-found');
      expect(problem.detail).toContain('No batch with the id');
    });
  }

  it('reports an item whose custom_id Brief did not make instead of dropping it', async () => {
    const { app, client } = live();
    const upstream = await client.messages.batches.create({
      requests: [
        {
          custom_id: 'foreign',
          params: { model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: SEED }] },
        },
      ],
    });
    const batchId = signed({
      upstreamId: upstream.id,
      promptVersion: 'v1',
      articleCount: 1,
      options: undefined,
    });
    await app.request(`/v1/batches/${batchId}`);
    const body = batchResponseSchema.parse(await (await app.request(`/v1/batches/${batchId}`)).json());
    expect(
      body.results?.items.map((item) => [
        item.index,
        item.status === 'failed' ? item.error.type : item.status,
      ]),
    ).toEqual([
      [0, '/problems/batch-item-missing'],
      [null, '/problems/batch-item-unknown'],
    ]);
  });
});

describe('GET /v1/batches/{id} reads no more results than the batch has articles', () => {
  it('stops after the signed article count, whatever the upstream batch holds', async () => {
    const { app, client } = live();
    const upstream = await client.messages.batches.create({
      requests: ['x', 'y', 'z'].map((customId) => ({
        custom_id: customId,
        params: {
          model: 'claude-sonnet-4-6',
          max_tokens: 10,
          messages: [{ role: 'user' as const, content: SEED }],
        },
      })),
    });
    const batchId = signed({
      upstreamId: upstream.id,
      promptVersion: 'v1',
      articleCount: 1,
      options: undefined,
    });
    // The fake ends a batch on its second retrieve.
    await app.request(`/v1/batches/${batchId}`);
    const body = batchResponseSchema.parse(await (await app.request(`/v1/batches/${batchId}`)).json());
    // One result read (an item Brief did not make), and the article it lacks reported as missing.
    expect(
      body.results?.items.map((item) => (item.status === 'failed' ? item.error.type : item.status)),
    ).toEqual(['/problems/batch-item-missing', '/problems/batch-item-unknown']);
  });
});

describe('batches outside live mode', () => {
  it('answers 503 in replay mode, for submitting and for reading', async () => {
    const { app } = createTestBrief();
    const submitted = await postBatch(app, { articles: [germanArticle(0)] });
    const read = await app.request(
      `/v1/batches/${encodeBatchId({ upstreamId: 'msgbatch_1', promptVersion: 'v1', articleCount: 1, options: undefined })}`,
    );

    expect(submitted.status).toBe(503);
    const problem = await problemOf(submitted);
    expect(problem.type).toBe('/problems/batches-need-live-mode');
    expect(problem.detail).toContain('replay mode');
    expect(read.status).toBe(503);
  });
});

describe('custom_id', () => {
  it('round-trips article ids in all three forms and stays within the API’s pattern', () => {
    const examples = ['a-123', 'ressort/politik 42', 'Ümlaut', URL_ID, 'x'.repeat(62)];
    for (const [index, articleId] of examples.entries()) {
      const customId = toCustomId(index, articleId);
      expect(customId).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      const parsed = parseCustomId(customId);
      expect(parsed?.index).toBe(index);
      expect(parsed?.articleId === null || parsed?.articleId === articleId).toBe(true);
    }
    expect(parseCustomId(toCustomId(3, URL_ID))).toEqual({ index: 3, articleId: null });
    expect(parseCustomId(toCustomId(999, 'ressort/politik 42'))).toEqual({
      index: 999,
      articleId: 'ressort/politik 42',
    });
    expect(parseCustomId('foreign')).toBeUndefined();
    expect(parseCustomId('01-a')).toBeUndefined();
  });

  it('carries a ninjs uri too long for base64url escaped, so the results name it', () => {
    const uri = 'urn:newsml:brief.example:20240918:lenzbachtalbahn';
    const customId = toCustomId(999, uri);
    expect(customId).toBe('999xurn_3Anewsml_3Abrief_2Eexample_3A20240918_3Alenzbachtalbahn');
    expect(customId).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(parseCustomId(customId)).toEqual({ index: 999, articleId: uri });
    expect(parseCustomId('3xa_c3_bc')).toBeUndefined();
    expect(parseCustomId('3xa_2')).toBeUndefined();
    expect(parseCustomId('3xa_C3')).toBeUndefined();
  });
});

describe('POST /v1/batches bounds what batches cost', () => {
  it('charges one rate-limit point per article, and a refused batch costs only its request', async () => {
    const { app } = live({ BRIEF_RATE_LIMIT_PER_MINUTE: '5' });
    const three = { articles: Array.from({ length: 3 }, (_, index) => germanArticle(index)) };

    const first = await postBatch(app, three);
    expect(first.status).toBe(202);
    expect(first.headers.get('ratelimit-remaining')).toBe('2');

    const second = await postBatch(app, three);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(second.headers.get('ratelimit-limit')).toBe('5');
    expect(await problemOf(second)).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      points_needed: 3,
      ratelimit_limit: 5,
    });
    expect(fake.batches.size).toBe(1);

    // The refused batch paid one point (its request), not three: one is left.
    const prompts = await app.request('/v1/prompts');
    expect(prompts.status).toBe(200);
    expect(prompts.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('refuses a batch with more articles than the whole budget, without Retry-After', async () => {
    const { app } = live({ BRIEF_RATE_LIMIT_PER_MINUTE: '5' });
    const response = await postBatch(app, {
      articles: Array.from({ length: 6 }, (_, index) => germanArticle(index)),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: '/problems/rate-limited', points_needed: 6, ratelimit_limit: 5 });
    expect(problem.detail).toMatch(/Split it into smaller batches/);
    expect(fake.batches.size).toBe(0);
  });

  it('answers 503 with Retry-After past the submissions in flight, before reading the body', async () => {
    const { app } = live({ BRIEF_MAX_BATCHES_IN_FLIGHT: '1' });
    const body = JSON.stringify({ articles: [germanArticle(0)] });
    let release: () => void = () => {};
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
        release = () => {
          controller.enqueue(new TextEncoder().encode(body.slice(10)));
          controller.close();
        };
      },
    });
    const slow = app.request('/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: held,
      duplex: 'half',
    } as RequestInit);
    // Let the slow submission reach its handler.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const refused = await postBatch(app, { articles: [germanArticle(1)] });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await problemOf(refused)).toMatchObject({
      type: '/problems/too-many-batches',
      status: 503,
      max_in_flight: 1,
    });

    release();
    expect((await slow).status).toBe(202);
    expect((await postBatch(app, { articles: [germanArticle(2)] })).status).toBe(202);
  });

  it('has a batch body limit of 8 MB by default', async () => {
    const { app, config } = live();
    expect(config.limits.maxBatchBodyBytes).toBe(8_388_608);
    const response = await app.request('/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(8_388_609) },
      body: 'x',
    });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({
      type: '/problems/payload-too-large',
      max_body_bytes: 8_388_608,
    });
  });
});

describe('POST /v1/batches with ninjs items', () => {
  const NINJS_SAMPLES = [
    'short-notice.ninjs-1.json',
    'html-article.ninjs-2.json',
    'seed-article.ninjs-3.json',
  ];
  const ninjsSample = (file: string) =>
    JSON.parse(read('samples', 'ninjs', file)) as Record<string, unknown> & { uri: string };
  const seedItem = ninjsSample('seed-article.ninjs-3.json');

  it('takes an item of every major version beside a plain article, asks for each what a single ninjs summary asks, and names its uri in the results', async () => {
    const { app } = live();
    const items = NINJS_SAMPLES.map(ninjsSample);
    const singleRequests: unknown[] = [];
    for (const item of items) {
      const before = fake.calls.length;
      const single = await app.request('/v1/summaries', {
        method: 'POST',
        headers: { 'content-type': NINJS_MEDIA_TYPE },
        body: JSON.stringify(item),
      });
      expect(single.status).toBe(200);
      singleRequests.push(fake.calls[before]?.body);
    }

    const submitted = await postBatch(app, {
      articles: [...items.map((ninjs) => ({ ninjs })), { article_id: 'plain', text: SEED }],
    });
    expect(submitted.status).toBe(202);
    const created = batchCreatedResponseSchema.parse(await submitted.json());
    expect(created.article_count).toBe(4);
    const upstream = [...fake.batches.values()][0];
    // The title from the main headline, the HTML body (2.x) read as text: the same request as one at a time.
    expect(upstream?.requests.slice(0, 3).map((request) => request.params)).toEqual(singleRequests);

    await app.request(`/v1/batches/${created.batch_id}`);
    const ended = batchResponseSchema.parse(
      await (await app.request(`/v1/batches/${created.batch_id}`)).json(),
    );
    expect(ended.results?.items.map((item) => [item.index, item.article_id, item.status])).toEqual([
      [0, items[0]?.uri, 'succeeded'],
      [1, items[1]?.uri, 'succeeded'],
      [2, items[2]?.uri, 'succeeded'],
      [3, 'plain', 'succeeded'],
    ]);
  });

  it('points at every item it cannot summarize, under /articles/{index}/ninjs, and submits nothing', async () => {
    const { app } = live();
    const { bodies: _bodies, uri: _uri, ...bare } = seedItem;
    const deepHtml = `${'<div>'.repeat(300)}Tiefe${'</div>'.repeat(300)}`;
    const response = await postBatch(app, {
      articles: [
        { ninjs: seedItem },
        { ninjs: { ...seedItem, uri: 'urn:en', language: 'en-GB', bodies: [{ value: ENGLISH }] } },
        { ninjs: { ...bare, uri: 'urn:no-body' } },
        { ninjs: { ...bare, headlines: 'Putin droht' } },
        { ninjs: { ...seedItem, uri: 'urn:deep', bodies: [{ contentType: 'text/html', value: deepHtml }] } },
        {
          ninjs: {
            ...seedItem,
            uri: 'urn:short',
            bodies: [{ contentType: 'text/html', value: `<p>${SHORT}</p>` }],
          },
        },
        {
          ninjs: {
            uri: 'urn:french',
            bodies: [{ value: read('test', 'fixtures', 'articles', 'french.fr.txt') }],
          },
        },
        { ninjs: { uri: 'urn:large', headline: 'Groß', body_html: `<p>${'Absatz '.repeat(80_000)}</p>` } },
      ],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/validation-failed');
    expect(problem.errors).toEqual([
      { pointer: '/articles/1/ninjs/language', detail: 'must be German; the item declares "en-GB"' },
      {
        pointer: '/articles/2/ninjs/bodies',
        detail: 'missing: a `bodies` entry with content type text/html or text/plain',
      },
      expect.objectContaining({ pointer: '/articles/3/ninjs/uri' }),
      expect.objectContaining({ pointer: '/articles/3/ninjs/headlines' }),
      {
        pointer: '/articles/4/ninjs/bodies/0/value',
        detail: `The HTML nests elements more than ${MAX_HTML_DEPTH} deep.`,
      },
      { pointer: '/articles/5/ninjs/bodies/0/value', detail: 'must have at least 200 characters' },
      { pointer: '/articles/6/ninjs/bodies/0/value', detail: 'must be German; the text reads as "fr"' },
      {
        pointer: '/articles/7/ninjs/body_html',
        detail: `must have at most ${DEFAULT_MAX_HTML_BODY_BYTES} bytes of HTML`,
      },
    ]);
    expect(problem.detail).toContain('7 of 8 articles cannot be summarized');
    expect(fake.batches.size).toBe(0);
  });

  it('points at a uri that another article of the batch has as its id', async () => {
    const { app } = live();
    const response = await postBatch(app, {
      articles: [{ ninjs: seedItem }, { article_id: seedItem.uri, text: SEED }, { ninjs: seedItem }],
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      {
        pointer: '/articles/1/article_id',
        detail: 'must be unique in the batch: /articles/0/ninjs/uri has the same id',
      },
      {
        pointer: '/articles/2/ninjs/uri',
        detail: 'must be unique in the batch: /articles/0/ninjs/uri has the same id',
      },
    ]);
  });
});
