import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/brief-error.js';

function pointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Zod issues as RFC 9457 `errors` members: a JSON Pointer and a detail each. Never echoes values. */
export function zodIssuesToValidationError(error: z.ZodError): ValidationError {
  const issues: ValidationIssue[] = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ pointer: pointer([...issue.path, key]), detail: 'unknown field' }));
    }
    return [{ pointer: pointer(issue.path), detail: issue.message }];
  });
  const unknown = issues.filter((issue) => issue.detail === 'unknown field').map((issue) => issue.pointer);
  const detail =
    unknown.length > 0 && unknown.length === issues.length
      ? `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`
      : `The request body is invalid: ${issues.map((issue) => `${issue.pointer || '(body)'} ${issue.detail}`).join('; ')}.`;
  return new ValidationError(detail, issues);
}
