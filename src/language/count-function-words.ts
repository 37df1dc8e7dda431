/**
 * How much of a text eld reads: it stops after about 350 bytes of words, so counting over fewer characters
 * judges only what eld would have judged too.
 */
const WINDOW_CHARS = 300;

const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(' '));

// Words of one language and not the other (no `am`, `an`, `her`, `was`, `will`, `so`, `also`): a hit is evidence
// for that language alone. A name such as "Der Spiegel" in an English text only makes the count more cautious.
const ENGLISH_FUNCTION_WORDS = wordSet(
  'a about after as at be been being but by could for from had has have he his into is it its not of on or said says she should than that the their them these they this those to were which who whom whose with would',
);
const GERMAN_FUNCTION_WORDS = wordSet(
  'aber als auch auf aus bei beim dass das dem den der des die durch ein eine einem einen einer eines er es für gegen hat haben ihr ihre im ist kann können mehr mit muss müssen nach nicht noch nur oder schon sein seine seit sich sie sind soll sollen um und über vom von vor werden wie wird wurde wurden zu zum zur',
);
// German words that Dutch, Danish, Norwegian and Swedish do not share (unlike `der`, `den`, `die`, `er`, `als`).
const DISTINCTLY_GERMAN_WORDS = wordSet(
  'aus bei beim dass das dem des ein eine einem einen einer eines für hat haben im ist mit nicht oder sich sie sind und über vom von wird wurde wurden',
);

const WORD = /\p{L}+/gu;

export interface FunctionWordCounts {
  en: number;
  de: number;
  /** The German hits that no Dutch or Scandinavian text would have. */
  distinctlyGerman: number;
}

/** English and German function words among the first words of a text (what eld reads of it). */
export function countFunctionWords(text: string): FunctionWordCounts {
  const counts: FunctionWordCounts = { en: 0, de: 0, distinctlyGerman: 0 };
  for (const word of text.slice(0, WINDOW_CHARS).toLowerCase().match(WORD) ?? []) {
    if (ENGLISH_FUNCTION_WORDS.has(word)) {
      counts.en++;
    } else if (GERMAN_FUNCTION_WORDS.has(word)) {
      counts.de++;
      if (DISTINCTLY_GERMAN_WORDS.has(word)) counts.distinctlyGerman++;
    }
  }
  return counts;
}
