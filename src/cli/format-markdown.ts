import type { SummaryResponse } from '../summarize/summary-api-schemas.js';

type LanguageSummary = SummaryResponse['summaries']['en'];

const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch' } as const;

function formatKeyPoint(point: LanguageSummary['key_points'][number]): string {
  if (typeof point === 'string') {
    return `- ${point}`;
  }
  const mark = point.evidence_verified ? 'verified' : 'not found in the article';
  return `- ${point.text}\n  > „${point.evidence}“ (${mark})`;
}

function formatLanguage(language: keyof typeof LANGUAGE_NAMES, summary: LanguageSummary): string[] {
  return [
    `## ${LANGUAGE_NAMES[language]}`,
    '',
    `### ${summary.headline}`,
    '',
    summary.summary,
    '',
    ...summary.key_points.map(formatKeyPoint),
    '',
  ];
}

function formatMeta(meta: SummaryResponse['meta']): string {
  const parts = [
    `prompt ${meta.prompt.name}@${meta.prompt.version}`,
    meta.model,
    `${meta.mode} mode`,
    meta.cached ? 'cached' : `${meta.attempts} model call${meta.attempts === 1 ? '' : 's'}`,
    `${meta.usage.input_tokens} input / ${meta.usage.output_tokens} output tokens`,
    meta.cost_usd === null ? 'cost unknown' : `$${meta.cost_usd.toFixed(6)}`,
    `request ${meta.request_id}`,
  ];
  return `*${parts.join(' · ')}*`;
}

/** One summary as Markdown: each language's headline, summary and key points, fact checks, a meta line. */
export function formatMarkdown(
  response: SummaryResponse,
  options: { title?: string | undefined } = {},
): string {
  const lines = options.title ? [`# ${options.title}`, ''] : [];
  lines.push(...formatLanguage('en', response.summaries.en), ...formatLanguage('de', response.summaries.de));
  if (!response.checks.passed) {
    lines.push(
      '## Fact checks',
      '',
      ...response.checks.failures.map(
        (failure) => `- ${failure.language} ${failure.field} (${failure.check}): ${failure.detail}`,
      ),
      '',
    );
  }
  lines.push('---', '', formatMeta(response.meta), '');
  return lines.join('\n');
}
