import type { VersionComparison } from './compare-versions.js';
import {
  articlesWithAnswers,
  describeStatus,
  type EvalReport,
  findOutcome,
  versionLabel,
} from './create-eval-report.js';
import { ARTICLE_DELTA_METRICS, EVAL_METRICS, formatMetricDelta, formatMetricValue } from './eval-metrics.js';
import { EVAL_LANGUAGES, type EvalLanguage } from './measure-output.js';
import type { EvalOutcome } from './run-eval.js';

/**
 * Model output is untrusted text: in a Markdown table cell it must neither break the table nor
 * become markup (HTML, links, emphasis) in a renderer.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], alignRight = false): string {
  const separator = header.map((_, index) => (alignRight && index > 0 ? '---:' : '---'));
  return [row(header), row(separator), ...rows.map(row)].join('\n');
}

function keyPointsCell(outcome: EvalOutcome | undefined, language: EvalLanguage): string {
  if (outcome?.status !== 'valid') {
    return '–';
  }
  return outcome.summaries[language].key_points
    .map((point, index) => {
      if (typeof point === 'string') {
        return `${index + 1}. ${escapeMarkdownCell(point)}`;
      }
      const mark = point.evidence_verified ? '✓ verified' : '✗ not in the source';
      return `${index + 1}. ${escapeMarkdownCell(point.text)} — evidence: „${escapeMarkdownCell(point.evidence)}“ ${mark}`;
    })
    .join('<br>');
}

function fieldCell(outcome: EvalOutcome | undefined, language: EvalLanguage, field: 'headline' | 'summary') {
  return outcome?.status === 'valid' ? escapeMarkdownCell(outcome.summaries[language][field]) : '–';
}

function metricsCell(
  outcome: EvalOutcome | undefined,
  read: (outcome: Extract<EvalOutcome, { status: 'valid' }>) => string,
) {
  return outcome?.status === 'valid' ? read(outcome) : '–';
}

/** The totals table: one column per version, one Δ column per candidate. */
export function renderTotalsMarkdown(report: EvalReport): string {
  const header = [
    'Metric',
    ...report.totals.map((totals) => versionLabel(report, totals.version)),
    ...report.comparisons.map((comparison) => `Δ ${comparison.candidate} − ${comparison.baseline}`),
  ];
  const statusRow = [
    'Valid / invalid / no recording / skipped / error',
    ...report.totals.map(
      (totals) =>
        `${totals.valid} / ${totals.invalid} / ${totals.noRecording} / ${totals.skipped} / ${totals.errors}`,
    ),
    ...report.comparisons.map(() => ''),
  ];
  const metricRows = EVAL_METRICS.map((metric) => [
    metric.label,
    ...report.totals.map((totals) => formatMetricValue(metric.kind, metric.read(totals))),
    ...report.comparisons.map((comparison) => {
      const delta = comparison.deltas.find((item) => item.metric.key === metric.key);
      const text = formatMetricDelta(metric.kind, delta?.delta ?? null);
      return delta?.worse ? `${text} ⚠` : text;
    }),
  ]);
  const failuresRow = [
    'Check failures by check',
    ...report.totals.map(
      (totals) =>
        Object.entries(totals.checkFailuresByCheck)
          .map(([check, count]) => `${check} ${count}`)
          .join(', ') || 'none',
    ),
    ...report.comparisons.map(() => ''),
  ];
  return table(header, [statusRow, ...metricRows, failuresRow], true);
}

function renderGate(report: EvalReport): string[] {
  if (!report.gate.checked) {
    return ['## Gate', '', 'No thresholds given: nothing was gated.'];
  }
  const failed = report.gate.results.filter((result) => !result.passed).length;
  return [
    '## Gate',
    '',
    report.gate.passed
      ? `**Passed**: every candidate is within the thresholds (${report.gate.results.length} rules).`
      : `**Failed**: ${failed} of ${report.gate.results.length} rules.`,
    '',
    ...report.gate.results.map(
      (result) =>
        `- ${result.passed ? '✓' : '✗'} \`${result.rule}\` ${escapeMarkdownCell(result.candidate)}: ${escapeMarkdownCell(result.message)}`,
    ),
  ];
}

