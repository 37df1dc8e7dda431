import type { Command } from 'commander';
import type { z } from 'zod';
import { optionsByFlag } from '../../src/cli/options-by-flag.js';

/**
 * Parses the process's arguments with a script's commander program (which writes `--help` and refuses
 * unknown flags), then validates the values by a Zod schema: a bad value exits 2 with the flag named.
 */
export function parseCommand<T extends z.ZodType>(program: Command, schema: T): z.infer<T> {
  program
    .allowExcessArguments(false)
    .showHelpAfterError('(run with --help for the options)')
    // A usage mistake exits 2 (commander's own default is 1), help exits 0.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .parse();
  const parsed = schema.safeParse(optionsByFlag(program));
  if (!parsed.success) {
    program.error(
      parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'),
      {
        exitCode: 2,
      },
    );
  }
  return parsed.data;
}
