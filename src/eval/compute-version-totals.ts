import type { CheckName } from '../checks/index.js';
import type { TokenUsage } from '../llm/token-usage.js';
import type { EvalLanguage, PerLanguage } from './measure-output.js';
import type { EvalOutcome, ValidOutcome } from './run-eval.js';

export type RougeVariant = 'rouge1' | 'rouge2' | 'rougeL';

export const ROUGE_VARIANTS: readonly RougeVariant[] = ['rouge1', 'rouge2', 'rougeL'];

/** One version's totals over a set of its outcomes. A mean or rate without any data is null. */
export interface VersionTotals {
  version: string;
  articles: number;
  /** The model answered (valid or not). */
  evaluated: number;
  valid: number;
  invalid: number;
  noRecording: number;
  skipped: number;
  errors: number;
  /** valid / evaluated. */
  validityRate: number | null;
  /** Valid outputs that passed every check / valid outputs. */
  checkPassRate: number | null;
  checkFailures: number;
  checkFailuresByCheck: Partial<Record<CheckName, number>>;
  /** Verified evidence / key points with evidence, over every valid output with evidence. */
  evidenceVerifiedRate: number | null;
  meanKeyPoints: PerLanguage<number | null>;
  meanCompression: PerLanguage<number | null>;
  /** Mean F1 over the valid outputs of articles with a reference summary. */
  meanRougeF1: PerLanguage<Record<RougeVariant, number | null>>;
  rougeArticles: number;
  meanAttempts: number | null;
  usage: TokenUsage;
  /** Sum over every output with a known price; `costComplete` says whether that was all of them. */
  costUsd: number;
  costComplete: boolean;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function perLanguage<T>(read: (language: EvalLanguage) => T): PerLanguage<T> {
  return { en: read('en'), de: read('de') };
}

export function computeVersionTotals(version: string, outcomes: readonly EvalOutcome[]): VersionTotals {
  const own = outcomes.filter((outcome) => outcome.version === version);
  const valid = own.filter((outcome): outcome is ValidOutcome => outcome.status === 'valid');
  const invalid = own.filter((outcome) => outcome.status === 'invalid');
  const evaluated = valid.length + invalid.length;
  const checkFailuresByCheck: Partial<Record<CheckName, number>> = {};
  for (const outcome of valid) {
    for (const failure of outcome.checks.failures) {
      checkFailuresByCheck[failure.check] = (checkFailuresByCheck[failure.check] ?? 0) + 1;
    }
  }
  const withEvidence = valid.flatMap((outcome) =>
    outcome.metrics.evidence ? [outcome.metrics.evidence] : [],
  );
  const evidenceTotal = withEvidence.reduce((sum, evidence) => sum + evidence.total, 0);
  const withRouge = valid.flatMap((outcome) => (outcome.metrics.rouge ? [outcome.metrics.rouge] : []));
  const usage: TokenUsage = {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  let costUsd = 0;
  let costComplete = true;
  for (const outcome of [...valid, ...invalid]) {
    if (outcome.usage) {
      usage.input_tokens += outcome.usage.input_tokens;
      usage.output_tokens += outcome.usage.output_tokens;
      usage.cache_creation_input_tokens += outcome.usage.cache_creation_input_tokens;
      usage.cache_read_input_tokens += outcome.usage.cache_read_input_tokens;
    }
    if (outcome.costUsd === null) {
      costComplete = false;
    } else {
      costUsd += outcome.costUsd;
    }
  }
  return {
    version,
    articles: own.length,
    evaluated,
    valid: valid.length,
    invalid: invalid.length,
    noRecording: own.filter((outcome) => outcome.status === 'no-recording').length,
    skipped: own.filter((outcome) => outcome.status === 'skipped').length,
    errors: own.filter((outcome) => outcome.status === 'error').length,
    validityRate: evaluated === 0 ? null : valid.length / evaluated,
    checkPassRate:
      valid.length === 0 ? null : valid.filter((outcome) => outcome.checks.passed).length / valid.length,
    checkFailures: valid.reduce((sum, outcome) => sum + outcome.checks.failures.length, 0),
    checkFailuresByCheck,
    evidenceVerifiedRate:
      evidenceTotal === 0
        ? null
        : withEvidence.reduce((sum, evidence) => sum + evidence.verified, 0) / evidenceTotal,
    meanKeyPoints: perLanguage((language) =>
      mean(valid.map((outcome) => outcome.metrics.keyPoints[language])),
    ),
    meanCompression: perLanguage((language) =>
      mean(valid.map((outcome) => outcome.metrics.compression[language])),
    ),
    meanRougeF1: perLanguage((language) => ({
      rouge1: mean(withRouge.map((rouge) => rouge[language].rouge1.f1)),
      rouge2: mean(withRouge.map((rouge) => rouge[language].rouge2.f1)),
      rougeL: mean(withRouge.map((rouge) => rouge[language].rougeL.f1)),
    })),
    rougeArticles: withRouge.length,
    meanAttempts: mean(valid.map((outcome) => outcome.attempts)),
    usage,
    costUsd: Number(costUsd.toFixed(6)),
    costComplete,
  };
}
