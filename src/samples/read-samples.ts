import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToArticleText } from '../summarize/html-to-article-text.js';
import { normalizeArticle } from '../summarize/normalize-article.js';

export interface Sample {
  /** File name without the language and format suffix, e.g. `seed-article`. */
  slug: string;
  file: string;
  format: 'text' | 'html';
  /** The file's content, exactly as stored. */
  raw: string;
}

const SAMPLE_FILE = /^(.+)\.de\.(txt|html)$/;

/** The German samples in a folder, in file-name order. */
export function readSamples(directory: string): Sample[] {
  return readdirSync(directory)
    .sort()
    .flatMap((file) => {
      const match = SAMPLE_FILE.exec(file);
      if (!match?.[1]) {
        return [];
      }
      const fullPath = path.join(directory, file);
      return [
        {
          slug: match[1],
          file: fullPath,
          format: match[2] === 'html' ? ('html' as const) : ('text' as const),
          raw: readFileSync(fullPath, 'utf8'),
        },
      ];
    });
}

/** The article text Brief summarizes for a sample: exactly what the HTTP path makes of the file's body. */
export function sampleArticleText(sample: Sample): string {
  return normalizeArticle(sample.format === 'html' ? htmlToArticleText(sample.raw) : sample.raw);
}
