import type { VersionComparison } from './compare-versions.js';
import {
  articlesWithAnswers,
  describeStatus,
  type EvalReport,
  findOutcome,
  versionLabel,
} from './create-eval-report.js';
import {
  ARTICLE_DELTA_METRICS,
  EVAL_METRICS,
  formatMetricDelta,
  formatMetricValue,
  type MetricKind,
} from './eval-metrics.js';
import { EVAL_LANGUAGES, type EvalLanguage } from './measure-output.js';
import type { EvalOutcome, ValidOutcome } from './run-eval.js';

// A constant of ours; everything from the run (model output, reasons, file names) goes through JSX,
// which escapes text and attribute values.
const STYLES = `
:root { color-scheme: light dark; --muted: #6b7280; --good: #15803d; --bad: #b91c1c; --line: #d1d5db; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 110rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; vertical-align: top; text-align: left; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.number { white-space: nowrap; }
.worse { color: var(--bad); font-weight: 600; }
.pass { color: var(--good); } .fail { color: var(--bad); }
.muted { color: var(--muted); }
.versions { display: grid; gap: 1rem; grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); }
.version { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
.version h4 { margin: 1rem 0 .25rem; }
.headline { font-weight: 600; margin: .25rem 0; }
.evidence { display: block; color: var(--muted); font-size: .9em; }
.verified { color: var(--good); } .unverified { color: var(--bad); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dt { color: var(--muted); } dd { margin: 0; }
`;

function Value({ kind, value }: { kind: MetricKind; value: number | null }) {
  return <td class="number">{formatMetricValue(kind, value)}</td>;
}

function Delta({ kind, delta, worse }: { kind: MetricKind; delta: number | null; worse: boolean }) {
  return (
    <td class={worse ? 'number worse' : 'number'} title={worse ? 'worse than the baseline' : undefined}>
      {formatMetricDelta(kind, delta)}
      {worse ? ' ⚠' : ''}
    </td>
  );
}

