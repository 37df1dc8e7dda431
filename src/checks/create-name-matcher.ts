import { deriveOnce } from './derive-once.js';
import { EXONYM_GROUPS } from './exonyms.js';
import { phoneticKey, phoneticKeysOfWords } from './phonetic-key.js';
import { wordsBetweenSpaces } from './words-between-spaces.js';

// Shorter names ("US", "Kim", "Un") must match a whole word; longer ones may sit inside one.
const MIN_LENGTH_FOR_PART_OF_WORD = 4;
// English possessives, German genitive, and demonym endings: Putin's, Putins, Korean, Ukrainian.
const INFLECTION_ENDINGS = [
  '’s',
  "'s",
  's’',
  "s'",
  's',
  'ians',
  'ian',
  'ans',
  'an',
  'ese',
  'ish',
  'ern',
  'is',
  'i',
  'n',
];

const SPACES_AND_DASHES = /[\s\u2010-\u2015-]+/g;

const comparable = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .toLowerCase()
    .replace(SPACES_AND_DASHES, ' ');

// Short forms are acronyms and keep their case: "UN" is the United Nations, "Un" is part of "Kim Jong Un".
const exonymKey = (form: string) =>
  form.length < MIN_LENGTH_FOR_PART_OF_WORD ? form.replace(/\.$/, '') : comparable(form);

const EXONYMS_BY_FORM: ReadonlyMap<string, readonly string[]> = new Map(
  EXONYM_GROUPS.flatMap((group) => group.map((form) => [exonymKey(form), group] as const)),
);

// The first words of the forms of more than one word, as keyed: "north" of "North Korea".
const FIRST_WORDS_OF_PHRASES: ReadonlySet<string> = new Set(
  [...EXONYMS_BY_FORM.keys()].flatMap((key) => (key.includes(' ') ? [key.slice(0, key.indexOf(' '))] : [])),
);

/**
 * Whether some exonym of more than one word may begin with this word (a word of a capitalised span:
 * no spaces, a letter first). Most words begin none, and their phrases need no lookup.
 */
export function mayBeginExonymPhrase(word: string): boolean {
  if (FIRST_WORDS_OF_PHRASES.has(word)) return true;
  const key = comparable(word);
  const space = key.indexOf(' ');
  return FIRST_WORDS_OF_PHRASES.has(space < 0 ? key : key.slice(0, space));
}

/** The group of forms a name belongs to, or undefined when it has no exonyms. */
export function exonymsOf(name: string): readonly string[] | undefined {
  return EXONYMS_BY_FORM.get(exonymKey(name));
}

function variantsOf(name: string): string[] {
  const variants = [name];
  const lower = name.toLowerCase();
  for (const ending of INFLECTION_ENDINGS) {
    if (name.length - ending.length >= 3 && lower.endsWith(ending)) {
      variants.push(name.slice(0, -ending.length));
    }
  }
  return variants;
}

export interface NameMatcherOptions {
  /** `phoneticKey`, or a memoized one shared with other matchers of the same call. */
  phoneticKeyOf?: (word: string) => string;
  /** `exonymsOf`, or a memoized one shared with other matchers of the same call. */
  exonymsOf?: (name: string) => readonly string[] | undefined;
}

/**
 * Whether a name (one word, a hyphenated word or a multi-word name) occurs in the source in any
 * inflection, in a compound, in another transliteration, or under an exonym.
 */
export function createNameMatcher(
  source: string,
  { phoneticKeyOf = phoneticKey, exonymsOf: exonymsOfForm = exonymsOf }: NameMatcherOptions = {},
): (name: string) => boolean {
  const text = ` ${comparable(source)} `;
  // Words and their keys as text between single spaces: " putin " finds a word, " putin" a word's
  // beginning, with no set or map of the article's words to build. Both only when a lookup needs
  // them: most names occur in the source as written.
  const wordsText = deriveOnce(() => wordsBetweenSpaces(text));
  const keysText = deriveOnce(() => phoneticKeysOfWords(wordsText()));
  const isWord = (word: string) => word.length > 0 && wordsText().includes(` ${word} `);
  const isKeyOfWord = (key: string) => keysText().includes(` ${key} `);
  const isKeyPrefixOfWord = (key: string) => keysText().includes(` ${key}`);

  let lettersOnly: string | undefined;

  const occurs = (form: string): boolean => {
    const wanted = comparable(form).replace(/\.$/, '');
    if (wanted.includes(' ')) {
      if (text.includes(wanted)) return true;
      lettersOnly ??= text.replace(/[^\p{L}\s]/gu, '');
      return lettersOnly.includes(wanted);
    }
    if (wanted.length < MIN_LENGTH_FOR_PART_OF_WORD) return isWord(wanted.replace(/\./g, ''));
    if (text.includes(wanted)) return true;
    const key = phoneticKeyOf(wanted);
    if (isKeyOfWord(key)) return true;
    return key.length >= MIN_LENGTH_FOR_PART_OF_WORD && isKeyPrefixOfWord(key);
  };
  const occursAsAnyForm = (form: string) => occurs(form) || (exonymsOfForm(form) ?? []).some(occurs);

  const matches = (name: string) => {
    if (variantsOf(name).some(occursAsAnyForm)) return true;
    // "Indo-Pacific" or "Nord-Stream": every part on its own will do.
    const parts = name.split(/[-\u2010\u2011]/).filter((part) => part.length > 1);
    return parts.length > 1 && parts.every((part) => variantsOf(part).some(occursAsAnyForm));
  };
  // The name checks ask about the same words many times over: each is looked up once.
  const answers = new Map<string, boolean>();
  return (name: string) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = matches(name);
      answers.set(name, answer);
    }
    return answer;
  };
}
