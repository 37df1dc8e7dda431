import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { CheckReport, CheckSummariesInput, SummaryLanguage } from '../checks/index.js';
import { notCheckedReport } from '../checks/not-checked.js';
import { ValidationError } from '../errors/brief-error.js';
import type { DetectedLanguage } from '../language/name-language.js';
import type { CpuTask, CpuTaskResult } from './cpu-task.js';
import type { CpuTasks } from './cpu-tasks.js';

export interface CpuTaskPoolOptions {
  /** Threads kept once the pool has started (it starts on its first task). */
  minThreads: number;
  maxThreads: number;
  /** How long a thread above `minThreads` may sit idle before it stops. */
  idleTimeoutMs: number;
  /** The longest a check task may take, queue included, before its checks are reported unchecked. */
  checkTimeLimitMs: number;
  /** The longest an HTML conversion may take, queue included, before the body is refused. */
  htmlTimeLimitMs: number;
}

/**
 * Sized for a 2-core box: the event loop keeps one core, the checks and conversions share the other.
 * A second thread would add its own copy of the language database and code (bench/cpu-task-pool.ts
 * measures the RSS) and compete with the event loop for the CPU.
 */
export const CPU_TASK_POOL_DEFAULTS: CpuTaskPoolOptions = {
  minThreads: 1,
  maxThreads: 1,
  idleTimeoutMs: 60_000,
  checkTimeLimitMs: 5_000,
  htmlTimeLimitMs: 5_000,
};

/**
 * The worker's entry beside this module: the TypeScript source through tsx, compiled JavaScript in
 * dist/src/, or the worker bundle beside the server bundle in dist/server/.
 */
function workerFilename(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = here.endsWith('.ts') ? 'load-typescript-worker.mjs' : `cpu-task-worker${path.extname(here)}`;
  return path.join(path.dirname(here), entry);
}

/** Added to the worker threads' nice value (Linux; elsewhere ignored). */
const WORKER_NICE_INCREMENT = 10;

const LANGUAGES: readonly SummaryLanguage[] = ['en', 'de'];

/**
 * Runs the CPU-heavy steps on a piscina worker pool, so no request holds the event loop while they
 * run, each within a time limit: a task past it is aborted (piscina ends the thread it ran on and
 * starts another) and answers as "not checked" findings or a refused body. The pool starts on its
 * first task or on `warmUp()` (the server calls it as it starts listening), so an instance (or a test)
 * that never needs it starts no thread.
 */
export function createCpuTaskPool(options: Partial<CpuTaskPoolOptions> = {}): CpuTasks {
  const settings = { ...CPU_TASK_POOL_DEFAULTS, ...options };
  let pool: Piscina<CpuTask, CpuTaskResult> | undefined;
  let warmedUp: Promise<unknown> | undefined;

  /**
   * The pool, started on first use with a warm-up task outside any time limit: loading the worker's
   * modules is the pool's cost, not the first request's, and must not count against its limit.
   */
  async function started(): Promise<Piscina<CpuTask, CpuTaskResult>> {
    if (pool === undefined) {
      pool = new Piscina<CpuTask, CpuTaskResult>({
        filename: workerFilename(),
        minThreads: settings.minThreads,
        maxThreads: settings.maxThreads,
        idleTimeout: settings.idleTimeoutMs,
        // Lower priority than the event loop's thread: on a busy box the loop keeps its share of the CPU.
        niceIncrement: WORKER_NICE_INCREMENT,
      });
      // A failed warm-up shows again, with its cause, on the task that follows it.
      warmedUp = pool.run({ kind: 'warm-up' }).catch(() => undefined);
    }
    await warmedUp;
    return pool;
  }

  /** The task's result, `undefined` past the time limit; the caller's own abort is rethrown. */
  async function run(task: CpuTask, timeLimitMs: number, signal: AbortSignal | undefined) {
    const ready = await started();
    signal?.throwIfAborted();
    const timeLimit = AbortSignal.timeout(timeLimitMs);
    try {
      return await ready.run(task, {
        signal: signal === undefined ? timeLimit : AbortSignal.any([timeLimit, signal]),
      });
    } catch (error) {
      if (signal?.aborted) {
        throw signal.reason;
      }
      if (timeLimit.aborted) {
        return undefined;
      }
      throw error;
    }
  }

  async function checkSummaries(input: CheckSummariesInput, signal?: AbortSignal): Promise<CheckReport> {
    const result = await run({ kind: 'check-summaries', input }, settings.checkTimeLimitMs, signal);
    if (result === undefined) {
      return notCheckedReport(
        LANGUAGES.filter((language) => input.summaries[language] !== undefined),
        {
          withLimits: input.limits !== undefined,
          why: `The checks took longer than ${settings.checkTimeLimitMs} ms and were stopped.`,
        },
      );
    }
    if (result.kind !== 'check-summaries') {
      throw new Error(`A check task answered with a ${result.kind} result.`);
    }
    return result.report;
  }

  async function htmlToArticleText(html: string, signal?: AbortSignal): Promise<string> {
    const result = await run({ kind: 'html-to-article-text', html }, settings.htmlTimeLimitMs, signal);
    if (result === undefined) {
      const detail = `The HTML was too costly to read: converting it took longer than ${settings.htmlTimeLimitMs} ms. Send the article as text/plain or JSON.`;
      throw new ValidationError(detail, [{ pointer: '', detail }], {
        extensions: { html_time_limit_ms: settings.htmlTimeLimitMs },
      });
    }
    switch (result.kind) {
      case 'html-to-article-text':
        return result.text;
      case 'html-refused':
        throw new ValidationError(result.refused.message, result.refused.errors, {
          extensions: result.refused.extensions,
        });
      default:
        throw new Error(`An HTML task answered with a ${result.kind} result.`);
    }
  }

  async function nameLanguage(text: string, signal?: AbortSignal): Promise<DetectedLanguage> {
    const result = await run({ kind: 'name-language', text }, settings.checkTimeLimitMs, signal);
    if (result === undefined) {
      return { language: 'und', reliable: false };
    }
    if (result.kind !== 'name-language') {
      throw new Error(`A language task answered with a ${result.kind} result.`);
    }
    return result.detected;
  }

  async function warmUp(): Promise<void> {
    await started();
  }

  async function close(): Promise<void> {
    await pool?.close();
  }

  return { checkSummaries, htmlToArticleText, nameLanguage, warmUp, close };
}
