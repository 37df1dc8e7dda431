import { countFunctionWords } from '../language/count-function-words.js';
import { loadEld } from '../language/load-eld.js';

export interface DetectedLanguage {
  /** ISO 639-1 code, or `und` when nothing could be told. */
  language: string;
  reliable: boolean;
}

// Most articles of the 10kGNAD sample meet these in the words eld reads; the rest go to eld. Dutch and the
// Scandinavian languages share some of `der`, `den`, `die`, `er`, `als`, but none of the distinctly German words.
const MIN_GERMAN_WORDS = 6;
const MIN_DISTINCTLY_GERMAN_WORDS = 3;
const MIN_LEAD_OVER_ENGLISH = 4;

/** Whether the function words alone settle that the text is German, as eld would find too. */
export function readsClearlyAsGerman(text: string): boolean {
  const counts = countFunctionWords(text);
  return (
    counts.de >= MIN_GERMAN_WORDS &&
    counts.distinctlyGerman >= MIN_DISTINCTLY_GERMAN_WORDS &&
    counts.de >= MIN_LEAD_OVER_ENGLISH * counts.en
  );
}

/**
 * The language of an article. Clearly German text is told by its function words; anything else is named by eld
 * (n-gram based, its small database loaded on first need).
 */
export function detectSourceLanguage(text: string): DetectedLanguage {
  if (readsClearlyAsGerman(text)) return { language: 'de', reliable: true };
  const result = loadEld().detect(text);
  return { language: result.language || 'und', reliable: result.isReliable() };
}
