export { checkEvidence } from './check-evidence.js';
export { checkFigures } from './check-figures.js';
export { checkLanguage } from './check-language.js';
export { checkLimits } from './check-limits.js';
export { checkNames } from './check-names.js';
export { checkPersonNamesAgree } from './check-person-names-agree.js';
export { checkQuotations } from './check-quotations.js';
export {
  type CheckFailure,
  type CheckName,
  type CheckReport,
  checkFailureSchema,
  checkNameSchema,
  checkReportSchema,
  type SummaryLanguage,
  summaryLanguageSchema,
} from './check-report-schema.js';
export { type CheckSummariesInput, checkSummaries } from './check-summaries.js';
export { describeFigure } from './describe-figure.js';
export { extractFigures, type Figure } from './extract-figures.js';
export { extractQuotations, type Quotation } from './extract-quotations.js';
export { type CorrespondingQuotation, findCorrespondingQuotation } from './find-corresponding-quotation.js';
export { formatFailuresForRepair } from './format-failures-for-repair.js';
export { normalizeForComparison } from './normalize-for-comparison.js';
export {
  type KeyPointInput,
  keyPointInputSchema,
  type SummaryInput,
  summaryInputSchema,
} from './summary-input-schema.js';
export {
  createEvidenceVerifier,
  type KeyPointWithVerifiedEvidence,
  verifyEvidence,
  withEvidenceVerified,
} from './verify-evidence.js';
