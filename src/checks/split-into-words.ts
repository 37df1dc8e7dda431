const NON_WORD_RUNS = /[^\p{L}\p{M}\d]+/u;

/** The words of a text: its runs of letters, marks and digits. */
export function splitIntoWords(text: string): string[] {
  return text.split(NON_WORD_RUNS).filter((word) => word.length > 0);
}
