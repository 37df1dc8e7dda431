import { isVerbatimIn } from './is-verbatim-in.js';
import { normalizeForComparison } from './normalize-for-comparison.js';
import type { KeyPointInput } from './summary-input-schema.js';

/**
 * A verifier bound to one source, so the source is normalised once for many key points, and only
 * when there is evidence to verify (not for prompt versions without it).
 */
export function createEvidenceVerifier(source: string): (evidence: string) => boolean {
  let normalizedSource: string | undefined;
  return (evidence) => {
    normalizedSource ??= normalizeForComparison(source);
    return isVerbatimIn(normalizedSource, evidence);
  };
}

/**
 * Whether the evidence is a verbatim passage of the source, ignoring layout and typography
 * (whitespace, quotation mark and dash styles, soft and line-end hyphens, HTML entities).
 */
export function verifyEvidence(source: string, evidence: string): boolean {
  return createEvidenceVerifier(source)(evidence);
}

export interface KeyPointWithVerifiedEvidence {
  text: string;
  evidence?: string;
  evidence_verified?: boolean;
}

/** The key points as a response shows them: `evidence_verified` on every point that has evidence. */
export function withEvidenceVerified(
  source: string,
  keyPoints: KeyPointInput[],
): KeyPointWithVerifiedEvidence[] {
  const verify = createEvidenceVerifier(source);
  return keyPoints.map((point) => {
    if (typeof point === 'string') return { text: point };
    if (point.evidence === undefined) return { text: point.text };
    return { text: point.text, evidence: point.evidence, evidence_verified: verify(point.evidence) };
  });
}
