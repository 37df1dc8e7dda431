import { DEFAULT_LIMITS, type SummaryLimits } from './summary-schema.js';

export interface SummaryOptions {
  key_points?: number | undefined;
  max_chars?: { headline?: number | undefined; summary?: number | undefined } | undefined;
}

/** The limits one request's output must meet: the defaults, tightened by the request's options. */
export function limitsFromOptions(options: SummaryOptions | undefined): SummaryLimits {
  const keyPoints = options?.key_points;
  return {
    ...DEFAULT_LIMITS,
    headlineMaxChars: options?.max_chars?.headline ?? DEFAULT_LIMITS.headlineMaxChars,
    summaryMaxChars: options?.max_chars?.summary ?? DEFAULT_LIMITS.summaryMaxChars,
    ...(keyPoints === undefined
      ? {}
      : { keyPointsMin: keyPoints, keyPointsMax: keyPoints, keyPointsTarget: keyPoints }),
  };
}
