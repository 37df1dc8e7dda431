import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The `version` of the package.json in this folder. */
export function readPackageVersion(projectRoot: string): string {
  const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  if (typeof packageJson.version !== 'string') {
    throw new Error(`${path.join(projectRoot, 'package.json')} has no version`);
  }
  return packageJson.version;
}
