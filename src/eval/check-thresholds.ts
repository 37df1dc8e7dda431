import type { VersionComparison } from './compare-versions.js';
import type { VersionTotals } from './compute-version-totals.js';
import { EVAL_METRICS, formatMetricDelta, formatMetricValue } from './eval-metrics.js';
import { evalVersionLabel } from './run-eval.js';

/** Limits a candidate version must stay within; each is optional. Rates and scores are 0..1. */
export interface Thresholds {
  /** How far any mean ROUGE F1 (1, 2, L; EN and DE) may fall below the baseline's. */
  maxRougeDrop?: number | undefined;
  /** How far any one article's ROUGE F1 may fall below the baseline's on that article. */
  maxArticleRougeDrop?: number | undefined;
  /** How many more check failures than the baseline, summed over the articles. */
  maxCheckFailuresIncrease?: number | undefined;
  minCheckPassRate?: number | undefined;
  minValidity?: number | undefined;
  /** For versions that ask for evidence: the share of key points whose evidence is verified. */
  minEvidenceVerified?: number | undefined;
  /** Relative: 0.25 lets the candidate cost 25% more than the baseline. */
  maxCostIncrease?: number | undefined;
}

/** The command-line flag of each threshold, as reports and messages name it. */
export const THRESHOLD_FLAGS: Readonly<Record<keyof Thresholds, string>> = {
  maxRougeDrop: '--max-rouge-drop',
  maxArticleRougeDrop: '--max-article-rouge-drop',
  maxCheckFailuresIncrease: '--max-check-failures-increase',
  minCheckPassRate: '--min-check-pass-rate',
  minValidity: '--min-validity',
  minEvidenceVerified: '--min-evidence-verified',
  maxCostIncrease: '--max-cost-increase',
};

export interface ThresholdResult {
  /** The flag (or `coverage`, the rule every gate applies). */
  rule: string;
  /** `summarize@v2`. */
  candidate: string;
  passed: boolean;
  message: string;
}

export function hasThresholds(thresholds: Thresholds): boolean {
  return Object.values(thresholds).some((value) => value !== undefined);
}

const ROUGE_METRICS = EVAL_METRICS.filter((metric) => metric.kind === 'score');
const percent = (value: number) => formatMetricValue('rate', value);
const score = (value: number) => formatMetricValue('score', value);

/**
 * Checks one candidate against its baseline. Relative limits compare the two over the articles
 * both were evaluated on; absolute limits (`--min-*`) read the candidate's totals over all its articles.
 * A limit that cannot be checked for lack of data fails: a gate must not pass on nothing.
 */
