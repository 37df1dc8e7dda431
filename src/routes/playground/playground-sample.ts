import { type Sample, sampleArticleText } from '../../samples/read-samples.js';

/** A sample article as the playground offers it: the text exactly as the API would summarize it. */
export interface PlaygroundSample {
  slug: string;
  /** The article's first line, shortened: what an editor recognises it by. */
  title: string;
  text: string;
}

const TITLE_MAX_CHARS = 70;

function shorten(line: string): string {
  return line.length <= TITLE_MAX_CHARS ? line : `${line.slice(0, TITLE_MAX_CHARS - 1).trimEnd()}…`;
}

export function toPlaygroundSample(sample: Sample): PlaygroundSample {
  const text = sampleArticleText(sample);
  const firstLine = text.split('\n').find((line) => line.trim().length > 0) ?? sample.slug;
  return { slug: sample.slug, title: shorten(firstLine.trim()), text };
}
