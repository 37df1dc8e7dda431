export type { BatchItemFault, BatchOptions, BatchRequest, FakeBatch } from './batches.js';
export { deriveSummary, type SummaryVariant } from './derive-summary.js';
export type {
  FakeMessagesApi,
  FakeMessagesApiOptions,
  FakeMessagesApiStats,
  Latency,
  RecordedCall,
} from './fake-messages-api.js';
export { startFakeMessagesApi } from './fake-messages-api.js';
export {
  createFaultPolicy,
  FAULT_KINDS,
  type FaultKind,
  type FaultPolicy,
  type FaultPolicyOptions,
  isFaultKind,
  TRANSIENT_FAULT_KINDS,
} from './faults.js';
export { findArticle, type MessagesRequestBody } from './find-article.js';
export { createHardLimits, type HardLimits } from './hard-limits.js';
export { REFUSAL_TEXT } from './message-body.js';
export { type OutputRequirements, readOutputRequirements } from './read-output-requirements.js';
