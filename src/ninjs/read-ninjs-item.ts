import { UnsupportedLanguageError, ValidationError } from '../errors/brief-error.js';
import { zodIssuesToValidationError } from '../http/zod-issues-to-validation-error.js';
import { detectNinjsVersion } from './detect-ninjs-version.js';
import { type NinjsVersion, ninjsItemSchemas } from './ninjs-item-schemas.js';

const SOURCE_LANGUAGE = 'de';
const HTML = 'text/html';
const TEXT = 'text/plain';
const MAIN_ROLE = 'main';

/** The body Brief summarizes, as the item has it: HTML still to be read as text (readNinjsArticleText). */
export interface NinjsBody {
  contentType: typeof HTML | typeof TEXT;
  value: string;
  /** JSON Pointer to the body's value in the item (`/bodies/1/value`, 1.x `/body_html`), for refusals. */
  pointer: string;
}

/** What Brief takes from a ninjs item, and the item itself for the answer. */
export interface NinjsArticle {
  version: NinjsVersion;
  /** The item as it came, every member kept. */
  item: Record<string, unknown>;
  /** The HTML body if there is one (it carries the paragraphs), else the plain-text one. */
  body: NinjsBody;
  /** The main headline, if the item has one. */
  title: string | undefined;
  /** The item's `uri`, echoed back as `article_id`. */
  articleId: string;
}

interface TextEntry {
  role?: string | undefined;
  value: string;
  contentType: string | undefined;
  pointer: string;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? TEXT).split(';')[0]?.trim().toLowerCase() ?? TEXT;
}

/** The HTML rendition if there is one (it carries the paragraphs), else the plain-text one. */
function articleBodyOf(bodies: TextEntry[]): NinjsBody | undefined {
  for (const contentType of [HTML, TEXT] as const) {
    const body = bodies.find((entry) => mediaType(entry.contentType) === contentType && entry.value.trim());
    if (body) return { contentType, value: body.value, pointer: body.pointer };
  }
  return undefined;
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
  member: string,
): TextEntry[] {
  return (list ?? []).map((entry, index) => ({
    role: entry.role,
    value: entry.value,
    contentType: typeof entry[contentTypeKey] === 'string' ? (entry[contentTypeKey] as string) : undefined,
    pointer: `/${member}/${index}/value`,
  }));
}

function parts(version: NinjsVersion, body: unknown) {
  if (version === 1) {
    const parsed = ninjsItemSchemas[1].safeParse(body);
    if (!parsed.success) throw zodIssuesToValidationError(parsed.error);
    const item = parsed.data;
    const bodies: TextEntry[] = [
      ...(item.body_html === undefined
        ? []
        : [{ value: item.body_html, contentType: HTML, pointer: '/body_html' }]),
      ...(item.body_text === undefined
        ? []
        : [{ value: item.body_text, contentType: TEXT, pointer: '/body_text' }]),
    ];
    return {
      item,
      bodies,
      headlines:
        item.headline === undefined
          ? []
          : [{ value: item.headline, contentType: TEXT, pointer: '/headline' }],
    };
  }
  const parsed = ninjsItemSchemas[version].safeParse(body);
  if (!parsed.success) throw zodIssuesToValidationError(parsed.error);
  const key = version === 2 ? 'contenttype' : 'contentType';
  return {
    item: parsed.data,
    bodies: entries(parsed.data.bodies, key, 'bodies'),
    headlines: entries(parsed.data.headlines, key, 'headlines'),
  };
}

/**
 * A ninjs 1.x, 2.x or 3.x item as the article Brief summarizes. Refuses, before any model call,
 * an item that is not an object or breaks the schema of what Brief reads (422 with the issues),
 * one declared in another language than German, and one without a text or HTML body. Pure and
 * cheap: an HTML body is read as text by readNinjsArticleText, off the event loop on the server.
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
  const articleBody = articleBodyOf(bodies);
  if (articleBody === undefined) {
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
  return {
    version,
    item: original,
    body: articleBody,
    title: mainHeadlineOf(headlines),
    articleId: item.uri,
  };
}
