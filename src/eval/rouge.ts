/**
 * ROUGE as Google's `rouge-score` computes it (Lin 2004), with a tokenizer that keeps German
 * words whole. The npm `rouge` package is unmaintained and `js-rouge` reports recall for ROUGE-N
 * and a non-standard ROUGE-L, so the few lines are written here and tested against known values.
 */

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-cased runs of Unicode letters and digits (umlauts and ß stay inside their word). */
export function tokenizeForRouge(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('de').match(WORD) ?? [];
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount === 0 ? 0 : overlap / candidateCount;
  const recall = referenceCount === 0 ? 0 : overlap / referenceCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function countNGrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start += 1) {
    // U+0000 cannot occur inside a token, so joined n-grams never collide.
    const gram = tokens.slice(start, start + n).join('\u0000');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N on token lists: clipped n-gram overlap (an n-gram counts at most as often as in the other text). */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const candidateGrams = countNGrams(candidate, n);
  const referenceGrams = countNGrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of candidateGrams) {
    overlap += Math.min(count, referenceGrams.get(gram) ?? 0);
  }
  return score(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/** Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let index = 1; index <= b.length; index += 1) {
      current[index] =
        tokenA === b[index - 1]
          ? (previous[index - 1] ?? 0) + 1
          : Math.max(previous[index] ?? 0, current[index - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** ROUGE-L on token lists: the longest common subsequence of the whole texts (not per sentence). */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(longestCommonSubsequence(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate summary against one reference summary. */
export function computeRouge(candidate: string, reference: string): RougeScores {
  const candidateTokens = tokenizeForRouge(candidate);
  const referenceTokens = tokenizeForRouge(reference);
  return {
    rouge1: rougeN(candidateTokens, referenceTokens, 1),
    rouge2: rougeN(candidateTokens, referenceTokens, 2),
    rougeL: rougeL(candidateTokens, referenceTokens),
  };
}
