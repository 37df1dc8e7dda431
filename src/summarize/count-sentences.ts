import { createRequire } from 'node:module';

// Abbreviations that end in a period but not a sentence (the option replaces sbd's own list).
const GERMAN_ABBREVIATIONS = [
  'z.B',
  'z',
  'B',
  'bzw',
  'ca',
  'Dr',
  'Prof',
  'Nr',
  'Mio',
  'Mrd',
  'usw',
  'vgl',
  'd.h',
  'u.a',
  'Jh',
  'St',
  'Abs',
  'Str',
  'Mr',
  'Mrs',
  'Ms',
  'Jr',
  'Sr',
  'Gen',
  'Sen',
  'Gov',
  'U.S',
  'U.K',
  'Inc',
  'Corp',
  'Ltd',
  'No',
  'vs',
  'etc',
  'e.g',
  'i.e',
];

const OPTIONS = { abbreviations: GERMAN_ABBREVIATIONS, sanitize: false, newline_boundaries: false };

/**
 * sbd is loaded on the first text that needs splitting, not at start-up: it requires sanitize-html (and with it
 * htmlparser2 and postcss) at load time although Brief never asks it to sanitize.
 */
const requireFromHere = createRequire(import.meta.url);
let splitter: typeof import('sbd') | undefined;

export function splitSentences(text: string): string[] {
  // "24. Juni" would end a sentence for any splitter: mask ordinal dots (one or two digits, so a
  // year that ends a sentence still ends it) before splitting.
  const masked = text.replace(/(?<!\d)(\d{1,2})\.(?=\s+\p{L})/gu, '$1\u2024');
  splitter ??= requireFromHere('sbd') as typeof import('sbd');
  return splitter.sentences(masked, OPTIONS).map((sentence) => sentence.replace(/\u2024/g, '.'));
}

export function countSentences(text: string): number {
  return splitSentences(text.trim()).filter((sentence) => sentence.trim().length > 0).length;
}
