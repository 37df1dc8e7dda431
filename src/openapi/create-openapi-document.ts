import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { problemDocumentSchema } from '../http/problem-document.js';
import { addExamples, type OperationExample } from './add-examples.js';
import { addMiddlewareResponses, registerMiddlewareResponses } from './add-middleware-responses.js';
import type { OpenApiDocument } from './openapi-document.js';

export interface OpenApiDocumentOptions {
  /** Brief's version (package.json). */
  version: string;
  /** Request and response examples, e.g. the seed article's. */
  examples?: OperationExample[];
}

export const BEARER_SECURITY_SCHEME = 'bearerAuth';

const TAG_DESCRIPTIONS: Record<string, string> = {
  Summaries: 'Summaries of one German article in English and German.',
  Batches: 'Backfills through the Message Batches API, at half the price.',
  Prompts: 'The versioned prompts Brief can use.',
  Operations: 'Health, readiness and metrics for operators; no API key needed.',
};

const DESCRIPTION = [
  'Bilingual (English/German) structured summaries of German news articles, made by Claude with versioned prompts.',
  '',
  'Every error is an RFC 9457 problem document (`application/problem+json`, schema `Problem`) with a `request_id`.',
  'Routes under `/v1/` take a bearer API key when the instance has keys configured (`BRIEF_API_KEYS`).',
].join('\n');

/**
 * The OpenAPI 3.1 document of everything registered on `app` with `app.openapi`, from the same Zod
 * schemas that validate requests and responses, plus what the `/v1/*` middleware can answer.
 * Built on first use (every route is registered by then) and kept.
 */
export function createOpenApiDocument(
  app: OpenAPIHono<AppEnv>,
  options: OpenApiDocumentOptions,
): () => OpenApiDocument {
  app.openAPIRegistry.register('Problem', problemDocumentSchema);
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from BRIEF_API_KEYS, sent as `Authorization: Bearer <key>`.',
  });
  registerMiddlewareResponses(app.openAPIRegistry);
  let document: OpenApiDocument | undefined;
  return function openApiDocument() {
    if (!document) {
      const generated = app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Brief', version: options.version, description: DESCRIPTION },
        servers: [{ url: '/', description: 'The instance serving this document' }],
      });
      addMiddlewareResponses(generated, BEARER_SECURITY_SCHEME);
      addExamples(generated, options.examples ?? []);
      generated.tags = usedTags(generated).map((name) => ({
        name,
        ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
      }));
      document = generated;
    }
    return document;
  };
}

function usedTags(document: OpenApiDocument): string[] {
  const tags = new Set<string>();
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      for (const tag of (operation as { tags?: string[] }).tags ?? []) {
        tags.add(tag);
      }
    }
  }
  const order = Object.keys(TAG_DESCRIPTIONS);
  return [...tags].sort((left, right) => rank(order, left) - rank(order, right));
}

function rank(order: string[], tag: string): number {
  const index = order.indexOf(tag);
  return index === -1 ? order.length : index;
}
