import { countFunctionWords } from '../language/count-function-words.js';
import type { DetectedLanguage } from '../language/name-language.js';

export type { DetectedLanguage } from '../language/name-language.js';

/** Names a text's language where no function word settles it: eld, on the worker pool in the server. */
export type NameLanguage = (text: string) => Promise<DetectedLanguage>;

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
 * The language of an article. Clearly German text is told by its function words here; anything else
 * is named by `nameLanguage`. The server's names it on the worker pool, which holds the one copy of
 * eld's database, so the event loop never loads or runs the n-gram detector.
 */
export async function detectSourceLanguage(
  text: string,
  nameLanguage: NameLanguage,
): Promise<DetectedLanguage> {
  if (readsClearlyAsGerman(text)) return { language: 'de', reliable: true };
  return nameLanguage(text);
}
