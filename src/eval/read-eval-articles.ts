import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readSamples, sampleArticleText } from '../samples/read-samples.js';
import { readArticle } from '../summarize/prepare-article.js';

export const referenceSummarySchema = z.object({ en: z.string().min(1), de: z.string().min(1) });

export type ReferenceSummary = z.infer<typeof referenceSummarySchema>;

/** One article of an eval run. */
export interface EvalArticle {
  /** The sample's slug, or the corpus file name without `.txt`. */
  id: string;
  origin: 'sample' | 'corpus';
  /** The normalised article text the summarizer gets (what the HTTP path makes of the file). */
  text: string;
  reference: ReferenceSummary | undefined;
}

export interface ReadEvalArticlesOptions {
  /** The samples folder (`<slug>.de.txt|html`, references in `references/<slug>.json`); omit to skip. */
  samplesDirectory?: string | undefined;
  /** A folder of `.txt` articles, read in file-name order; references in `references/<name>.json`. */
  corpusDirectory?: string | undefined;
  /** Only the first N corpus files. */
  corpusLimit?: number | undefined;
}

const REFERENCES_FOLDER = 'references';

function readReference(directory: string, id: string): ReferenceSummary | undefined {
  const file = path.join(directory, REFERENCES_FOLDER, `${id}.json`);
  if (!existsSync(file)) {
    return undefined;
  }
  const parsed = referenceSummarySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: a reference summary is { "en": "…", "de": "…" } (${parsed.error.message})`);
  }
  return parsed.data;
}

/** The samples and corpus articles an eval runs on, each with its reference summary if it has one. */
export function readEvalArticles(options: ReadEvalArticlesOptions): EvalArticle[] {
  const articles: EvalArticle[] = [];
  const { samplesDirectory, corpusDirectory } = options;
  if (samplesDirectory !== undefined) {
    for (const sample of readSamples(samplesDirectory)) {
      articles.push({
        id: sample.slug,
        origin: 'sample',
        text: sampleArticleText(sample),
        reference: readReference(samplesDirectory, sample.slug),
      });
    }
  }
  if (corpusDirectory !== undefined) {
    const files = readdirSync(corpusDirectory)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .slice(0, options.corpusLimit ?? Number.POSITIVE_INFINITY);
    for (const file of files) {
      const id = file.slice(0, -'.txt'.length);
      articles.push({
        id,
        origin: 'corpus',
        text: readArticle({ text: readFileSync(path.join(corpusDirectory, file), 'utf8') }).text,
        reference: readReference(corpusDirectory, id),
      });
    }
  }
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) {
      throw new Error(`Two eval articles are named "${article.id}": rename one, results are paired by name.`);
    }
    seen.add(article.id);
  }
  return articles;
}
