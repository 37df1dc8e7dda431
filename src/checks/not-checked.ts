import type { CheckFailure, CheckName, CheckReport, SummaryLanguage } from './check-report-schema.js';

/** The field of a finding about a whole output rather than one of its fields. */
export const WHOLE_OUTPUT_FIELD = '*';

/** Why a check did not run to the end: its input was past a count limit, or its task past the time limit. */
export type NotCheckedReason = 'too large' | 'time limit';

/**
 * The finding of a check that stopped at its limit: the output is reported as unchecked, not as
 * passed, and the request does not wait for a check of unbounded cost.
 */
export function notChecked(
  check: CheckName,
  language: SummaryLanguage,
  why: string,
  reason: NotCheckedReason = 'too large',
): CheckFailure {
  return { check, language, field: WHOLE_OUTPUT_FIELD, text: '', detail: `Not checked: ${reason}. ${why}` };
}

/** True for a finding that says a check did not run, rather than that the output failed it. */
export function isNotChecked(failure: CheckFailure): boolean {
  return failure.field === WHOLE_OUTPUT_FIELD && failure.detail.startsWith('Not checked: ');
}

/** Every check that runs on a summary in every language; `limits` only when limits were given. */
const CHECKS_PER_LANGUAGE: readonly CheckName[] = ['language', 'figures', 'quotations', 'evidence', 'names'];

/**
 * The report of a check task stopped at its time limit: every check of every summary is unchecked,
 * so the output is neither passed nor blamed for a failure it may not have.
 */
export function notCheckedReport(
  languages: readonly SummaryLanguage[],
  options: { withLimits: boolean; why: string },
): CheckReport {
  const checks: readonly CheckName[] = options.withLimits
    ? ['limits', ...CHECKS_PER_LANGUAGE]
    : CHECKS_PER_LANGUAGE;
  const failures = languages.flatMap((language) =>
    checks.map((check) => notChecked(check, language, options.why, 'time limit')),
  );
  return { passed: false, failures };
}
