import type { OperationMethod } from './for-each-operation.js';
import type { OpenApiDocument } from './openapi-document.js';

export interface OperationExample {
  method: OperationMethod;
  /** As OpenAPI writes it: `/v1/batches/{id}`. */
  path: string;
  name: string;
  summary: string;
  /** Request bodies by media type. */
  requests?: Record<string, unknown>;
  /** JSON response bodies by status. */
  responses?: Record<number, unknown>;
}

type MediaTypes = Record<string, { examples?: Record<string, unknown> }>;

function addTo(
  content: MediaTypes | undefined,
  mediaType: string,
  example: OperationExample,
  value: unknown,
) {
  const media = content?.[mediaType];
  if (!media) {
    throw new Error(`Example "${example.name}": ${example.method} ${example.path} has no ${mediaType} body.`);
  }
  media.examples = { ...media.examples, [example.name]: { summary: example.summary, value } };
}

/** Named examples on the operations' media types; an example for a body that is not documented is a bug. */
export function addExamples(document: OpenApiDocument, examples: OperationExample[]): void {
  for (const example of examples) {
    const operation = document.paths?.[example.path]?.[example.method];
    if (!operation) {
      throw new Error(`Example "${example.name}": no operation ${example.method} ${example.path}.`);
    }
    for (const [mediaType, value] of Object.entries(example.requests ?? {})) {
      const body = operation.requestBody as { content?: MediaTypes } | undefined;
      addTo(body?.content, mediaType, example, value);
    }
    for (const [status, value] of Object.entries(example.responses ?? {})) {
      const response = operation.responses?.[status] as { content?: MediaTypes } | undefined;
      addTo(response?.content, 'application/json', example, value);
    }
  }
}
