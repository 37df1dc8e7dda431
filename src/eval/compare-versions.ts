import { computeVersionTotals, type VersionTotals } from './compute-version-totals.js';
import { EVAL_METRICS, type EvalMetric, isWorse } from './eval-metrics.js';
import type { EvalOutcome, EvalRun } from './run-eval.js';

export interface MetricDelta {
  metric: EvalMetric;
  baseline: number | null;
  candidate: number | null;
  /** candidate − baseline; null when either has no value. */
  delta: number | null;
  worse: boolean;
}

export interface ArticleComparison {
  articleId: string;
  baseline: EvalOutcome;
  candidate: EvalOutcome;
  deltas: MetricDelta[];
  /** The quality metrics this article got worse on. */
  regressions: MetricDelta[];
}

export interface VersionComparison {
  baseline: string;
  candidate: string;
  /** Articles the model answered for under both versions: the differences are computed over these. */
  pairedArticleIds: string[];
  baselineTotals: VersionTotals;
  candidateTotals: VersionTotals;
  deltas: MetricDelta[];
  articles: ArticleComparison[];
  /** Articles the baseline was evaluated on and the candidate was not (no recording, error, ...). */
  missingFromCandidate: Array<{ articleId: string; status: EvalOutcome['status']; reason: string }>;
}

/** The model answered (with a valid output or not). */
function isEvaluated(outcome: EvalOutcome): boolean {
  return outcome.status === 'valid' || outcome.status === 'invalid';
}

function deltasBetween(baseline: VersionTotals, candidate: VersionTotals): MetricDelta[] {
  return EVAL_METRICS.map((metric) => {
    const before = metric.read(baseline);
    const after = metric.read(candidate);
    return {
      metric,
      baseline: before,
      candidate: after,
      delta: before === null || after === null ? null : after - before,
      worse: isWorse(metric, before, after),
    };
  });
}

/** `candidate − baseline` for every metric, over the articles both were evaluated on, and article by article. */
export function compareVersions(run: EvalRun, baseline: string, candidate: string): VersionComparison {
  const outcome = (articleId: string, version: string) =>
    run.outcomes.find((item) => item.articleId === articleId && item.version === version);
  const pairedArticleIds: string[] = [];
  const missingFromCandidate: VersionComparison['missingFromCandidate'] = [];
  const articles: ArticleComparison[] = [];
  for (const { id } of run.articles) {
    const before = outcome(id, baseline);
    const after = outcome(id, candidate);
    if (!before || !after || !isEvaluated(before)) {
      continue;
    }
    if (after.status !== 'valid' && after.status !== 'invalid') {
      missingFromCandidate.push({ articleId: id, status: after.status, reason: after.reason });
      continue;
    }
    pairedArticleIds.push(id);
    const deltas = deltasBetween(
      computeVersionTotals(baseline, [before]),
      computeVersionTotals(candidate, [after]),
    );
    articles.push({
      articleId: id,
      baseline: before,
      candidate: after,
      deltas,
      regressions: deltas.filter((delta) => delta.worse && delta.metric.quality),
    });
  }
  const paired = run.outcomes.filter((item) => pairedArticleIds.includes(item.articleId));
  const baselineTotals = computeVersionTotals(baseline, paired);
  const candidateTotals = computeVersionTotals(candidate, paired);
  return {
    baseline,
    candidate,
    pairedArticleIds,
    baselineTotals,
    candidateTotals,
    deltas: deltasBetween(baselineTotals, candidateTotals),
    articles,
    missingFromCandidate,
  };
}
