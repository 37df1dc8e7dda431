import type { CheckReport, CheckSummariesInput } from '../checks/index.js';
import type { ValidationIssue } from '../errors/brief-error.js';
import type { DetectedLanguage } from '../language/name-language.js';

/** One piece of CPU-heavy work, as it crosses to a worker thread (structured clone: plain data only). */
export type CpuTask =
  | { kind: 'warm-up' }
  | { kind: 'check-summaries'; input: CheckSummariesInput }
  | { kind: 'html-to-article-text'; html: string }
  | { kind: 'name-language'; text: string };

/** A refusal crosses the thread as data; the caller raises it again as the ValidationError it was. */
export interface RefusedHtml {
  message: string;
  errors: ValidationIssue[];
  extensions: Record<string, unknown>;
}

export type CpuTaskResult =
  | { kind: 'warm-up' }
  | { kind: 'check-summaries'; report: CheckReport }
  | { kind: 'html-to-article-text'; text: string }
  | { kind: 'html-refused'; refused: RefusedHtml }
  | { kind: 'name-language'; detected: DetectedLanguage };
