import { EVIDENCE_MAX_WORDS, findEvidence } from './article-sentences.js';

export interface EvidenceSource {
  /** Evidence for a key point drawn from `sentence`, near `fact` when given. */
  from(sentence: string | undefined, fact?: string): string;
}

/**
 * Finds evidence in the sentence a key point came from; when that sentence cannot give any (too short),
 * takes the next one from the article's other sentences in turn, so fillers still quote the article.
 */
export function createEvidenceSource(article: string, sentences: readonly string[]): EvidenceSource {
  const fallbacks = sentences.flatMap((sentence) => findEvidence(sentence, article) ?? []);
  // An article without a sentence of five words still has words: quote its beginning.
  const lastResort = article.split(/\s+/).filter(Boolean).slice(0, EVIDENCE_MAX_WORDS).join(' ');
  let turn = 0;
  return {
    from(sentence, fact) {
      const evidence = sentence === undefined ? undefined : findEvidence(sentence, article, fact);
      if (evidence !== undefined) {
        return evidence;
      }
      const fallback = fallbacks[turn % Math.max(fallbacks.length, 1)];
      turn += 1;
      return fallback ?? (article.includes(lastResort) ? lastResort : article.trim());
    },
  };
}
