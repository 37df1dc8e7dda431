import type { VersionTotals } from './compute-version-totals.js';

export type MetricKind = 'count' | 'rate' | 'score' | 'mean' | 'ratio' | 'tokens' | 'usd';

/** One row of the totals and differences tables. */
export interface EvalMetric {
  key: string;
  label: string;
  kind: MetricKind;
  /** Which way is better; `neutral` metrics (length, key point count) are reported, never judged. */
  direction: 'higher' | 'lower' | 'neutral';
  /** A worse value is listed as a regression of an article (cost and tokens are gated separately). */
  quality: boolean;
  read(totals: VersionTotals): number | null;
}

const rougeMetric = (variant: 'rouge1' | 'rouge2' | 'rougeL', language: 'en' | 'de'): EvalMetric => ({
  key: `${variant}.${language}`,
  label: `${{ rouge1: 'ROUGE-1', rouge2: 'ROUGE-2', rougeL: 'ROUGE-L' }[variant]} F1 (${language.toUpperCase()})`,
  kind: 'score',
  direction: 'higher',
  quality: true,
  read: (totals) => totals.meanRougeF1[language][variant],
});

export const EVAL_METRICS: readonly EvalMetric[] = [
  {
    key: 'evaluated',
    label: 'Articles evaluated',
    kind: 'count',
    direction: 'higher',
    quality: false,
    read: (totals) => totals.evaluated,
  },
  {
    key: 'validity',
    label: 'Schema validity',
    kind: 'rate',
    direction: 'higher',
    quality: true,
    read: (totals) => totals.validityRate,
  },
  {
    key: 'checkPassRate',
    label: 'Check pass rate',
    kind: 'rate',
    direction: 'higher',
    quality: true,
    read: (totals) => totals.checkPassRate,
  },
  {
    key: 'checkFailures',
    label: 'Check failures',
    kind: 'count',
    direction: 'lower',
    quality: true,
    read: (totals) => totals.checkFailures,
  },
  {
    key: 'evidenceVerified',
    label: 'Evidence verified',
    kind: 'rate',
    direction: 'higher',
    quality: true,
    read: (totals) => totals.evidenceVerifiedRate,
  },
  rougeMetric('rouge1', 'en'),
  rougeMetric('rouge2', 'en'),
  rougeMetric('rougeL', 'en'),
  rougeMetric('rouge1', 'de'),
  rougeMetric('rouge2', 'de'),
  rougeMetric('rougeL', 'de'),
  {
    key: 'keyPoints.en',
    label: 'Key points (EN)',
    kind: 'mean',
    direction: 'neutral',
    quality: false,
    read: (totals) => totals.meanKeyPoints.en,
  },
  {
    key: 'keyPoints.de',
    label: 'Key points (DE)',
    kind: 'mean',
    direction: 'neutral',
    quality: false,
    read: (totals) => totals.meanKeyPoints.de,
  },
  {
    key: 'compression.en',
    label: 'Compression (EN)',
    kind: 'ratio',
    direction: 'neutral',
    quality: false,
    read: (totals) => totals.meanCompression.en,
  },
  {
    key: 'compression.de',
    label: 'Compression (DE)',
    kind: 'ratio',
    direction: 'neutral',
    quality: false,
    read: (totals) => totals.meanCompression.de,
  },
  {
    key: 'attempts',
    label: 'Model calls per summary',
    kind: 'mean',
    direction: 'lower',
    quality: true,
    read: (totals) => totals.meanAttempts,
  },
  {
    key: 'inputTokens',
    label: 'Input tokens',
    kind: 'tokens',
    direction: 'lower',
    quality: false,
    read: (totals) => totals.usage.input_tokens,
  },
  {
    key: 'outputTokens',
    label: 'Output tokens',
    kind: 'tokens',
    direction: 'lower',
    quality: false,
    read: (totals) => totals.usage.output_tokens,
  },
  {
    key: 'costUsd',
    label: 'Cost (USD)',
    kind: 'usd',
    direction: 'lower',
    quality: false,
    read: (totals) => (totals.costComplete ? totals.costUsd : null),
  },
];

/** The metrics whose differences the per-article table of a comparison shows. */
export const ARTICLE_DELTA_METRICS: readonly EvalMetric[] = EVAL_METRICS.filter((metric) =>
  [
    'validity',
    'checkFailures',
    'evidenceVerified',
    'rouge1.en',
    'rouge2.en',
    'rougeL.en',
    'rouge1.de',
    'rouge2.de',
    'rougeL.de',
    'outputTokens',
    'costUsd',
  ].includes(metric.key),
);

/** Differences smaller than this are below the precision a report shows. */
const DISPLAY_EPSILON: Record<MetricKind, number> = {
  count: 0,
  rate: 0.0005,
  score: 0.0005,
  mean: 0.005,
  ratio: 0.0005,
  tokens: 0,
  usd: 0.0000005,
};

/** Whether going from `baseline` to `candidate` makes this metric worse by more than rounding. */
export function isWorse(metric: EvalMetric, baseline: number | null, candidate: number | null): boolean {
  if (baseline === null || candidate === null || metric.direction === 'neutral') {
    return false;
  }
  const delta = candidate - baseline;
  const epsilon = DISPLAY_EPSILON[metric.kind];
  return metric.direction === 'higher' ? delta < -epsilon : delta > epsilon;
}

export function formatMetricValue(kind: MetricKind, value: number | null): string {
  if (value === null) {
    return '–';
  }
  switch (kind) {
    case 'count':
    case 'tokens':
      return value.toLocaleString('en');
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'score':
    case 'ratio':
      return value.toFixed(3);
    case 'mean':
      return value.toFixed(2);
    case 'usd':
      return `$${value.toFixed(4)}`;
  }
}

export function formatMetricDelta(kind: MetricKind, delta: number | null): string {
  if (delta === null) {
    return '–';
  }
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  switch (kind) {
    case 'count':
    case 'tokens':
      return `${sign}${size.toLocaleString('en')}`;
    case 'rate':
      return `${sign}${(size * 100).toFixed(1)} pp`;
    case 'score':
    case 'ratio':
      return `${sign}${size.toFixed(3)}`;
    case 'mean':
      return `${sign}${size.toFixed(2)}`;
    case 'usd':
      return `${sign}$${size.toFixed(4)}`;
  }
}
