import { UsageError } from '../errors/usage-error.js';
import type { NinjsArticle } from '../ninjs/read-ninjs-item.js';
import { readNinjsItem } from '../ninjs/read-ninjs-item.js';

/** A ninjs item from a `.json` file or stdin, read as `POST /v1/summaries` reads an `application/ninjs+json` body. */
export function readNinjsFile(content: string, name: string): NinjsArticle {
  let item: unknown;
  try {
    item = JSON.parse(content);
  } catch {
    throw new UsageError(`${name} is not JSON; --ninjs reads an IPTC ninjs item.`);
  }
  return readNinjsItem(item);
}
