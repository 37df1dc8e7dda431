import { readRetryAfterMs } from '../read-retry-after-ms.js';
import type { BudgetAmounts, UpstreamLimitReport } from './budget-store.js';

const RATE_LIMITED_STATUS = 429;

const HEADER_MEASURES: ReadonlyArray<[keyof BudgetAmounts, string]> = [
  ['requests', 'requests'],
  ['inputTokens', 'input-tokens'],
  ['outputTokens', 'output-tokens'],
];

function readCount(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null) {
    return undefined;
  }
  const count = Number(value);
  return Number.isFinite(count) && count >= 0 ? count : undefined;
}

/** The model API's `anthropic-ratelimit-*` headers, and a 429's `retry-after`, as a report for the budget. */
export function readRateLimitHeaders(
  headers: Headers,
  status: number,
  now: number = Date.now(),
): UpstreamLimitReport {
  const report: UpstreamLimitReport = { remaining: {}, limit: {} };
  for (const [measure, header] of HEADER_MEASURES) {
    const remaining = readCount(headers, `anthropic-ratelimit-${header}-remaining`);
    if (remaining !== undefined) {
      report.remaining[measure] = remaining;
    }
    const limit = readCount(headers, `anthropic-ratelimit-${header}-limit`);
    if (limit !== undefined) {
      report.limit[measure] = limit;
    }
  }
  if (status === RATE_LIMITED_STATUS) {
    report.blockMs = readRetryAfterMs(headers, now);
  }
  return report;
}
