import type { SummaryLanguage } from './check-report-schema.js';
import {
  COMMON_ENGLISH_WORDS,
  COMMON_GERMAN_WORDS,
  ENGLISH_INSTITUTION_WORDS,
  GERMAN_TITLE_ENDINGS,
  NON_NAME_ACRONYMS,
} from './common-words.js';

// Endings of German common nouns; names rarely end so ("Drohung", "Bündnis", "Kritik").
const GERMAN_NOUN_ENDING =
  /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|tät|täten|nis|nisse|tum|tümer|ment|mente|ismus|ik|enz|anz|chen|lein|ling|linge)$/;

// "Matthew Miller, Sprecher des …": a title in apposition after a name.
const APPOSITION = /^,\s*(?:der |die )?(\p{L}+)/u;

/** "Putin's" and "Koreas’" without the possessive. */
export const withoutPossessive = (word: string) => word.replace(/['’]s?$/u, '');

/** A word that is capitalised without being a name (function word, title, month, …). */
export const isCommonWord = (word: string, language: SummaryLanguage) =>
  (language === 'en' ? COMMON_ENGLISH_WORDS : COMMON_GERMAN_WORDS).has(withoutPossessive(word).toLowerCase());

/** A German title that announces a name: "Außenminister", "Sprecherin", "Kreisbrandmeister". */
export const isGermanTitle = (word: string) => {
  const lower = word.toLowerCase();
  return GERMAN_TITLE_ENDINGS.some((ending) => lower.endsWith(ending));
};

/** A German word with the ending of a common noun. */
export const hasGermanNounEnding = (word: string) => GERMAN_NOUN_ENDING.test(word.toLowerCase());

/** Whether a German title follows in apposition: "…, Sprecher des US-Außenministeriums". */
export const isFollowedByGermanTitle = (textAfter: string) => {
  const word = APPOSITION.exec(textAfter)?.[1];
  return word !== undefined && isGermanTitle(word);
};

/** An acronym that names no one and nothing: "GDP", "KI", or a Roman numeral ("World War II"). */
export const isNonNameAcronym = (word: string) =>
  NON_NAME_ACRONYMS.has(word.toLowerCase()) || /^[IVXLCDM]+$/.test(word);

/** A head word of an English institution name: "Ministry", "Agency", "Court". */
export const isInstitutionWord = (word: string) =>
  ENGLISH_INSTITUTION_WORDS.has(withoutPossessive(word).toLowerCase());
