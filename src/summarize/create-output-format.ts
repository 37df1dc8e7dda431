import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { AutoParseableOutputFormat } from '@anthropic-ai/sdk/lib/parser';
import type { z } from 'zod';

export interface OutputIssue {
  /** Where in the output, e.g. `de.key_points[2]`. */
  path: string;
  message: string;
}

export type ParsedOutput<T> =
  | { success: true; data: T; text: string }
  | { success: false; kind: 'json' | 'schema'; issues: OutputIssue[]; text: string };

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((result, segment) => {
    if (typeof segment === 'number') {
      return `${result}[${segment}]`;
    }
    return result === '' ? String(segment) : `${result}.${String(segment)}`;
  }, '');
}

/**
 * The SDK's Zod output format (its JSON schema goes out in `output_config.format`), with a parse
 * that reports instead of throwing: a failed parse must become a repair request, not an exception.
 * Bad JSON and a schema violation are told apart.
 */
export function createOutputFormat<T extends z.ZodType>(
  schema: T,
): AutoParseableOutputFormat<ParsedOutput<z.infer<T>>> {
  const { type, schema: jsonSchema } = zodOutputFormat(schema);
  return {
    type,
    schema: jsonSchema,
    parse(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return {
          success: false,
          kind: 'json',
          issues: [{ path: '', message: `Not valid JSON: ${(error as Error).message}` }],
          text,
        };
      }
      const result = schema.safeParse(value);
      if (result.success) {
        return { success: true, data: result.data, text };
      }
      return {
        success: false,
        kind: 'schema',
        issues: result.error.issues.map((issue) => ({
          path: formatIssuePath(issue.path),
          message: issue.message,
        })),
        text,
      };
    },
  };
}
