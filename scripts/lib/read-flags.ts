import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';

/**
 * Command-line flags for the scripts: parsed strictly, then validated by a Zod schema. `--help`
 * prints the usage and exits 0; a bad flag prints the problem and the usage and exits 2.
 */
export function readFlags<T extends z.ZodType>(
  options: NonNullable<ParseArgsConfig['options']>,
  schema: T,
  usage: string,
): z.infer<T> {
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n\n${usage}\n`);
    process.exit(2);
  };
  let values: Record<string, unknown> = {};
  try {
    ({ values } = parseArgs({ strict: true, options: { ...options, help: { type: 'boolean' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const { help: _help, ...flags } = values;
  const parsed = schema.safeParse(flags);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}
