/** What the Message Batches API accepts as a `custom_id`. */
export const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_CUSTOM_ID_CHARS = 64;
const SAFE_CHARACTERS = /^[a-zA-Z0-9_-]+$/;
const PARSE_PATTERN = /^(0|[1-9]\d{0,5})(?:([-_x])(.+))?$/;
/** Kept as they are in the escaped form; every other UTF-8 byte is `_` and two hex digits. */
const UNESCAPED = /[A-Za-z0-9-]/;
const ESCAPED_PATTERN = /^(?:[A-Za-z0-9-]|_[0-9A-F]{2})+$/;

export interface CustomIdContent {
  /** The article's position in the submitted `articles`. */
  index: number;
  /** Null when the article id was too long to travel in the `custom_id`. */
  articleId: string | null;
}

function decodeBase64Url(payload: string): string | undefined {
  const bytes = Buffer.from(payload, 'base64url');
  // Node decodes leniently: only an exact round trip is accepted.
  if (bytes.toString('base64url') !== payload) {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Percent-encoding with `_` for `%`: a URI or URN (`urn:newsml:…`) grows by two characters per `:`, `/` or `.`. */
function escapeId(articleId: string): string {
  let escaped = '';
  for (const character of articleId) {
    if (UNESCAPED.test(character)) {
      escaped += character;
    } else {
      for (const byte of Buffer.from(character, 'utf8')) {
        escaped += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return escaped;
}

function unescapeId(payload: string): string | undefined {
  if (!ESCAPED_PATTERN.test(payload)) {
    return undefined;
  }
  const bytes: number[] = [];
  for (let position = 0; position < payload.length; position += 1) {
    if (payload[position] === '_') {
      bytes.push(Number.parseInt(payload.slice(position + 1, position + 3), 16));
      position += 2;
    } else {
      bytes.push(payload.charCodeAt(position));
    }
  }
  try {
    const articleId = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    // Only the one spelling Brief makes is accepted.
    return escapeId(articleId) === payload ? articleId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A batch item's `custom_id`: the article's index, then its id so the answer can name it again.
 * - `{index}-{article_id}` when the id is letters, digits, `_` and `-` and the whole fits 64 characters;
 * - `{index}_{base64url(article_id)}` when the id has other characters and its encoding fits;
 * - `{index}x{escaped article_id}` when the escaped form fits (typically a ninjs item's `uri`);
 * - `{index}` alone otherwise: the item comes back with its index and a null `article_id`.
 * The index makes every `custom_id` of a batch unique, whatever the article ids are.
 */
export function toCustomId(index: number, articleId: string): string {
  const verbatim = `${index}-${articleId}`;
  if (SAFE_CHARACTERS.test(articleId) && verbatim.length <= MAX_CUSTOM_ID_CHARS) {
    return verbatim;
  }
  const encoded = `${index}_${Buffer.from(articleId, 'utf8').toString('base64url')}`;
  if (encoded.length <= MAX_CUSTOM_ID_CHARS) {
    return encoded;
  }
  const escaped = `${index}x${escapeId(articleId)}`;
  if (escaped.length <= MAX_CUSTOM_ID_CHARS) {
    return escaped;
  }
  return String(index);
}

/** The index and article id in a `custom_id` Brief made; undefined for anything else. */
export function parseCustomId(customId: string): CustomIdContent | undefined {
  if (!CUSTOM_ID_PATTERN.test(customId)) {
    return undefined;
  }
  const match = PARSE_PATTERN.exec(customId);
  if (!match) {
    return undefined;
  }
  const index = Number(match[1]);
  const [, , separator, payload] = match;
  if (separator === undefined || payload === undefined) {
    return { index, articleId: null };
  }
  if (separator === '-') {
    return { index, articleId: payload };
  }
  const articleId = separator === 'x' ? unescapeId(payload) : decodeBase64Url(payload);
  return articleId === undefined ? undefined : { index, articleId };
}
