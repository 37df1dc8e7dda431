import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Handler } from 'hono';
import { NotFoundError } from '../../errors/brief-error.js';
import type { AppEnv } from '../../http/app-env.js';
import type { OpenApiDocument } from '../../openapi/openapi-document.js';

/** The Swagger UI files the page loads, from the installed `swagger-ui-dist`: nothing from a CDN. */
const SWAGGER_UI_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};
const INITIALIZER_FILE = 'brief-docs.js';
const ASSET_CACHE_CONTROL = 'public, max-age=3600';

// Relative links, so the page also works behind a path prefix.
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brief API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" sizes="32x32" href="docs/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="docs/favicon-16x16.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/${INITIALIZER_FILE}"></script>
</body>
</html>
`;

const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** The page's own files only; Swagger UI styles elements inline and shows data: images. */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function createOpenApiHandler(openApiDocument: () => OpenApiDocument): Handler<AppEnv> {
  return function serveOpenApiDocument(context) {
    return context.json(openApiDocument());
  };
}

export function createDocsPageHandler(): Handler<AppEnv> {
  return function serveDocsPage(context) {
    context.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
    return context.html(DOCS_PAGE);
  };
}

/** Where `swagger-ui-dist` is installed; resolved once, when the app is made. */
export function findSwaggerUiDirectory(): string {
  return path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** Serves the allow-listed Swagger UI files (read once, then from memory) and the page's initializer. */
export function createDocsAssetHandler(swaggerUiDirectory: string): Handler<AppEnv, '/docs/:file'> {
  const contents = new Map<string, Promise<Buffer>>();
  return async function serveDocsAsset(context) {
    const file = context.req.param('file');
    context.header('cache-control', ASSET_CACHE_CONTROL);
    if (file === INITIALIZER_FILE) {
      return context.body(INITIALIZER, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    }
    const contentType = Object.hasOwn(SWAGGER_UI_FILES, file) ? SWAGGER_UI_FILES[file] : undefined;
    if (!contentType) {
      throw new NotFoundError(`No docs asset ${file}.`);
    }
    let content = contents.get(file);
    if (!content) {
      content = readFile(path.join(swaggerUiDirectory, file));
      contents.set(file, content);
      content.catch(() => contents.delete(file));
    }
    return context.body(new Uint8Array(await content), 200, { 'content-type': contentType });
  };
}
