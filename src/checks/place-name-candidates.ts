// German inflections and derived words of a place: "Kölns", "Wiener", "Bremer", "Münchner", "Schweizer".
const INFLECTIONS: ReadonlyArray<readonly [ending: string, replacement: string]> = [
  ['s', ''],
  ['er', ''],
  ['er', 'en'],
  ['ner', 'en'],
  ['es', ''],
];
const MIN_STEM_LENGTH = 3;

/** The place names an inflected or derived German word may stand for: "Münchner" for "München". */
export function placeNameCandidates(word: string): string[] {
  return INFLECTIONS.flatMap(([ending, replacement]) =>
    word.length - ending.length >= MIN_STEM_LENGTH && word.endsWith(ending)
      ? [word.slice(0, -ending.length) + replacement]
      : [],
  );
}
