import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors/usage-error.js';

export interface ApiKeyOptions {
  /** Refused: kept as an option only to say why and what to use instead. */
  apiKey?: string;
  apiKeyFile?: string;
}

/**
 * The key for `--url`: from `--api-key-file`, else BRIEF_API_KEY. Never from an argument, because
 * every user of the machine can read a process's arguments (`ps`, /proc).
 */
export async function readApiKey(options: ApiKeyOptions, fromEnvironment: string | undefined) {
  if (options.apiKey !== undefined) {
    throw new UsageError(
      '--api-key is not accepted: a key on the command line shows in process listings. Set BRIEF_API_KEY or use --api-key-file <file>.',
    );
  }
  if (options.apiKeyFile === undefined) {
    return fromEnvironment;
  }
  const key = await readFile(options.apiKeyFile, 'utf8').then(
    (content) => content.trim(),
    () => {
      throw new UsageError(`Cannot read the API key file: ${options.apiKeyFile}`);
    },
  );
  if (key === '' || /\s/.test(key)) {
    throw new UsageError(`The API key file must hold the key alone: ${options.apiKeyFile}`);
  }
  return key;
}
