// German and English transliterate the same names differently: Wladimir/Vladimir,
// Selenskyj/Zelensky, Lawrow/Lavrov, Pjöngjang/Pyongyang, Chodorkowski/Khodorkovsky.
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

/** A spelling-insensitive key of a name, so transliterations compare equal. */
export function phoneticKey(name: string): string {
  let key = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of SPELLING_VARIANTS) key = key.replace(pattern, replacement);
  return key.replace(/(\p{L})\1+/gu, '$1').replace(/y$/, 'i');
}

/**
 * `phoneticKey` of many words (letters, marks and digits only) at once: the same steps run over the
 * words joined by spaces, which no step crosses. Keying every word of an article one by one was the
 * largest single cost of the fact checks (bench/).
 */
export function phoneticKeys(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  let keys = words.join(' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of SPELLING_VARIANTS) keys = keys.replace(pattern, replacement);
  return keys
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/y(?= |$)/g, 'i')
    .split(' ');
}
