/**
 * What the page reads from Brief's public API. Every field is read defensively: the page shows
 * whatever answer it gets, including one from an older or newer Brief.
 */
export type Language = 'en' | 'de';

export interface KeyPointWithEvidence {
  text: string;
  evidence?: string;
  evidence_verified?: boolean;
}

export type KeyPoint = string | KeyPointWithEvidence;

export interface Summary {
  headline: string;
  summary: string;
  key_points: KeyPoint[];
}

export interface CheckFailure {
  check: string;
  language: string;
  field: string;
  text?: string;
  detail?: string;
}

export interface Checks {
  passed: boolean;
  failures: CheckFailure[];
}

export interface Usage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

export interface SummaryMeta {
  model?: string;
  prompt?: { name: string; version: string; sha256: string };
  usage?: Usage;
  cost_usd?: number;
  mode?: string;
  attempts?: number;
  cached?: boolean;
  request_id?: string;
}

export interface SummaryResponse {
  summaries: Record<Language, Summary>;
  checks?: Checks;
  meta?: SummaryMeta;
}

export interface PromptVersion {
  name: string;
  version: string;
  description: string;
  default?: boolean;
  evidence?: boolean;
  released?: boolean;
}

export interface FieldError {
  pointer?: string;
  detail?: string;
}

/** An RFC 9457 problem document as the page shows it, or a stand-in when the answer was not one. */
export interface Problem {
  title: string;
  detail: string;
  errors: FieldError[];
  checkFailures: CheckFailure[];
  requestId: string | null;
  retryAfter: string | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isSummaryResponse(body: unknown): body is SummaryResponse {
  return (
    isRecord(body) && isRecord(body.summaries) && isRecord(body.summaries.en) && isRecord(body.summaries.de)
  );
}

export function isPromptList(body: unknown): body is { prompts: PromptVersion[] } {
  return isRecord(body) && Array.isArray(body.prompts);
}
