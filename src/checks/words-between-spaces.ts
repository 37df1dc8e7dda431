import { isWordCodePoint, splitIntoWords } from './split-into-words.js';

// Latin letters and general punctuation, what most German and English text is written in: there the
// words are cut out by one plain character-class replace, about twice as fast as reading them one by one.
const COVERED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x024f],
  [0x2000, 0x206f],
];

const escapeCode = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const OUTSIDE_COVERED = new RegExp(
  `[^${COVERED_RANGES.map(([from, to]) => `${escapeCode(from)}-${escapeCode(to)}`).join('')}]`,
);

/** The letters, marks and digits of the covered ranges, as the ranges of a character class. */
function wordCharacterClass(): string {
  const ranges: string[] = [];
  for (const [from, to] of COVERED_RANGES) {
    let start = -1;
    for (let code = from; code <= to + 1; code += 1) {
      const isWord = code <= to && isWordCodePoint(code);
      if (isWord && start < 0) start = code;
      if (!isWord && start >= 0) {
        ranges.push(start === code - 1 ? escapeCode(start) : `${escapeCode(start)}-${escapeCode(code - 1)}`);
        start = -1;
      }
    }
  }
  return ranges.join('');
}

// Within the covered ranges, the runs between words.
const NON_WORD_RUNS = new RegExp(`[^${wordCharacterClass()}]+`, 'g');

/**
 * The words of a text (`splitIntoWords`) between single spaces, with a space before the first and
 * after the last: " putin sprach ", or "" for a text without words.
 */
export function wordsBetweenSpaces(text: string): string {
  if (OUTSIDE_COVERED.test(text)) {
    const words = splitIntoWords(text);
    return words.length === 0 ? '' : ` ${words.join(' ')} `;
  }
  const spaced = text.replace(NON_WORD_RUNS, ' ');
  const words = spaced.slice(spaced.startsWith(' ') ? 1 : 0, spaced.endsWith(' ') ? -1 : undefined);
  return words.length === 0 ? '' : ` ${words} `;
}
