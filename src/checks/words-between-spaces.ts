import { splitIntoWords } from './split-into-words.js';

/**
 * The words of a text (`splitIntoWords`) between single spaces, with a space before the first and
 * after the last: " putin sprach ", or "" for a text without words.
 */
export function wordsBetweenSpaces(text: string): string {
  const words = splitIntoWords(text);
  return words.length === 0 ? '' : ` ${words.join(' ')} `;
}
