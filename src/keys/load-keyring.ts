import { readFileSync } from 'node:fs';
import type { Config } from '../config/env.js';
import { type Keyring, keyringFromFile, keyringFromList } from './keyring.js';
import { KeysFileError, parseKeysFile } from './parse-keys-file.js';

/** The keys Brief accepts: the keys file when one is set (read once, at start-up), else the plain lists. */
export function loadKeyring(auth: Config['auth']): Keyring {
  if (auth.keysFile === undefined) {
    return keyringFromList(auth.keys, auth.keyHashes);
  }
  let text: string;
  try {
    text = readFileSync(auth.keysFile, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeysFileError(`BRIEF_KEYS_FILE=${auth.keysFile} cannot be read: ${reason}`);
  }
  const file = parseKeysFile(text, auth.keysFile);
  if (auth.keys.length > 0 || auth.keyHashes.length > 0) {
    throw new KeysFileError(
      'Set either BRIEF_KEYS_FILE or BRIEF_API_KEYS / BRIEF_API_KEY_HASHES, not both: the keys file names every key.',
    );
  }
  return keyringFromFile(file);
}
