import { escapeText } from 'entities';
import { TRAINED_ALGORITHMIC_MEDIA, TRAINED_ALGORITHMIC_MEDIA_NAME } from './digital-source-type.js';
import type { NinjsVersion } from './ninjs-item-schemas.js';
import type { NinjsArticle } from './read-ninjs-item.js';

/** Roles of what Brief adds: a description and headline role `summary`, the key points as `keypoints`. */
export const NINJS_ROLES = { summary: 'summary', keyPoints: 'keypoints', main: 'main' } as const;
/** The `name` of Brief's `aiInfo` entry, which every generated part refers to. */
export const AI_INFO_NAME = 'brief';
/** The association that carries the English summary (a 1.x association key allows no dash). */
export const ENGLISH_ASSOCIATION = { name: 'summary-en', key1x: 'summary_en', rel: 'summary' } as const;
const ANTHROPIC = { name: 'Anthropic', uri: 'https://www.anthropic.com/' } as const;

export interface NinjsLanguageSummary {
  headline: string;
  summary: string;
  key_points: ReadonlyArray<string | { text: string }>;
}

export interface NinjsAnswerInput {
  /** The ninjs item the request carried; absent for text, HTML or JSON input (answered as 3.x). */
  source: NinjsArticle | undefined;
  summaries: { en: NinjsLanguageSummary; de: NinjsLanguageSummary };
  /** The request's `article_id` and id, for the `uri` of an item built from plain input. */
  articleId: string | null;
  requestId: string;
  model: string;
  prompt: { name: string; version: string; sha256: string };
  /** Add the proposed `aiInfo` / `aiInfoRef` (IPTC ninjs decision record 0004; not in a released schema). */
  aiInfo: boolean;
}

type Item = Record<string, unknown>;

/** Property names of the version: 1.x and 2.x lowercase, 3.x camelCase. */
function namesOf(version: NinjsVersion) {
  const camel = version === 3;
  return {
    contentType: camel ? 'contentType' : 'contenttype',
    digitalSourceType: camel ? 'digitalSourceType' : 'digitalsourcetype',
    aiInfo: camel ? 'aiInfo' : 'aiinfo',
    aiInfoRef: camel ? 'aiInfoRef' : 'aiinforef',
    promptInfo: camel ? 'promptInfo' : 'promptinfo',
  };
}

function keyPointsHtml(keyPoints: NinjsLanguageSummary['key_points']): string {
  const items = keyPoints.map(
    (point) => `<li>${escapeText(typeof point === 'string' ? point : point.text)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

/** A `uri` for an item built from plain input: the article id when it is a URI, else one Brief makes. */
function uriFor(articleId: string | null, requestId: string): string {
  if (articleId !== null && URI.test(articleId)) return articleId;
  return articleId === null
    ? `urn:brief:request:${encodeURIComponent(requestId)}`
    : `urn:brief:article:${encodeURIComponent(articleId)}`;
}

function aiInfoEntry(input: NinjsAnswerInput, version: NinjsVersion): Item {
  const names = namesOf(version);
  return {
    name: AI_INFO_NAME,
    role: 'summarization',
    system: { name: input.model, literal: input.model },
    provider: { ...ANTHROPIC },
    [names.promptInfo]: {
      uri: `urn:brief:prompt:${input.prompt.name}:sha256:${input.prompt.sha256}`,
      version: input.prompt.version,
    },
  };
}

function englishItem(input: NinjsAnswerInput, uri: string, version: NinjsVersion): Item {
  const names = namesOf(version);
  const { en } = input.summaries;
  const label = {
    [names.digitalSourceType]: { uri: TRAINED_ALGORITHMIC_MEDIA, name: TRAINED_ALGORITHMIC_MEDIA_NAME },
    ...(input.aiInfo ? { [names.aiInfoRef]: AI_INFO_NAME } : {}),
  };
  const englishUri = `${uri.split('#')[0]}#brief-${ENGLISH_ASSOCIATION.name}`;
  if (version === 1) {
    return {
      uri: englishUri,
      type: 'text',
      language: 'en',
      headline: en.headline,
      description_summary: en.summary,
      description_keypoints_html: keyPointsHtml(en.key_points),
      ...label,
    };
  }
  return {
    name: ENGLISH_ASSOCIATION.name,
    ...(version === 3 ? { rel: ENGLISH_ASSOCIATION.rel } : {}),
    uri: englishUri,
    type: 'text',
    language: 'en',
    headlines: [{ role: NINJS_ROLES.main, [names.contentType]: 'text/plain', value: en.headline }],
    descriptions: [
      { role: NINJS_ROLES.summary, [names.contentType]: 'text/plain', value: en.summary },
      { role: NINJS_ROLES.keyPoints, [names.contentType]: 'text/html', value: keyPointsHtml(en.key_points) },
    ],
    ...label,
  };
}

function list(value: unknown): Item[] {
  return Array.isArray(value) ? (value as Item[]) : [];
}

/**
 * The ninjs answer: the item that came in with every member kept (identity, body, rights), plus the
 * German summary headline, summary and key points and the English summary as an associated item,
 * each labelled as machine-generated. Plain input gets a 3.x item of its own.
 */
export function buildNinjsAnswer(input: NinjsAnswerInput): Item {
  const version = input.source?.version ?? 3;
  const item: Item = input.source?.item ?? {
    uri: uriFor(input.articleId, input.requestId),
    type: 'text',
    language: 'de',
  };
  const uri = String(item.uri);
  const names = namesOf(version);
  const { de } = input.summaries;
  const aiInfo = input.aiInfo
    ? { [names.aiInfo]: [...list(item[names.aiInfo]), aiInfoEntry(input, version)] }
    : {};
  const english = englishItem(input, uri, version);

  if (version === 1) {
    const associations = (item.associations ?? {}) as Item;
    return {
      ...item,
      headline_summary: de.headline,
      description_summary: de.summary,
      description_keypoints_html: keyPointsHtml(de.key_points),
      associations: { ...associations, [ENGLISH_ASSOCIATION.key1x]: english },
      ...aiInfo,
    };
  }
  const generated = (entry: Item): Item =>
    input.aiInfo ? { ...entry, [names.aiInfoRef]: AI_INFO_NAME } : entry;
  return {
    ...item,
    headlines: [
      ...list(item.headlines),
      generated({ role: NINJS_ROLES.summary, [names.contentType]: 'text/plain', value: de.headline }),
    ],
    descriptions: [
      ...list(item.descriptions),
      generated({ role: NINJS_ROLES.summary, [names.contentType]: 'text/plain', value: de.summary }),
      generated({
        role: NINJS_ROLES.keyPoints,
        [names.contentType]: 'text/html',
        value: keyPointsHtml(de.key_points),
      }),
    ],
    associations: [
      ...list(item.associations).filter((association) => association.name !== ENGLISH_ASSOCIATION.name),
      english,
    ],
    ...aiInfo,
  };
}
