import type { CheckFailure, CheckName, SummaryLanguage } from './check-report-schema.js';

/** The field of a finding about a whole output rather than one of its fields. */
export const WHOLE_OUTPUT_FIELD = '*';

/**
 * The finding of a check that stopped at its limit: the output is reported as unchecked, not as
 * passed, and the request does not wait for a check of unbounded cost.
 */
export function notChecked(check: CheckName, language: SummaryLanguage, why: string): CheckFailure {
  return { check, language, field: WHOLE_OUTPUT_FIELD, text: '', detail: `Not checked: too large. ${why}` };
}
