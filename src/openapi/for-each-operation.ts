import type { OpenApiDocument } from './openapi-document.js';

type PathItem = NonNullable<OpenApiDocument['paths']>[string];
export type Operation = NonNullable<PathItem['get']>;

export const OPERATION_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;
export type OperationMethod = (typeof OPERATION_METHODS)[number];

export function forEachOperation(
  document: OpenApiDocument,
  visit: (path: string, method: OperationMethod, operation: Operation) => void,
): void {
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of OPERATION_METHODS) {
      const operation = pathItem[method];
      if (operation) {
        visit(path, method, operation);
      }
    }
  }
}
