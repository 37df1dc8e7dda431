import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { createOpenApiDocument, type OpenApiDocumentOptions } from '../../openapi/create-openapi-document.js';
import {
  createDocsAssetHandler,
  createDocsPageHandler,
  createOpenApiHandler,
  findSwaggerUiDirectory,
} from './docs.handlers.js';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

/**
 * `GET /openapi.json` (the OpenAPI 3.1 document of every route registered with `app.openapi`) and
 * `GET /docs` (Swagger UI for it, served by Brief itself). Neither is in the document: they are the document.
 */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>, options: OpenApiDocumentOptions): void {
  const openApiDocument = createOpenApiDocument(app, options);
  app.get(OPENAPI_PATH, createOpenApiHandler(openApiDocument));
  app.get(DOCS_PATH, createDocsPageHandler());
  app.get(`${DOCS_PATH}/:file`, createDocsAssetHandler(findSwaggerUiDirectory()));
}
