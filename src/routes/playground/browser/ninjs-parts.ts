import { isRecord } from './api-types.js';

/** The media type of an IPTC ninjs item, sent and asked for. */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json';

/** What Brief added to a ninjs item, as an editor looks for it. */
export interface NinjsParts {
  germanHeadline: string | undefined;
  germanSummary: string | undefined;
  englishHeadline: string | undefined;
  englishSummary: string | undefined;
  digitalSourceType: string | undefined;
}

type Item = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function withRole(list: unknown, role: string): string | undefined {
  const entries = Array.isArray(list) ? list.filter(isRecord) : [];
  return text(entries.find((entry) => entry.role === role)?.value);
}

function sourceTypeOf(item: Item | undefined): string | undefined {
  const label = item?.digitalSourceType ?? item?.digitalsourcetype;
  return isRecord(label) ? text(label.uri) : undefined;
}

/**
 * Brief's parts of a ninjs answer in either shape: 2.x and 3.x entries with roles and the association
 * `summary-en`; 1.x `headline_summary`, `description_summary` and the association `summary_en`.
 */
export function readNinjsParts(answer: unknown): NinjsParts {
  const item: Item = isRecord(answer) ? answer : {};
  if (Array.isArray(item.headlines) || Array.isArray(item.descriptions) || Array.isArray(item.associations)) {
    const associations = Array.isArray(item.associations) ? item.associations.filter(isRecord) : [];
    const english = associations.find((association) => association.name === 'summary-en');
    return {
      germanHeadline: withRole(item.headlines, 'summary'),
      germanSummary: withRole(item.descriptions, 'summary'),
      englishHeadline: withRole(english?.headlines, 'main'),
      englishSummary: withRole(english?.descriptions, 'summary'),
      digitalSourceType: sourceTypeOf(english),
    };
  }
  const associations = isRecord(item.associations) ? item.associations : {};
  const english = isRecord(associations.summary_en) ? associations.summary_en : undefined;
  return {
    germanHeadline: text(item.headline_summary),
    germanSummary: text(item.description_summary),
    englishHeadline: text(english?.headline),
    englishSummary: text(english?.description_summary),
    digitalSourceType: sourceTypeOf(english),
  };
}

/** A sample article as a minimal 3.x item, for an editor who has no item at hand. */
export function sampleAsNinjsItem(slug: string, articleText: string): string {
  const item = {
    uri: `urn:brief:sample:${slug}`,
    type: 'text',
    language: 'de',
    bodies: [{ role: 'main', contentType: 'text/plain', value: articleText }],
  };
  return JSON.stringify(item, null, 2);
}
