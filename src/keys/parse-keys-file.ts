import { CORE_SCHEMA, load } from 'js-yaml';
import { type KeysFile, keysFileSchema } from './keys-file-schema.js';

/** A keys file that cannot be used; the message names the file and every problem in it. */
export class KeysFileError extends Error {
  override readonly name = 'KeysFileError';
}

/**
 * The keys in a keys file's text. YAML is a superset of JSON, so one parser reads both; the
 * core schema keeps YAML from turning values into dates or other surprises.
 */
export function parseKeysFile(text: string, fileName: string): KeysFile {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, filename: fileName });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeysFileError(`${fileName} is not valid YAML or JSON: ${reason}`);
  }
  const result = keysFileSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(whole file)'}: ${issue.message}`,
    );
    throw new KeysFileError(`${fileName} is not a valid keys file:\n${lines.join('\n')}`);
  }
  return result.data;
}
