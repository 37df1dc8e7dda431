import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { TRAINED_ALGORITHMIC_MEDIA } from '../src/ninjs/digital-source-type.js';
import type { NinjsVersion } from '../src/ninjs/ninjs-item-schemas.js';
import { NINJS_MEDIA_TYPE } from '../src/ninjs/ninjs-media-type.js';
import { summaryResponseSchema } from '../src/summarize/summary-api-schemas.js';
import type { CpuTasks } from '../src/workers/cpu-tasks.js';
import { inThreadCpuTasks } from '../src/workers/in-thread-cpu-tasks.js';
import { createTestBrief } from './support/create-test-brief.js';
import { ninjsSchemaErrors } from './support/validate-ninjs.js';

type Item = Record<string, unknown>;
type Entry = { role?: string; value: string; [key: string]: unknown };
interface Authored {
  headline: string;
  summary: string;
  key_points: string[];
}

const SAMPLES: Array<{ file: string; slug: string; version: NinjsVersion }> = [
  { file: 'short-notice.ninjs-1.json', slug: 'short-notice', version: 1 },
  { file: 'html-article.ninjs-2.json', slug: 'html-article', version: 2 },
  { file: 'seed-article.ninjs-3.json', slug: 'seed-article', version: 3 },
];

function readItem(file: string): Item {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'samples', 'ninjs', file), 'utf8')) as Item;
}

