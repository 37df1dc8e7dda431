import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTICLE_EXTENSIONS } from './read-article-file.js';

/** The article files directly in a folder (not in subfolders), in name order. */
export async function listArticleFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && path.extname(entry.name).toLowerCase() in ARTICLE_EXTENSIONS)
    .map((entry) => path.join(directory, entry.name))
    .sort();
}
