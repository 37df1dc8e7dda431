import { checkThresholds, hasThresholds, type ThresholdResult, type Thresholds } from './check-thresholds.js';
import { compareVersions, type VersionComparison } from './compare-versions.js';
import { computeVersionTotals, type VersionTotals } from './compute-version-totals.js';
import type { EvalOutcome, EvalRun } from './run-eval.js';

export interface EvalGate {
  /** Whether any threshold was given. */
  checked: boolean;
  passed: boolean;
  results: ThresholdResult[];
}

/** Everything a report shows: the run, each version's totals, each candidate against the baseline, the gate. */
export interface EvalReport {
  run: EvalRun;
  baseline: string;
  totals: VersionTotals[];
  comparisons: VersionComparison[];
  thresholds: Thresholds;
  gate: EvalGate;
  /** Where the prices come from, for the reader of the cost column. */
  pricesNote: string;
}

export const PRICES_NOTE =
  'Cost: Anthropic list prices per million tokens from src/llm/model-prices.ts (input, output, cache write, cache read); a model without a price shows –.';

export function createEvalReport(
  run: EvalRun,
  options: { baseline: string; candidates: string[]; thresholds: Thresholds },
): EvalReport {
  const totals = run.versions.map((version) => computeVersionTotals(version.version, run.outcomes));
  const comparisons = options.candidates.map((candidate) =>
    compareVersions(run, options.baseline, candidate),
  );
  const results = comparisons.flatMap((comparison) => {
    const candidateTotals = totals.find((item) => item.version === comparison.candidate);
    const version = run.versions.find((item) => item.version === comparison.candidate);
    if (!candidateTotals || !version) {
      return [];
    }
    return checkThresholds(comparison, candidateTotals, options.thresholds, {
      candidateAsksForEvidence: version.evidence,
    });
  });
  return {
    run,
    baseline: options.baseline,
    totals,
    comparisons,
    thresholds: options.thresholds,
    gate: {
      checked: hasThresholds(options.thresholds),
      passed: results.every((result) => result.passed),
      results,
    },
    pricesNote: PRICES_NOTE,
  };
}

export function findOutcome(report: EvalReport, articleId: string, version: string): EvalOutcome | undefined {
  return report.run.outcomes.find(
    (outcome) => outcome.articleId === articleId && outcome.version === version,
  );
}

export function versionLabel(report: EvalReport, version: string): string {
  return report.run.versions.find((item) => item.version === version)?.label ?? version;
}

/** Articles at least one version was evaluated on get a section; the rest are listed in one line each. */
export function articlesWithAnswers(report: EvalReport): EvalRun['articles'] {
  return report.run.articles.filter((article) =>
    report.run.outcomes.some(
      (outcome) =>
        outcome.articleId === article.id && (outcome.status === 'valid' || outcome.status === 'invalid'),
    ),
  );
}

/** One line on an outcome's status, for tables. */
export function describeStatus(outcome: EvalOutcome | undefined): string {
  if (!outcome) {
    return 'not run';
  }
  switch (outcome.status) {
    case 'valid': {
      const calls = `${outcome.attempts} model call${outcome.attempts === 1 ? '' : 's'}`;
      const checks = outcome.checks.passed
        ? 'checks passed'
        : `${outcome.checks.failures.length} check failure${outcome.checks.failures.length === 1 ? '' : 's'}`;
      return `valid · ${calls} · ${checks}`;
    }
    case 'invalid':
      return `invalid: ${outcome.reason}`;
    case 'no-recording':
      return 'no recording';
    case 'skipped':
      return `skipped: ${outcome.reason}`;
    case 'error':
      return `error: ${outcome.reason}`;
  }
}