export function checkThresholds(
  comparison: VersionComparison,
  candidateTotals: VersionTotals,
  thresholds: Thresholds,
  options: { candidateAsksForEvidence: boolean },
): ThresholdResult[] {
  if (!hasThresholds(thresholds)) {
    return [];
  }
  const baseline = evalVersionLabel(comparison.baseline);
  const candidate = evalVersionLabel(comparison.candidate);
  const results: ThresholdResult[] = [];
  const add = (rule: string, passed: boolean, message: string) =>
    results.push({ rule, candidate, passed, message });

  const missing = comparison.missingFromCandidate;
  add(
    'coverage',
    missing.length === 0 && comparison.pairedArticleIds.length > 0,
    comparison.pairedArticleIds.length === 0
      ? `${candidate} and ${baseline} have no evaluated article in common`
      : missing.length === 0
        ? `${candidate} was evaluated on all ${comparison.pairedArticleIds.length} articles ${baseline} was evaluated on`
        : `${candidate} was not evaluated on ${missing.length} article(s) ${baseline} was: ${missing
            .map((item) => `${item.articleId} (${item.status})`)
            .join(', ')}`,
  );

  const {
    maxRougeDrop,
    maxArticleRougeDrop,
    maxCheckFailuresIncrease,
    minCheckPassRate,
    minValidity,
    minEvidenceVerified,
    maxCostIncrease,
  } = thresholds;

  if (maxRougeDrop !== undefined) {
    const flag = THRESHOLD_FLAGS.maxRougeDrop;
    const rouge = comparison.deltas.filter((delta) => delta.metric.kind === 'score' && delta.delta !== null);
    const failing = rouge.filter((delta) => (delta.delta ?? 0) < -maxRougeDrop);
    if (rouge.length === 0) {
      add(
        flag,
        false,
        `no ROUGE scores to compare (no article with a reference summary was valid under both)`,
      );
    } else if (failing.length > 0) {
      const drops = failing.map(
        (delta) =>
          `${delta.metric.label} dropped by ${score(-(delta.delta ?? 0))} (${score(delta.baseline ?? 0)} → ${score(delta.candidate ?? 0)})`,
      );
      add(flag, false, `${drops.join('; ')}; at most ${score(maxRougeDrop)} allowed`);
    } else {
      add(flag, true, `no mean ROUGE F1 dropped by more than ${score(maxRougeDrop)}`);
    }
  }

  if (maxArticleRougeDrop !== undefined) {
    const flag = THRESHOLD_FLAGS.maxArticleRougeDrop;
    const failing = comparison.articles.flatMap((article) =>
      article.deltas
        .filter((delta) => ROUGE_METRICS.includes(delta.metric) && (delta.delta ?? 0) < -maxArticleRougeDrop)
        .map(
          (delta) => `${article.articleId} ${delta.metric.label} ${formatMetricDelta('score', delta.delta)}`,
        ),
    );
    add(
      flag,
      failing.length === 0,
      failing.length === 0
        ? `no article's ROUGE F1 dropped by more than ${score(maxArticleRougeDrop)}`
        : `${failing.join('; ')}; at most ${score(maxArticleRougeDrop)} allowed per article`,
    );
  }

  if (maxCheckFailuresIncrease !== undefined) {
    const flag = THRESHOLD_FLAGS.maxCheckFailuresIncrease;
    const before = comparison.baselineTotals.checkFailures;
    const after = comparison.candidateTotals.checkFailures;
    add(
      flag,
      after - before <= maxCheckFailuresIncrease,
      `${after} check failure(s) against ${before} for ${baseline} (${formatMetricDelta('count', after - before)}); at most ${maxCheckFailuresIncrease} more allowed`,
    );
  }

  const atLeast = (flag: string, label: string, value: number | null, limit: number) =>
    add(
      flag,
      value !== null && value >= limit,
      value === null
        ? `${label}: no data (no evaluated output); at least ${percent(limit)} required`
        : `${label} ${percent(value)}; at least ${percent(limit)} required`,
    );
  if (minValidity !== undefined) {
    atLeast(THRESHOLD_FLAGS.minValidity, 'schema validity', candidateTotals.validityRate, minValidity);
  }
  if (minCheckPassRate !== undefined) {
    atLeast(
      THRESHOLD_FLAGS.minCheckPassRate,
      'check pass rate',
      candidateTotals.checkPassRate,
      minCheckPassRate,
    );
  }
  if (minEvidenceVerified !== undefined) {
    if (options.candidateAsksForEvidence) {
      atLeast(
        THRESHOLD_FLAGS.minEvidenceVerified,
        'evidence verified',
        candidateTotals.evidenceVerifiedRate,
        minEvidenceVerified,
      );
    } else {
      add(THRESHOLD_FLAGS.minEvidenceVerified, true, `${candidate} asks for no evidence: not applicable`);
    }
  }

  if (maxCostIncrease !== undefined) {
    const flag = THRESHOLD_FLAGS.maxCostIncrease;
    const before = comparison.baselineTotals;
    const after = comparison.candidateTotals;
    if (!before.costComplete || !after.costComplete || before.costUsd === 0) {
      add(
        flag,
        false,
        'cost cannot be compared: a model has no price in src/llm/model-prices.ts, or the baseline cost nothing',
      );
    } else {
      const increase = (after.costUsd - before.costUsd) / before.costUsd;
      add(
        flag,
        increase <= maxCostIncrease,
        `${formatMetricValue('usd', after.costUsd)} against ${formatMetricValue('usd', before.costUsd)} for ${baseline} (${increase >= 0 ? '+' : '−'}${Math.abs(increase * 100).toFixed(1)}%); at most +${(maxCostIncrease * 100).toFixed(1)}% allowed`,
      );
    }
  }
  return results;
}
