import { Command, InvalidArgumentError, Option } from 'commander';
import { PROJECT_ROOT } from '../config/env.js';
import { KEY_SCOPES } from '../keys/key-scopes.js';
import { readPackageVersion } from '../openapi/read-package-version.js';
import type { CliContext } from './cli-context.js';
import { type KeysAddOptions, runKeysAdd } from './keys-add-command.js';
import { runSummarize, type SummarizeOptions } from './summarize-command.js';

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return number;
  };
}

/**
 * The `brief` command line. Actions report their exit code through `setExitCode`; output goes to the
 * context's streams, so the program runs the same in a process and in a test.
 */
export function createProgram(context: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('brief')
    .description('Bilingual (English/German) summaries of German news articles, from the command line.')
    .version(readPackageVersion(PROJECT_ROOT))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    });

  program
    .command('summarize')
    .description(
      'Summarize an article file, every .txt/.html file in a folder, or stdin (-). One article: Markdown, or JSON with --json. A folder: JSON Lines, one line per file.',
    )
    .argument('<target>', 'a file, a folder, or - for stdin')
    .option('--json', 'print one article as JSON (the API response) instead of Markdown')
    .option('-o, --out <file>', 'write the output to this file instead of stdout')
    .option(
      '-c, --concurrency <n>',
      'folder: articles summarized at once',
      integerIn(1, MAX_CONCURRENCY),
      DEFAULT_CONCURRENCY,
    )
    .option('-p, --prompt-version <version>', 'pin a prompt version, e.g. v1 (default: the configured one)')
    .option('-t, --title <title>', 'the article title (one article only)')
    .option(
      '--ninjs',
      'the file (or stdin) is an IPTC ninjs item (.json); print the ninjs answer (docs/ninjs.md)',
    )
    .option(
      '--stream',
      'one article: stream it and show its progress on stderr (default when stderr is a terminal; --no-stream to turn off)',
    )
    .option('--no-stream', 'do not stream')
    .option('-k, --key-points <n>', 'exactly this many key points per language', integerIn(3, 7))
    .addOption(
      new Option(
        '--format <format>',
        'read the input as text or html (default: by file extension; stdin: text)',
      ).choices(['text', 'html']),
    )
    .option('--url <url>', 'use the Brief service at this URL instead of working in-process (env: BRIEF_URL)')
    .option(
      '--api-key-file <file>',
      'read the API key for --url from this file (env: BRIEF_API_KEY); there is no --api-key, as process listings show arguments',
    )
    .addOption(new Option('--api-key <key>').hideHelp())
    .addOption(
      new Option('--log-level <level>', 'in-process logs on stderr')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
        .default('warn'),
    )
    .action(async (target: string, options: SummarizeOptions) => {
      setExitCode(await runSummarize(target, options, context));
    });

  const keys = program.command('keys').description('Manage the keys file (BRIEF_KEYS_FILE).');
  keys
    .command('add')
    .description(
      'Print a new random key secret once, and the keys-file entry (its SHA-256, never the secret).',
    )
    .requiredOption('--id <id>', 'the key id shown in logs, metrics and usage, e.g. newsletter')
    .requiredOption('--scopes <scopes>', `comma-separated, from: ${KEY_SCOPES.join(', ')}`)
    .option('--rate-limit-per-minute <n>', 'requests per minute for this key', integerIn(0, 1_000_000))
    .option('--monthly-budget-usd <usd>', 'model spend per calendar month (UTC)', nonNegativeNumber)
    .action((options: KeysAddOptions) => {
      setExitCode(runKeysAdd(options, context.io));
    });

  return program;
}

function nonNegativeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || value.trim() === '') {
    throw new InvalidArgumentError('expected a number of 0 or more.');
  }
  return number;
}
