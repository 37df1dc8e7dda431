import { normalizeForComparison } from './normalize-for-comparison.js';

// Omission marks a quotation may use: "...", "[...]", "(...)".
const OMISSION = /\s*[[(]?\.\.\.[\])]?\s*/;
// A passage copied from the middle of a sentence may bring or lose edge punctuation and quotes.
const EDGE_PUNCTUATION = /[\s"'.,;:!?-]/;

export interface VerbatimOptions {
  /** Accept a different case of the very first letter (a quotation that starts a sentence). */
  allowFirstLetterCase?: boolean;
}

/** The comparable fragments of a passage: normalised, edges trimmed, split at omission marks. */
export function verbatimFragments(passage: string): string[] {
  return normalizeForComparison(passage)
    .split(OMISSION)
    .map(trimEdgePunctuation)
    .filter((fragment) => fragment.length > 0);
}

/**
 * Whether every fragment of the passage occurs in the normalised source, in order.
 * `normalizedSource` must come from `normalizeForComparison`.
 */
export function isVerbatimIn(
  normalizedSource: string,
  passage: string,
  options: VerbatimOptions = {},
): boolean {
  const fragments = verbatimFragments(passage);
  if (fragments.length === 0) return false;
  let position = 0;
  for (const [index, fragment] of fragments.entries()) {
    const candidates =
      index === 0 && options.allowFirstLetterCase ? [fragment, swapFirstLetterCase(fragment)] : [fragment];
    const found = candidates
      .map((candidate) => normalizedSource.indexOf(candidate, position))
      .filter((at) => at >= 0);
    if (found.length === 0) return false;
    position = Math.min(...found) + fragment.length;
  }
  return true;
}

/**
 * The fragment without punctuation at either end. A loop, not `/[…]+$/`: that regex tries every
 * position of a long punctuation run and reads the rest of the run from each.
 */
function trimEdgePunctuation(fragment: string): string {
  let start = 0;
  let end = fragment.length;
  while (start < end && EDGE_PUNCTUATION.test(fragment.charAt(start))) start++;
  while (end > start && EDGE_PUNCTUATION.test(fragment.charAt(end - 1))) end--;
  return fragment.slice(start, end);
}

function swapFirstLetterCase(text: string): string {
  const first = text.charAt(0);
  const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  return swapped + text.slice(1);
}
