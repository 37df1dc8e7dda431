/** What the Message Batches API accepts as a `custom_id`. */
export const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_CUSTOM_ID_CHARS = 64;
const SAFE_CHARACTERS = /^[a-zA-Z0-9_-]+$/;
const PARSE_PATTERN = /^(0|[1-9]\d{0,5})(?:([-_])(.+))?$/;

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

/**
 * A batch item's `custom_id`: the article's index, then its id so the answer can name it again.
 * - `{index}-{article_id}` when the id is letters, digits, `_` and `-` and the whole fits 64 characters;
 * - `{index}_{base64url(article_id)}` when the id has other characters and its encoding fits;
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
  const articleId = decodeBase64Url(payload);
  return articleId === undefined ? undefined : { index, articleId };
}
