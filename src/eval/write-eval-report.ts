import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalReport } from './create-eval-report.js';
import { renderReportHtml } from './render-report-html.js';
import { renderReportMarkdown } from './render-report-markdown.js';

export interface WrittenEvalReport {
  markdown: string;
  html: string;
  results: string;
}

/** `eval-reports/2025-06-24T09-30-00Z`: sortable, and valid on every file system. */
export function defaultReportDirectory(root: string, at: Date): string {
  return path.join(
    root,
    'eval-reports',
    at
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/:/g, '-'),
  );
}

/** A metric is written as its key (its `read` function cannot be). */
function namingMetrics(key: string, value: unknown): unknown {
  return key === 'metric' && typeof value === 'object' && value !== null && 'key' in value
    ? value.key
    : value;
}

/** Writes `report.md`, `report.html` and `results.json` (the report's data; no article text). */
export async function writeEvalReport(report: EvalReport, directory: string): Promise<WrittenEvalReport> {
  await mkdir(directory, { recursive: true });
  const written = {
    markdown: path.join(directory, 'report.md'),
    html: path.join(directory, 'report.html'),
    results: path.join(directory, 'results.json'),
  };
  await writeFile(written.markdown, renderReportMarkdown(report), 'utf8');
  await writeFile(written.html, await renderReportHtml(report), 'utf8');
  await writeFile(written.results, `${JSON.stringify(report, namingMetrics, 2)}\n`, 'utf8');
  return written;
}
