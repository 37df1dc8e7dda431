import type { CheckReport, CheckSummariesInput } from '../checks/index.js';
import type { DetectedLanguage } from '../language/name-language.js';

/**
 * The CPU-heavy steps of a request, behind one seam: the server runs them on a worker pool with a
 * time limit (createCpuTaskPool); tools and unit tests may run them in this thread (inThreadCpuTasks).
 */
export interface CpuTasks {
  /** The fact checks; past the time limit, a report of "not checked: time limit" findings. */
  checkSummaries(input: CheckSummariesInput, signal?: AbortSignal): Promise<CheckReport>;
  /** An HTML body as article text; refused (422) when too deep, or when it costs more than the time limit. */
  htmlToArticleText(html: string, signal?: AbortSignal): Promise<string>;
  /** A text's language as eld names it; past the time limit, `und` (not told). */
  nameLanguage(text: string, signal?: AbortSignal): Promise<DetectedLanguage>;
  /** Starts the worker threads and loads their code, so the first request does not wait for it. */
  warmUp(): Promise<void>;
  /** Stops the worker threads, if any. */
  close(): Promise<void>;
}