function renderComparison(report: EvalReport, comparison: VersionComparison): string[] {
  const shown = ARTICLE_DELTA_METRICS;
  const rows = comparison.articles.map((article) => [
    escapeMarkdownCell(article.articleId),
    ...shown.map((metric) => {
      const delta = article.deltas.find((item) => item.metric.key === metric.key);
      const text = formatMetricDelta(metric.kind, delta?.delta ?? null);
      return delta?.worse ? `${text} ⚠` : text;
    }),
  ]);
  const regressions = comparison.articles.flatMap((article) =>
    article.regressions.map(
      (delta) =>
        `- ${escapeMarkdownCell(article.articleId)}: ${delta.metric.label} ${formatMetricValue(delta.metric.kind, delta.baseline)} → ${formatMetricValue(delta.metric.kind, delta.candidate)} (${formatMetricDelta(delta.metric.kind, delta.delta)})`,
    ),
  );
  const candidate = versionLabel(report, comparison.candidate);
  const baseline = versionLabel(report, comparison.baseline);
  return [
    `## Differences: ${candidate} − ${baseline}`,
    '',
    `Over the ${comparison.pairedArticleIds.length} article(s) both versions were evaluated on. ⚠ marks a change for the worse.`,
    '',
    table(['Article', ...shown.map((metric) => `Δ ${metric.label}`)], rows, true),
    '',
    `### Regressions of ${candidate}`,
    '',
    ...(regressions.length > 0 ? regressions : ['None: no article got worse on a quality metric.']),
    ...(comparison.missingFromCandidate.length > 0
      ? [
          '',
          `Not evaluated under ${candidate} although ${baseline} was:`,
          ...comparison.missingFromCandidate.map(
            (item) =>
              `- ${escapeMarkdownCell(item.articleId)}: ${item.status} (${escapeMarkdownCell(item.reason)})`,
          ),
        ]
      : []),
  ];
}

function renderArticle(report: EvalReport, article: EvalReport['run']['articles'][number]): string[] {
  const versions = report.run.versions;
  const outcomes = versions.map((version) => findOutcome(report, article.id, version.version));
  const rows: string[][] = [
    ['Status', ...outcomes.map((outcome) => escapeMarkdownCell(describeStatus(outcome)))],
  ];
  for (const language of EVAL_LANGUAGES) {
    const tag = language.toUpperCase();
    rows.push(
      [`Headline (${tag})`, ...outcomes.map((outcome) => fieldCell(outcome, language, 'headline'))],
      [`Summary (${tag})`, ...outcomes.map((outcome) => fieldCell(outcome, language, 'summary'))],
      [`Key points (${tag})`, ...outcomes.map((outcome) => keyPointsCell(outcome, language))],
    );
  }
  rows.push(
    [
      'Key points EN / DE',
      ...outcomes.map((outcome) =>
        metricsCell(outcome, (valid) => `${valid.metrics.keyPoints.en} / ${valid.metrics.keyPoints.de}`),
      ),
    ],
    [
      'Compression EN / DE',
      ...outcomes.map((outcome) =>
        metricsCell(
          outcome,
          (valid) =>
            `${formatMetricValue('ratio', valid.metrics.compression.en)} / ${formatMetricValue('ratio', valid.metrics.compression.de)}`,
        ),
      ),
    ],
  );
  for (const language of EVAL_LANGUAGES) {
    rows.push([
      `ROUGE-1 / 2 / L F1 (${language.toUpperCase()})`,
      ...outcomes.map((outcome) =>
        metricsCell(outcome, (valid) => {
          const rouge = valid.metrics.rouge?.[language];
          return rouge
            ? [rouge.rouge1, rouge.rouge2, rouge.rougeL]
                .map((item) => formatMetricValue('score', item.f1))
                .join(' / ')
            : 'no reference';
        }),
      ),
    ]);
  }
  rows.push(
    [
      'Evidence verified',
      ...outcomes.map((outcome) =>
        metricsCell(outcome, (valid) =>
          valid.metrics.evidence
            ? `${valid.metrics.evidence.verified} of ${valid.metrics.evidence.total}`
            : '–',
        ),
      ),
    ],
    [
      'Tokens in / out',
      ...outcomes.map((outcome) =>
        outcome?.status === 'valid' || (outcome?.status === 'invalid' && outcome.usage)
          ? `${formatMetricValue('tokens', outcome.usage?.input_tokens ?? 0)} / ${formatMetricValue('tokens', outcome.usage?.output_tokens ?? 0)}`
          : '–',
      ),
    ],
    [
      'Cost',
      ...outcomes.map((outcome) =>
        outcome?.status === 'valid' || outcome?.status === 'invalid'
          ? formatMetricValue('usd', outcome.costUsd)
          : '–',
      ),
    ],
  );
  const failures = outcomes.flatMap((outcome) =>
    outcome?.status === 'valid'
      ? outcome.checks.failures.map(
          (failure) =>
            `- ${versionLabel(report, outcome.version)} · ${failure.check} · ${failure.language.toUpperCase()} · ${escapeMarkdownCell(failure.field)} · „${escapeMarkdownCell(failure.text)}“: ${escapeMarkdownCell(failure.detail)}`,
        )
      : [],
  );
  return [
    `### ${escapeMarkdownCell(article.id)}`,
    '',
    `${article.origin} · ${article.chars.toLocaleString('en')} characters · reference summary: ${article.hasReference ? 'yes' : 'no'}`,
    '',
    table(['', ...versions.map((version) => version.label)], rows),
    '',
    failures.length > 0 ? `Check failures:\n${failures.join('\n')}` : 'Check failures: none.',
  ];
}

