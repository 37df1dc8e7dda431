import { exonymsOf } from './create-name-matcher.js';
import { deriveOnce } from './derive-once.js';
import { GAZETTEER_GROUPS } from './gazetteer.js';
import { LANDSCAPE_EXONYM_GROUPS } from './landscape-exonyms.js';
import { placeNameCandidates } from './place-name-candidates.js';

// Short forms are codes and keep their case: "US" is a country, "Us" is not.
const MIN_LENGTH_FOR_LOWER_CASE = 4;
const placeKey = (form: string) =>
  form.length < MIN_LENGTH_FOR_LOWER_CASE ? form : form.normalize('NFC').toLowerCase();

interface PlaceIndex {
  formsByKey: ReadonlyMap<string, readonly string[]>;
  /** The first words of the names of more than one word, as keyed: "bad" of "Bad Homburg". */
  firstWords: ReadonlySet<string>;
}

/**
 * Every form of every place, keyed; each place's forms joined with its exonyms. Built on the first
 * lookup, once per process: a set lookup after that.
 */
const placeIndex = deriveOnce((): PlaceIndex => {
  const formsByKey = new Map<string, readonly string[]>();
  for (const group of [...GAZETTEER_GROUPS, ...LANDSCAPE_EXONYM_GROUPS]) {
    const forms = new Set(group);
    for (const form of group) for (const exonym of exonymsOf(form) ?? []) forms.add(exonym);
    const merged = [...forms];
    for (const form of merged) {
      // Lower-case forms ("russisch", the stem "kroat") match a place but do not name one on their own.
      if (!/^\p{Lu}/u.test(form)) continue;
      const key = placeKey(form);
      const known = formsByKey.get(key);
      // "Neustadt" or "Georgia" is more than one place: any form of any of them will do.
      formsByKey.set(key, known === undefined ? merged : [...new Set([...known, ...merged])]);
    }
  }
  const firstWords = new Set<string>();
  for (const key of formsByKey.keys()) {
    const space = key.indexOf(' ');
    if (space > 0) firstWords.add(key.slice(0, space));
  }
  return { formsByKey, firstWords };
});

/**
 * The forms of the place a word or phrase names (its German and English names and exonyms), or
 * undefined when it names none the gazetteer knows. German inflections are read back to the name.
 */
export function placeFormsOf(name: string): readonly string[] | undefined {
  const { formsByKey } = placeIndex();
  const exact = formsByKey.get(placeKey(name));
  if (exact !== undefined || name.includes(' ')) return exact;
  for (const candidate of placeNameCandidates(name)) {
    const forms = formsByKey.get(placeKey(candidate));
    if (forms !== undefined) return forms;
  }
  return undefined;
}

/** Whether some place name of more than one word may begin with this word: "Bad", "Lake", "New". */
export function mayBeginPlacePhrase(word: string): boolean {
  return placeIndex().firstWords.has(placeKey(word));
}
