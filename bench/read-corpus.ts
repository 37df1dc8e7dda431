import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSamples, sampleArticleText } from '../src/samples/read-samples.js';

export interface CorpusArticle {
  name: string;
  /** What a client sends as `text`. */
  text: string;
}

/**
 * The benchmark's articles: without a folder, the project's samples as the HTTP path reads them;
 * with one (e.g. `../shared/corpus/10kgnad`), every `.txt` file in it, read at run time.
 */
export function readCorpus(projectRoot: string, folder?: string): CorpusArticle[] {
  if (folder === undefined) {
    return readSamples(path.join(projectRoot, 'samples')).map((sample) => ({
      name: path.basename(sample.file),
      text: sampleArticleText(sample),
    }));
  }
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`No .txt articles in ${folder}`);
  return files.map((file) => ({ name: file, text: readFileSync(path.join(folder, file), 'utf8') }));
}
