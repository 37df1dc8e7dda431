import PQueue from 'p-queue';
import type { ProblemDocument } from '../http/problem-document.js';
import { clientProblem, type SummaryOutcome } from './summary-client.js';

export interface FolderProgress {
  start(total: number): void;
  advance(outcome: SummaryOutcome): void;
  stop(): void;
}

export interface FolderRunOptions {
  files: string[];
  /** Files in flight at once. */
  concurrency: number;
  summarizeFile: (file: string) => Promise<SummaryOutcome>;
  /** Called as each file finishes, in the order they finish. */
  onOutcome: (file: string, outcome: SummaryOutcome) => void;
  progress?: FolderProgress | undefined;
}

export interface FolderFailure {
  file: string;
  problem: ProblemDocument;
}

export interface FolderRunResult {
  succeeded: number;
  /** In file order, whatever order they finished in. */
  failures: FolderFailure[];
}

/** Summarizes every file with bounded concurrency; one file failing never stops the others. */
export async function runFolder(options: FolderRunOptions): Promise<FolderRunResult> {
  const queue = new PQueue({ concurrency: options.concurrency });
  const outcomes = new Map<string, SummaryOutcome>();
  options.progress?.start(options.files.length);
  try {
    await Promise.all(
      options.files.map((file) =>
        queue.add(async () => {
          const outcome = await options.summarizeFile(file).catch(
            (error: unknown): SummaryOutcome => ({
              ok: false,
              problem: clientProblem(
                0,
                'The article could not be read or sent',
                error instanceof Error ? error.message : String(error),
              ),
            }),
          );
          outcomes.set(file, outcome);
          options.onOutcome(file, outcome);
          options.progress?.advance(outcome);
        }),
      ),
    );
  } finally {
    options.progress?.stop();
  }
  const failures = options.files.flatMap((file) => {
    const outcome = outcomes.get(file);
    return outcome && !outcome.ok ? [{ file, problem: outcome.problem }] : [];
  });
  return { succeeded: options.files.length - failures.length, failures };
}
