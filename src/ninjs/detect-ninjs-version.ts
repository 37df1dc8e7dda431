import { ValidationError } from '../errors/brief-error.js';
import { NINJS_VERSIONS, type NinjsVersion } from './ninjs-item-schemas.js';

// Names only 1.x has, and camelCase names only 3.x has; 2.x writes the 3.x names in lowercase.
const ONLY_1X = /^(headline$|headline_|body_|description_|\$standard$|byline$|person$|subject$|renditions$)/;
const ONLY_3X =
  /^(versionCreated|firstCreated|contentCreated|pubStatus|copyrightHolder|copyrightNotice|usageTerms|edNote|infoSources|altIds|trustIndicators|rightsInfo|digitalSourceType|embargoedUntil|representationType)$/;
const ONLY_2X = new RegExp(ONLY_3X.source.toLowerCase());
const CAMEL_CONTENT_TYPE = 'contentType';

function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

function entriesUse(item: Record<string, unknown>, key: string): boolean {
  return ['headlines', 'bodies', 'descriptions'].some(
    (member) =>
      Array.isArray(item[member]) &&
      (item[member] as unknown[]).some(
        (entry) => typeof entry === 'object' && entry !== null && key in entry,
      ),
  );
}

/**
 * The major version of a ninjs item: the one it declares (`standard.version`, `$standard.version`
 * in 1.x), else the one its property names belong to. An item that could be 2.x or 3.x reads as
 * 3.x, the current version; the two read the same for what Brief takes from them.
 */
export function detectNinjsVersion(item: Record<string, unknown>): NinjsVersion {
  const declared = (item.standard ?? item.$standard) as { version?: unknown } | undefined;
  if (typeof declared?.version === 'string') {
    const major = majorOf(declared.version);
    const pointer = item.standard === undefined ? '/$standard/version' : '/standard/version';
    if (!NINJS_VERSIONS.includes(major as NinjsVersion)) {
      throw new ValidationError(`ninjs ${declared.version} is not supported; send a 1.x, 2.x or 3.x item.`, [
        { pointer, detail: `unsupported ninjs version (supported: ${NINJS_VERSIONS.join(', ')})` },
      ]);
    }
    return major as NinjsVersion;
  }
  const keys = Object.keys(item);
  if (keys.some((key) => ONLY_1X.test(key))) return 1;
  if (keys.some((key) => ONLY_3X.test(key)) || entriesUse(item, CAMEL_CONTENT_TYPE)) return 3;
  if (entriesUse(item, 'contenttype') || keys.some((key) => ONLY_2X.test(key))) return 2;
  return 3;
}
