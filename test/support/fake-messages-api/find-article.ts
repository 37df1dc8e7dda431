/** The parts of a Messages API request body the fake reads; everything else is passed over. */
export interface MessagesRequestBody {
  model?: unknown;
  max_tokens?: unknown;
  messages?: unknown;
  system?: unknown;
  output_config?: unknown;
}

// The same hex on both tags: a tag-like string with another code inside the article stays article.
const ARTICLE_PATTERN = /<article-([0-9a-fA-F]+)>([\s\S]*?)<\/article-\1>/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (!Array.isArray(content)) {
    return '';
  }
  return content
    .filter(
      (block): block is { type: 'text'; text: string } => isRecord(block) && typeof block.text === 'string',
    )
    .map((block) => block.text)
    .join('\n');
}

/** The text of the first user message (string content or its text blocks). */
export function firstUserText(body: MessagesRequestBody): string {
  if (!Array.isArray(body.messages)) {
    return '';
  }
  const first = body.messages.find((message) => isRecord(message) && message.role === 'user');
  return isRecord(first) ? textOf(first.content) : '';
}

/**
 * The article between `<article-HEX>` and `</article-HEX>` in the first user message. Without the
 * tags the whole message counts as the article, so ad-hoc requests still get an answer.
 */
export function findArticle(body: MessagesRequestBody): string {
  const text = firstUserText(body);
  const match = ARTICLE_PATTERN.exec(text);
  return (match?.[2] ?? text).trim();
}
