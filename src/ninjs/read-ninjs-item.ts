import { UnsupportedLanguageError, ValidationError } from '../errors/brief-error.js';
import { zodIssuesToValidationError } from '../http/zod-issues-to-validation-error.js';
import { htmlToArticleText } from '../summarize/html-to-article-text.js';
import { detectNinjsVersion } from './detect-ninjs-version.js';
import { type NinjsVersion, ninjsItemSchemas } from './ninjs-item-schemas.js';

const SOURCE_LANGUAGE = 'de';
const HTML = 'text/html';
const TEXT = 'text/plain';
const MAIN_ROLE = 'main';

/** What Brief takes from a ninjs item, and the item itself for the answer. */
export interface NinjsArticle {
  version: NinjsVersion;
  /** The item as it came, every member kept. */
  item: Record<string, unknown>;
  /** The article as plain text: from the HTML body through the same path as `text/html`, else the text body. */
  text: string;
  /** The main headline, if the item has one. */
  title: string | undefined;
  /** The item's `uri`, echoed back as `article_id`. */
  articleId: string;
}

interface TextEntry {
  role?: string | undefined;
  value: string;
  contentType: string | undefined;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? TEXT).split(';')[0]?.trim().toLowerCase() ?? TEXT;
}

/** The HTML rendition if there is one (it carries the paragraphs), else the plain-text one. */
function articleTextOf(bodies: TextEntry[]): string | undefined {
  const html = bodies.find((body) => mediaType(body.contentType) === HTML && body.value.trim());
  if (html) return htmlToArticleText(html.value);
  return bodies.find((body) => mediaType(body.contentType) === TEXT && body.value.trim())?.value;
}

/** The headline with role `main`, else the first one without a role. */
function mainHeadlineOf(headlines: TextEntry[]): string | undefined {
  const main =
    headlines.find((headline) => headline.role === MAIN_ROLE) ?? headlines.find((headline) => !headline.role);
  return main?.value.trim() ? main.value : undefined;
}

function entries(
  list: ReadonlyArray<{ role?: string | undefined; value: string; [key: string]: unknown }> | undefined,
  contentTypeKey: string,
): TextEntry[] {
  return (list ?? []).map((entry) => ({
    role: entry.role,
    value: entry.value,
    contentType: typeof entry[contentTypeKey] === 'string' ? (entry[contentTypeKey] as string) : undefined,
  }));
}

function parts(version: NinjsVersion, body: unknown) {
  if (version === 1) {
    const parsed = ninjsItemSchemas[1].safeParse(body);
    if (!parsed.success) throw zodIssuesToValidationError(parsed.error);
    const item = parsed.data;
    const bodies: TextEntry[] = [
      ...(item.body_html === undefined ? [] : [{ value: item.body_html, contentType: HTML }]),
      ...(item.body_text === undefined ? [] : [{ value: item.body_text, contentType: TEXT }]),
    ];
    return {
      item,
      bodies,
      headlines: item.headline === undefined ? [] : [{ value: item.headline, contentType: TEXT }],
    };
  }
  const parsed = ninjsItemSchemas[version].safeParse(body);
  if (!parsed.success) throw zodIssuesToValidationError(parsed.error);
  const key = version === 2 ? 'contenttype' : 'contentType';
  return {
    item: parsed.data,
    bodies: entries(parsed.data.bodies, key),
    headlines: entries(parsed.data.headlines, key),
  };
}

/**
 * A ninjs 1.x, 2.x or 3.x item as the article Brief summarizes. Refuses, before any model call,
 * an item that is not an object or breaks the schema of what Brief reads (422 with the issues),
 * one declared in another language than German, and one without a text or HTML body.
 */
export function readNinjsItem(body: unknown): NinjsArticle {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('A ninjs item is a JSON object.', [
      { pointer: '', detail: 'expected an object' },
    ]);
  }
  const version = detectNinjsVersion(body as Record<string, unknown>);
  const { item, bodies, headlines } = parts(version, body);
  const declared = item.language?.split('-')[0]?.toLowerCase();
  if (declared !== undefined && declared !== SOURCE_LANGUAGE) {
    throw new UnsupportedLanguageError(
      `Brief summarizes German articles; this ninjs item declares language "${item.language}".`,
      { extensions: { declared_language: item.language, expected_language: SOURCE_LANGUAGE } },
    );
  }
  const text = articleTextOf(bodies);
  if (text === undefined) {
    const pointer = version === 1 ? '/body_text' : '/bodies';
    const wanted =
      version === 1
        ? '`body_html` or `body_text`'
        : 'a `bodies` entry with content type text/html or text/plain';
    throw new ValidationError(`The ninjs item has no article text: Brief needs ${wanted}.`, [
      { pointer, detail: `missing: ${wanted}` },
    ]);
  }
  // The answer keeps the item as it came, in its own member order.
  const original = body as Record<string, unknown>;
  return { version, item: original, text, title: mainHeadlineOf(headlines), articleId: item.uri };
}