/** The whole report as GitHub-flavoured Markdown. */
export function renderReportMarkdown(report: EvalReport): string {
  const { run } = report;
  const withAnswers = articlesWithAnswers(report);
  const withoutAnswers = run.articles.filter((article) => !withAnswers.includes(article));
  const samples = run.articles.filter((article) => article.origin === 'sample');
  const corpus = run.articles.filter((article) => article.origin === 'corpus');
  const lines = [
    `# Prompt eval: ${run.versions.map((version) => version.label).join(' vs ')}`,
    '',
    `- Mode: ${run.mode}; started ${run.startedAt}, finished ${run.finishedAt}`,
    `- Versions: ${run.versions
      .map(
        (version) =>
          `${version.label} (${version.model}, sha256 ${version.sha256.slice(0, 12)}…, ${version.released ? 'released' : 'not released'}${version.evidence ? ', key points with evidence' : ''})`,
      )
      .join('; ')}`,
    `- Baseline: ${versionLabel(report, report.baseline)}`,
    `- Articles: ${samples.length} sample(s), ${corpus.length} corpus article(s); ${run.articles.filter((article) => article.hasReference).length} with a reference summary`,
    `- ${report.pricesNote}`,
    '',
    '## Totals',
    '',
    'Rates over evaluated articles; means over valid outputs; ROUGE over valid outputs of articles with a reference summary. The Δ columns compare over the articles both versions were evaluated on.',
    '',
    renderTotalsMarkdown(report),
    '',
    ...renderGate(report),
    '',
    ...report.comparisons.flatMap((comparison) => [...renderComparison(report, comparison), '']),
    '## Articles',
    '',
    ...withAnswers.flatMap((article) => [...renderArticle(report, article), '']),
    ...(withoutAnswers.length > 0
      ? [
          '## Not evaluated',
          '',
          ...withoutAnswers.map(
            (article) =>
              `- ${escapeMarkdownCell(article.id)} (${article.origin}): ${run.versions
                .map(
                  (version) =>
                    `${version.label} ${escapeMarkdownCell(describeStatus(findOutcome(report, article.id, version.version)))}`,
                )
                .join('; ')}`,
          ),
          '',
        ]
      : []),
  ];
  return lines.join('\n');
}
