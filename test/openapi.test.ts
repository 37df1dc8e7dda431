import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { PROBLEM_CONTENT_TYPE } from '../src/http/problem-document.js';
import { readSeedArticle } from '../src/openapi/read-seed-example.js';
import { createTestBrief } from './support/create-test-brief.js';

/**
 * The rule: every route the app serves is in the OpenAPI document, and everything in it is served,
 * except pages for people: the playground (`/` and its files), the docs page and its files, and the
 * document itself.
 */
const PAGES_FOR_PEOPLE = [/^\/$/, /^\/playground\.\w+$/, /^\/docs(\/.*)?$/, /^\/openapi\.json$/];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, ResponseObject | { $ref: string }>;
}
interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, { type: string; scheme: string }>;
  };
}

async function readDocument(app: { request: (path: string) => Response | Promise<Response> }) {
  const response = await app.request('/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

function operations(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

function resolve(document: Document, response: ResponseObject | { $ref: string }): ResponseObject {
  if ('$ref' in response) {
    const name = response.$ref.replace('#/components/responses/', '');
    const resolved = document.components.responses[name];
    if (!resolved) {
      throw new Error(`unresolved ${response.$ref}`);
    }
    return resolved;
  }
  return response;
}

describe('GET /openapi.json', () => {
  const { app } = createTestBrief();

  it('is a valid OpenAPI 3.1 document, by a real validator', async () => {
    const document = await readDocument(app);
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names Brief with the version from package.json, a server, tags and the bearer scheme', async () => {
    const document = await readDocument(app);
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    expect(document.info).toMatchObject({ title: 'Brief', version });
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.tags.map((tag) => tag.name)).toEqual(
      expect.arrayContaining(['Summaries', 'Prompts', 'Operations']),
    );
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents exactly the routes the app serves, pages for people aside', async () => {
    const document = await readDocument(app);
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .filter((route) => !PAGES_FOR_PEOPLE.some((page) => page.test(route.path)))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      operations(document).map(({ method, path }) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    expect(documented).toContain('POST /v1/summaries');
    expect(documented).toContain('GET /metrics');
  });

  it('gives every /v1 route the bearer scheme and every status its middleware can answer', async () => {
    const document = await readDocument(app);
    const guarded = operations(document).filter(({ path }) => path.startsWith('/v1/'));
    expect(guarded.length).toBeGreaterThan(1);
    for (const { path, method, operation } of guarded) {
      const statuses = Object.keys(operation.responses);
      expect(operation.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(statuses, `${method} ${path}`).toEqual(
        expect.arrayContaining(['401', '403', '429', '500', '503']),
      );
      if (operation.requestBody) {
        expect(statuses, `${method} ${path}`).toContain('413');
      }
    }
    const summaries = document.paths['/v1/summaries']?.post;
    expect(Object.keys(summaries?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '403', '413', '415', '422', '429', '500', '502', '503', '504'].sort(),
    );
    expect(
      resolve(document, document.paths['/v1/prompts']?.get?.responses['401'] as ResponseObject),
    ).toMatchObject({
      description: expect.stringContaining('API key'),
    });
  });

  it('answers every /v1 error status with the Problem schema', async () => {
    const document = await readDocument(app);
    expect(document.components.schemas.Problem).toMatchObject({
      properties: { type: expect.any(Object), status: expect.any(Object), request_id: expect.any(Object) },
    });
    for (const { path, method, operation } of operations(document).filter(({ path }) =>
      path.startsWith('/v1/'),
    )) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) {
          continue;
        }
        const content = resolve(document, response).content ?? {};
        expect(Object.keys(content), `${method} ${path} ${status}`).toEqual([PROBLEM_CONTENT_TYPE]);
        expect(content[PROBLEM_CONTENT_TYPE]?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
  });

  it('leaves the operations endpoints open: no security on /healthz, /readyz and /metrics', async () => {
    const document = await readDocument(app);
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect(document.paths[path]?.get?.security, path).toBeUndefined();
      expect(document.paths[path]?.get?.tags).toEqual(['Operations']);
    }
  });
});

describe('The seed example in the OpenAPI document', () => {
  it('is the seed article, and exactly what Brief answers for it', async () => {
    const { app } = createTestBrief();
    const document = await readDocument(app);
    const operation = document.paths['/v1/summaries']?.post;
    if (!operation) {
      throw new Error('POST /v1/summaries is not documented');
    }
    const request = operation.requestBody?.content['application/json']?.examples?.seed?.value as {
      text: string;
    };
    const seedText = readSeedArticle(path.join(PROJECT_ROOT, 'samples'));
    expect(request.text).toBe(seedText);
    expect(operation.requestBody?.content['text/plain']?.examples?.seed?.value).toBe(seedText);
    const ok = resolve(document, operation.responses['200'] ?? { $ref: 'missing' });
    const example = ok.content?.['application/json']?.examples?.seed?.value as {
      summaries: { en: { headline: string } };
      meta: Record<string, unknown>;
    };
    expect(example.summaries.en.headline).toBe(
      'Putin threatens to arm North Korea as US warns of destabilization',
    );

    const response = await app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { meta: Record<string, unknown> };
    // When this fails, the response shape or the seed's recording changed: run `npm run openapi-example`.
    expect({ ...answer, meta: { ...answer.meta, request_id: example.meta.request_id } }).toEqual(example);
  });
});

describe('GET /docs', () => {
  const { app } = createTestBrief();

  it('serves Swagger UI from Brief itself, pointed at /openapi.json, with a strict content security policy', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="docs/swagger-ui-bundle.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);

    const initializer = await app.request('/docs/brief-docs.js');
    expect(await initializer.text()).toContain("url: 'openapi.json'");

    const bundle = await app.request('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toContain('SwaggerUIBundle');
    const styles = await app.request('/docs/swagger-ui.css');
    expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves only its own files: anything else in node_modules is a 404 problem', async () => {
    for (const file of ['package.json', 'index.js', '..%2F..%2Fpackage.json', 'swagger-ui.js.map']) {
      const response = await app.request(`/docs/${file}`);
      expect(response.status, file).toBe(404);
      expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    }
  });
});

describe('With BRIEF_METRICS_ENABLED=false', () => {
  it('serves no /metrics and documents none', async () => {
    const { app } = createTestBrief({ env: { BRIEF_METRICS_ENABLED: 'false' } });
    expect((await app.request('/metrics')).status).toBe(404);
    const document = await readDocument(app);
    expect(document.paths['/metrics']).toBeUndefined();
  });
});
