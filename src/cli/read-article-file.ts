import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToArticleText } from '../summarize/html-to-article-text.js';

export type ArticleFormat = 'text' | 'html';

/** The extensions a folder run picks up; any other file in the folder is left alone. */
export const ARTICLE_EXTENSIONS: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** HTML for `.html` and `.htm`; everything else is read as plain text. */
export function formatOfFile(file: string): ArticleFormat {
  return ARTICLE_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

/** The article text of a file's content: HTML goes through the same converter as `text/html` bodies. */
export function articleTextOf(content: string, format: ArticleFormat): string {
  return format === 'html' ? htmlToArticleText(content) : content;
}

export async function readArticleFile(
  file: string,
  format: ArticleFormat = formatOfFile(file),
): Promise<string> {
  return articleTextOf(await readFile(file, 'utf8'), format);
}