function authored(slug: string): { en: Authored; de: Authored } {
  const file = path.join(PROJECT_ROOT, 'samples', 'authored', `${slug}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { en: Authored; de: Authored }>)[
    'summarize@v1'
  ] as { en: Authored; de: Authored };
}

function readArticle(file: string): string {
  return readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
}

function postNinjs(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  item: unknown,
  options: { accept?: string; query?: string } = {},
) {
  return app.request(`/v1/summaries${options.query ?? ''}`, {
    method: 'POST',
    headers: {
      'content-type': NINJS_MEDIA_TYPE,
      ...(options.accept === undefined ? {} : { accept: options.accept }),
    },
    body: typeof item === 'string' ? item : JSON.stringify(item),
  });
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { type: string; detail: string; errors?: Array<{ pointer: string }> };
}

function keyPointsHtmlHolds(html: string, keyPoints: string[]) {
  expect(html.startsWith('<ul><li>')).toBe(true);
  expect(html.match(/<li>/g)).toHaveLength(keyPoints.length);
  for (const point of keyPoints) {
    // Only &, < and > are escaped in HTML text; the authored points have none of them.
    expect(html).toContain(point);
  }
}

describe('POST /v1/summaries answers a ninjs item with a ninjs item of the same version', () => {
  const { app } = createTestBrief();

  for (const sample of SAMPLES) {
    it(`answers the ${sample.version}.x sample ${sample.file} with a ${sample.version}.x item that IPTC's released schema accepts`, async () => {
      const item = readItem(sample.file);
      expect(ninjsSchemaErrors(item, sample.version)).toEqual([]);
      const response = await postNinjs(app, item, { accept: NINJS_MEDIA_TYPE });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(NINJS_MEDIA_TYPE);
      const answer = (await response.json()) as Item;
      expect(ninjsSchemaErrors(answer, sample.version)).toEqual([]);

      const expected = authored(sample.slug);
      const extended = new Set(['headlines', 'descriptions', 'associations']);
      for (const [key, value] of Object.entries(item)) {
        if (!extended.has(key)) expect(answer[key], key).toEqual(value);
      }
      if (sample.version === 1) {
        expect(answer.headline).toBe(item.headline);
        expect(answer.headline_summary).toBe(expected.de.headline);
        expect(answer.description_summary).toBe(expected.de.summary);
        keyPointsHtmlHolds(answer.description_keypoints_html as string, expected.de.key_points);
        const english = (answer.associations as Record<string, Item>).summary_en as Item;
        expect(english).toMatchObject({
          language: 'en',
          type: 'text',
          headline: expected.en.headline,
          description_summary: expected.en.summary,
          digitalsourcetype: { uri: TRAINED_ALGORITHMIC_MEDIA },
        });
        return;
      }
      const contentType = sample.version === 2 ? 'contenttype' : 'contentType';
      const headlines = answer.headlines as Entry[];
      expect(headlines[0]).toEqual((item.headlines as Entry[])[0]);
      expect(headlines.filter((headline) => headline.role === 'main')).toHaveLength(1);
      expect(headlines[1]).toEqual({
        role: 'summary',
        [contentType]: 'text/plain',
        value: expected.de.headline,
      });
      const descriptions = answer.descriptions as Entry[];
      expect(descriptions.find((entry) => entry.role === 'summary')?.value).toBe(expected.de.summary);
      keyPointsHtmlHolds(
        descriptions.find((entry) => entry.role === 'keypoints')?.value ?? '',
        expected.de.key_points,
      );
      const [english] = answer.associations as Item[];
      expect(english).toMatchObject({
        name: 'summary-en',
        uri: `${item.uri}#brief-summary-en`,
        language: 'en',
        headlines: [{ role: 'main', value: expected.en.headline }],
        [sample.version === 2 ? 'digitalsourcetype' : 'digitalSourceType']: {
          uri: TRAINED_ALGORITHMIC_MEDIA,
        },
      });
      expect((english?.descriptions as Entry[] | undefined)?.[0]?.value).toBe(expected.en.summary);
      expect(JSON.stringify(answer)).not.toMatch(/aiInfo|aiinfo/);
    });
  }

  it('answers a ninjs item with the plain JSON summary by default, its uri as the article id and the AI label in meta', async () => {
    const item = readItem('seed-article.ninjs-3.json');
    const response = await postNinjs(app, item);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = summaryResponseSchema.parse(await response.json());
    expect(body.article_id).toBe(item.uri);
    expect(body.summaries).toEqual(authored('seed-article'));
    expect(body.meta.digital_source_type).toBe(TRAINED_ALGORITHMIC_MEDIA);
  });

  it('reads the HTML body of an item through the HTML-to-text task of the server, as a text/html body is read', async () => {
    const converted: string[] = [];
    const cpuTasks: CpuTasks = {
      ...inThreadCpuTasks,
      htmlToArticleText: async (html, signal) => {
        converted.push(html);
        return inThreadCpuTasks.htmlToArticleText(html, signal);
      },
    };
    const { app: counted } = createTestBrief({ cpuTasks });
    const item = readItem('html-article.ninjs-2.json');
    const response = await postNinjs(counted, item, { accept: NINJS_MEDIA_TYPE });
    expect(response.status).toBe(200);
    const html = (item.bodies as Array<{ contenttype?: string; value: string }>).find(
      (body) => body.contenttype === 'text/html',
    )?.value;
    expect(converted).toEqual([html]);
  });

  it('summarizes an item without a headline from the same recording as the plain text', async () => {
    const seed = readArticle('samples/seed-article.de.txt');
    const item = { uri: 'urn:newsml:brief.example:seed', language: 'de', bodies: [{ value: seed }] };
    const response = await postNinjs(app, item, { accept: NINJS_MEDIA_TYPE });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Item;
    expect(ninjsSchemaErrors(answer, 3)).toEqual([]);
    expect(answer.headlines).toEqual([
      { role: 'summary', contentType: 'text/plain', value: authored('seed-article').de.headline },
    ]);
  });

  it('answers plain text with a 3.x item of its own when asked with ?format=ninjs or the Accept header', async () => {
    for (const init of [
      { query: '?format=ninjs', accept: undefined },
      { query: '', accept: `application/json;q=0.5, ${NINJS_MEDIA_TYPE}` },
    ]) {
      const response = await app.request(`/v1/summaries${init.query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...(init.accept ? { accept: init.accept } : {}) },
        body: readArticle('samples/short-notice.de.txt'),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(NINJS_MEDIA_TYPE);
      const answer = (await response.json()) as Item;
      expect(ninjsSchemaErrors(answer, 3)).toEqual([]);
      expect(answer).toMatchObject({
        uri: `urn:brief:request:${response.headers.get('x-request-id')}`,
        type: 'text',
        language: 'de',
      });
      expect((answer.associations as Item[])[0]?.language).toBe('en');
    }
  });
});

describe('BRIEF_NINJS_AI_INFO adds the proposed aiInfo of IPTC decision record 0004', () => {
  const { app, prompts } = createTestBrief({ env: { BRIEF_NINJS_AI_INFO: 'true' } });
  const v1 = prompts.get('summarize', 'v1');

  it('names the model, its provider and the prompt, and refers to it from every generated part (3.x)', async () => {
    const item = readItem('seed-article.ninjs-3.json');
    const response = await postNinjs(app, item, { accept: NINJS_MEDIA_TYPE });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Item;
    expect(answer.aiInfo).toEqual([
      {
        name: 'brief',
        role: 'summarization',
        system: { name: v1?.model, literal: v1?.model },
        provider: { name: 'Anthropic', uri: 'https://www.anthropic.com/' },
        promptInfo: { uri: `urn:brief:prompt:summarize:sha256:${v1?.sha256}`, version: 'v1' },
      },
    ]);
    const generated = [
      ...(answer.headlines as Entry[]).filter((entry) => entry.role !== 'main'),
      ...(answer.descriptions as Entry[]),
      ...(answer.associations as Entry[]),
    ];
    expect(generated).toHaveLength(4);
    for (const entry of generated) expect(entry.aiInfoRef).toBe('brief');
    expect((answer.headlines as Entry[])[0]?.aiInfoRef).toBeUndefined();
    expect(ninjsSchemaErrors(answer, 3, { aiInfoProposal: true })).toEqual([]);
    // Why it is a switch: the released schema does not know the proposal yet.
    expect(ninjsSchemaErrors(answer, 3).length).toBeGreaterThan(0);
  });

  it('spells the proposal in lowercase for 1.x and 2.x, and marks the 1.x association as a whole', async () => {
    for (const sample of SAMPLES.filter((entry) => entry.version !== 3)) {
      const response = await postNinjs(app, readItem(sample.file), { accept: NINJS_MEDIA_TYPE });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as Item;
      expect((answer.aiinfo as Item[])[0]).toMatchObject({ name: 'brief', promptinfo: { version: 'v1' } });
      expect(ninjsSchemaErrors(answer, sample.version, { aiInfoProposal: true })).toEqual([]);
      if (sample.version === 1) {
        expect(((answer.associations as Record<string, Item>).summary_en as Item).aiinforef).toBe('brief');
      }
    }
  });
});

describe('POST /v1/summaries refuses a ninjs item it cannot summarize, before any model call', () => {
  const { app } = createTestBrief();
  const seedItem = readItem('seed-article.ninjs-3.json');

  it('refuses an item declared in another language with 422 unsupported-language', async () => {
    const english = readArticle('test/fixtures/articles/english.en.txt');
    const item = { ...seedItem, language: 'en-GB', bodies: [{ contentType: 'text/plain', value: english }] };
    const response = await postNinjs(app, item, { accept: NINJS_MEDIA_TYPE });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.type).toBe('/problems/unsupported-language');
    expect(body.detail).toContain('en-GB');
  });

  it('refuses an item that claims German but reads as French, as plain French text is refused', async () => {
    const french = readArticle('test/fixtures/articles/french.fr.txt');
    const response = await postNinjs(app, { ...seedItem, bodies: [{ value: french }] });
    expect(response.status).toBe(422);
    expect((await problem(response)).type).toBe('/problems/unsupported-language');
  });

  it('names the missing body of an item without text, for 3.x and 1.x', async () => {
    const { bodies: _bodies, ...withoutBody } = seedItem;
    const response = await postNinjs(app, {
      ...withoutBody,
      bodies: [{ contentType: 'image/jpeg', value: 'x' }],
    });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.type).toBe('/problems/validation-failed');
    expect(body.detail).toMatch(/no article text.*text\/html or text\/plain/);
    expect(body.errors?.map((error) => error.pointer)).toEqual(['/bodies']);

    const { body_text: _text, ...oneWithoutBody } = readItem('short-notice.ninjs-1.json');
    const oneResponse = await postNinjs(app, oneWithoutBody);
    expect(oneResponse.status).toBe(422);
    expect((await problem(oneResponse)).errors?.map((error) => error.pointer)).toEqual(['/body_text']);
  });

  it('lists the schema issues of a malformed item as JSON Pointers', async () => {
    const { uri: _uri, ...withoutUri } = seedItem;
    const response = await postNinjs(app, { ...withoutUri, headlines: 'Putin droht' });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.type).toBe('/problems/validation-failed');
    expect(body.errors?.map((error) => error.pointer).sort()).toEqual(['/headlines', '/uri']);
  });

  it('refuses a major version Brief does not know, an item that is not an object and a body that is not JSON', async () => {
    const future = await postNinjs(app, { ...seedItem, standard: { name: 'ninjs', version: '4.0' } });
    expect(future.status).toBe(422);
    expect((await problem(future)).errors?.map((error) => error.pointer)).toEqual(['/standard/version']);

    const list = await postNinjs(app, [seedItem]);
    expect(list.status).toBe(422);
    expect((await problem(list)).errors?.map((error) => error.pointer)).toEqual(['']);

    const broken = await postNinjs(app, '{"uri": "urn:x", "bodies": [');
    expect(broken.status).toBe(400);
    expect((await problem(broken)).type).toBe('/problems/malformed-request');
  });
});

describe('GET /openapi.json documents ninjs', () => {
  const { app } = createTestBrief();

  it('lists application/ninjs+json as a request body and a 200 answer of POST /v1/summaries, and ?format', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const operation = document.paths['/v1/summaries']?.post as {
      requestBody: { content: Record<string, { schema: { anyOf?: unknown[] } }> };
      responses: Record<string, { content: Record<string, unknown> }>;
      parameters: Array<{ name: string; in: string }>;
    };
    expect(operation.requestBody.content[NINJS_MEDIA_TYPE]?.schema.anyOf).toHaveLength(3);
    expect(Object.keys(operation.responses['200']?.content ?? {})).toContain(NINJS_MEDIA_TYPE);
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'query' }));
  });

  it('lists ninjs items as articles of POST /v1/batches', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const articles = document.components.schemas.BatchRequest?.properties?.articles as {
      items: { anyOf: Array<{ $ref: string }> };
    };
    expect(articles.items.anyOf.map((option) => option.$ref)).toEqual([
      '#/components/schemas/BatchArticle',
      '#/components/schemas/BatchNinjsArticle',
    ]);
    expect(document.components.schemas.BatchNinjsArticle?.required).toEqual(['ninjs']);
  });
});
