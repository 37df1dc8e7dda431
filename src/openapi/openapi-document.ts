import type { OpenAPIHono } from '@hono/zod-openapi';

/** The OpenAPI 3.1 document as the framework builds it; the helpers that amend it share this type. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