function TotalsTable({ report }: { report: EvalReport }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Metric</th>
          {report.totals.map((totals) => (
            <th class="number">{versionLabel(report, totals.version)}</th>
          ))}
          {report.comparisons.map((comparison) => (
            <th class="number">
              Δ {comparison.candidate} − {comparison.baseline}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>Valid / invalid / no recording / skipped / error</td>
          {report.totals.map((totals) => (
            <td class="number">
              {totals.valid} / {totals.invalid} / {totals.noRecording} / {totals.skipped} / {totals.errors}
            </td>
          ))}
          {report.comparisons.map(() => (
            <td></td>
          ))}
        </tr>
        {EVAL_METRICS.map((metric) => (
          <tr>
            <td>{metric.label}</td>
            {report.totals.map((totals) => (
              <Value kind={metric.kind} value={metric.read(totals)} />
            ))}
            {report.comparisons.map((comparison) => {
              const delta = comparison.deltas.find((item) => item.metric.key === metric.key);
              return <Delta kind={metric.kind} delta={delta?.delta ?? null} worse={delta?.worse ?? false} />;
            })}
          </tr>
        ))}
        <tr>
          <td>Check failures by check</td>
          {report.totals.map((totals) => (
            <td>
              {Object.entries(totals.checkFailuresByCheck)
                .map(([check, count]) => `${check} ${count}`)
                .join(', ') || 'none'}
            </td>
          ))}
          {report.comparisons.map(() => (
            <td></td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function Gate({ report }: { report: EvalReport }) {
  if (!report.gate.checked) {
    return <p>No thresholds given: nothing was gated.</p>;
  }
  const failed = report.gate.results.filter((result) => !result.passed).length;
  return (
    <>
      <p class={report.gate.passed ? 'pass' : 'fail'}>
        <strong>{report.gate.passed ? 'Passed' : 'Failed'}</strong>
        {report.gate.passed
          ? `: every candidate is within the thresholds (${report.gate.results.length} rules).`
          : `: ${failed} of ${report.gate.results.length} rules.`}
      </p>
      <ul>
        {report.gate.results.map((result) => (
          <li class={result.passed ? 'pass' : 'fail'}>
            {result.passed ? '✓' : '✗'} <code>{result.rule}</code> {result.candidate}: {result.message}
          </li>
        ))}
      </ul>
    </>
  );
}

function Comparison({ report, comparison }: { report: EvalReport; comparison: VersionComparison }) {
  const candidate = versionLabel(report, comparison.candidate);
  const baseline = versionLabel(report, comparison.baseline);
  const regressions = comparison.articles.flatMap((article) =>
    article.regressions.map((delta) => ({ articleId: article.articleId, delta })),
  );
  return (
    <section>
      <h2>
        Differences: {candidate} − {baseline}
      </h2>
      <p class="muted">
        Over the {comparison.pairedArticleIds.length} article(s) both versions were evaluated on. ⚠ marks a
        change for the worse.
      </p>
      <table>
        <thead>
          <tr>
            <th>Article</th>
            {ARTICLE_DELTA_METRICS.map((metric) => (
              <th class="number">Δ {metric.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.articles.map((article) => (
            <tr>
              <td>
                <a href={`#article-${article.articleId}`}>{article.articleId}</a>
              </td>
              {ARTICLE_DELTA_METRICS.map((metric) => {
                const delta = article.deltas.find((item) => item.metric.key === metric.key);
                return (
                  <Delta kind={metric.kind} delta={delta?.delta ?? null} worse={delta?.worse ?? false} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Regressions of {candidate}</h3>
      {regressions.length === 0 ? (
        <p>None: no article got worse on a quality metric.</p>
      ) : (
        <ul>
          {regressions.map(({ articleId, delta }) => (
            <li class="worse">
              {articleId}: {delta.metric.label} {formatMetricValue(delta.metric.kind, delta.baseline)} →{' '}
              {formatMetricValue(delta.metric.kind, delta.candidate)} (
              {formatMetricDelta(delta.metric.kind, delta.delta)})
            </li>
          ))}
        </ul>
      )}
      {comparison.missingFromCandidate.length > 0 ? (
        <>
          <p>
            Not evaluated under {candidate} although {baseline} was:
          </p>
          <ul>
            {comparison.missingFromCandidate.map((item) => (
              <li class="fail">
                {item.articleId}: {item.status} ({item.reason})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function LanguageOutput({ outcome, language }: { outcome: ValidOutcome; language: EvalLanguage }) {
  const summary = outcome.summaries[language];
  return (
    <div lang={language}>
      <h4 lang="en">{language === 'en' ? 'English' : 'German'}</h4>
      <p class="headline">{summary.headline}</p>
      <p>{summary.summary}</p>
      <ol>
        {summary.key_points.map((point) =>
          typeof point === 'string' ? (
            <li>{point}</li>
          ) : (
            <li>
              {point.text}
              <span class="evidence" lang="de">
                „{point.evidence}“{' '}
                <span
                  lang="en"
                  class={point.evidence_verified ? 'verified' : 'unverified'}
                  title={point.evidence_verified ? 'verbatim in the source' : 'not found in the source'}
                >
                  {point.evidence_verified ? '✓ verified' : '✗ not in the source'}
                </span>
              </span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

function OutcomeColumn({ outcome, label }: { outcome: EvalOutcome | undefined; label: string }) {
  const status = describeStatus(outcome);
  if (outcome?.status !== 'valid') {
    return (
      <div class="version">
        <h3>{label}</h3>
        <p class="fail">{status}</p>
        {outcome?.status === 'invalid' ? (
          <dl>
            <dt>Tokens in / out</dt>
            <dd>
              {formatMetricValue('tokens', outcome.usage?.input_tokens ?? null)} /{' '}
              {formatMetricValue('tokens', outcome.usage?.output_tokens ?? null)}
            </dd>
            <dt>Cost</dt>
            <dd>{formatMetricValue('usd', outcome.costUsd)}</dd>
          </dl>
        ) : null}
      </div>
    );
  }
  const { metrics, checks } = outcome;
  return (
    <div class="version">
      <h3>{label}</h3>
      <p class={checks.passed ? 'pass' : 'fail'}>{status}</p>
      {EVAL_LANGUAGES.map((language) => (
        <LanguageOutput outcome={outcome} language={language} />
      ))}
      <h4>Measures</h4>
      <dl>
        <dt>Key points EN / DE</dt>
        <dd>
          {metrics.keyPoints.en} / {metrics.keyPoints.de}
        </dd>
        <dt>Compression EN / DE</dt>
        <dd>
          {formatMetricValue('ratio', metrics.compression.en)} /{' '}
          {formatMetricValue('ratio', metrics.compression.de)}
        </dd>
        {EVAL_LANGUAGES.map((language) => {
          const rouge = metrics.rouge?.[language];
          return (
            <>
              <dt>ROUGE-1 / 2 / L F1 ({language.toUpperCase()})</dt>
              <dd>
                {rouge
                  ? [rouge.rouge1, rouge.rouge2, rouge.rougeL]
                      .map((item) => formatMetricValue('score', item.f1))
                      .join(' / ')
                  : 'no reference'}
              </dd>
            </>
          );
        })}
        <dt>Evidence verified</dt>
        <dd>{metrics.evidence ? `${metrics.evidence.verified} of ${metrics.evidence.total}` : '–'}</dd>
        <dt>Tokens in / out</dt>
        <dd>
          {formatMetricValue('tokens', outcome.usage.input_tokens)} /{' '}
          {formatMetricValue('tokens', outcome.usage.output_tokens)}
        </dd>
        <dt>Cost</dt>
        <dd>{formatMetricValue('usd', outcome.costUsd)}</dd>
        <dt>Model</dt>
        <dd>{outcome.model}</dd>
      </dl>
      <h4>Checks</h4>
      {checks.failures.length === 0 ? (
        <p class="pass">Every check passed.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Check</th>
              <th>Language</th>
              <th>Field</th>
              <th>Text</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {checks.failures.map((failure) => (
              <tr class="fail">
                <td>{failure.check}</td>
                <td>{failure.language.toUpperCase()}</td>
                <td>
                  <code>{failure.field}</code>
                </td>
                <td lang={failure.language}>{failure.text}</td>
                <td>{failure.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Article({
  report,
  article,
}: {
  report: EvalReport;
  article: EvalReport['run']['articles'][number];
}) {
  const versions = report.run.versions;
  return (
    <section id={`article-${article.id}`}>
      <h2>{article.id}</h2>
      <p class="muted">
        {article.origin} · {article.chars.toLocaleString('en')} characters · reference summary:{' '}
        {article.hasReference ? 'yes' : 'no'}
      </p>
      <div class="versions" style={`--columns: ${versions.length}`}>
        {versions.map((version) => (
          <OutcomeColumn outcome={findOutcome(report, article.id, version.version)} label={version.label} />
        ))}
      </div>
    </section>
  );
}

function ReportPage({ report }: { report: EvalReport }) {
  const { run } = report;
  const withAnswers = articlesWithAnswers(report);
  const withoutAnswers = run.articles.filter((article) => !withAnswers.includes(article));
  const title = `Prompt eval: ${run.versions.map((version) => version.label).join(' vs ')}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <h1>{title}</h1>
        <ul>
          <li>
            Mode: {run.mode}; started {run.startedAt}, finished {run.finishedAt}
          </li>
          {run.versions.map((version) => (
            <li>
              {version.label}: {version.model}, sha256 <code>{version.sha256.slice(0, 12)}…</code>,{' '}
              {version.released ? 'released' : 'not released'}
              {version.evidence ? ', key points with evidence' : ''}
              {version.version === report.baseline ? ' (baseline)' : ''}
            </li>
          ))}
          <li>
            Articles: {run.articles.filter((article) => article.origin === 'sample').length} sample(s),{' '}
            {run.articles.filter((article) => article.origin === 'corpus').length} corpus article(s);{' '}
            {run.articles.filter((article) => article.hasReference).length} with a reference summary
          </li>
          <li>{report.pricesNote}</li>
        </ul>
        <h2>Totals</h2>
        <p class="muted">
          Rates over evaluated articles; means over valid outputs; ROUGE over valid outputs of articles with a
          reference summary. The Δ columns compare over the articles both versions were evaluated on.
        </p>
        <TotalsTable report={report} />
        <h2>Gate</h2>
        <Gate report={report} />
        {report.comparisons.map((comparison) => (
          <Comparison report={report} comparison={comparison} />
        ))}
        {withAnswers.map((article) => (
          <Article report={report} article={article} />
        ))}
        {withoutAnswers.length > 0 ? (
          <section>
            <h2>Not evaluated</h2>
            <ul>
              {withoutAnswers.map((article) => (
                <li>
                  {article.id} ({article.origin}):{' '}
                  {run.versions
                    .map(
                      (version) =>
                        `${version.label} ${describeStatus(findOutcome(report, article.id, version.version))}`,
                    )
                    .join('; ')}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </body>
    </html>
  );
}

/** The whole report as one self-contained HTML page. */
export async function renderReportHtml(report: EvalReport): Promise<string> {
  return `<!DOCTYPE html>${await (<ReportPage report={report} />).toString()}`;
}
