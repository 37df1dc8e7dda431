import { CommanderError } from 'commander';
import { UsageError } from '../errors/usage-error.js';
import type { CliContext } from './cli-context.js';
import { createProgram } from './create-program.js';

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs the CLI on `argv` (as `process.argv`) and resolves with the exit code; never throws, never prints a stack. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  let exitCode = 0;
  const program = createProgram(context, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (or the help) already.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      context.io.stderr.write(`brief: ${error.message}\n(run brief --help for usage)\n`);
      return EXIT_USAGE;
    }
    context.io.stderr.write(`brief: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}
