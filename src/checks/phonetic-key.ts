// German and English transliterate the same names differently: Wladimir/Vladimir,
// Selenskyj/Zelensky, Lawrow/Lavrov, Pjöngjang/Pyongyang, Chodorkowski/Khodorkovsky.
// In order: "ß" becomes "ss" before "sch" is looked for, so "ßch" ends as "ssh".
const SPELLING_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ß/g, 'ss'],
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/kh/g, 'ch'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/z/g, 's'],
  [/j/g, 'y'],
];

const MARKS = /\p{M}/gu;
const REPEATED_LETTER = /(\p{L})\1+/gu;

/** Lower case, without accents, with one spelling of each variant and no doubled letters. */
function keyLetters(text: string): string {
  let key = text.toLowerCase().normalize('NFD').replace(MARKS, '');
  for (const [spelling, variant] of SPELLING_VARIANTS) key = key.replace(spelling, variant);
  return key.replace(REPEATED_LETTER, '$1');
}

/** A spelling-insensitive key of a name, so transliterations compare equal. */
export function phoneticKey(name: string): string {
  return keyLetters(name).replace(/y$/, 'i');
}

/**
 * `phoneticKey` of every word of a text of words (letters, marks and digits) between single spaces,
 * as such a text: the same steps run over the whole text, which no step crosses.
 */
export function phoneticKeysOfWords(words: string): string {
  return keyLetters(words).replace(/y(?= |$)/g, 'i');
}
