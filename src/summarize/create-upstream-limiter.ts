import PQueue from 'p-queue';
import { ServiceUnavailableError } from '../errors/brief-error.js';

export interface UpstreamLimiterOptions {
  maxConcurrent: number;
  maxQueued: number;
  /** What a client is told to wait when the queue is full. */
  retryAfterSeconds: number;
}

export interface UpstreamLimiter {
  /** Runs `task` when a slot is free; rejects at once when the queue is full, or when `signal` fires while waiting. */
  run<T>(task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T>;
  readonly running: number;
  readonly queued: number;
}

/** At most N summaries talk to the model at once; a bounded number wait; the rest are told to come back. */
export function createUpstreamLimiter(options: UpstreamLimiterOptions): UpstreamLimiter {
  const queue = new PQueue({ concurrency: options.maxConcurrent });
  return {
    run(task, signal) {
      if (queue.pending >= options.maxConcurrent && queue.size >= options.maxQueued) {
        return Promise.reject(
          new ServiceUnavailableError(
            'queue-full',
            `Brief is at capacity (${options.maxConcurrent} summaries in progress, ${options.maxQueued} waiting). Try again after the time in Retry-After.`,
            { retryAfterSeconds: options.retryAfterSeconds },
          ),
        );
      }
      return queue.add(task, { signal }) as Promise<Awaited<ReturnType<typeof task>>>;
    },
    get running() {
      return queue.pending;
    },
    get queued() {
      return queue.size;
    },
  };
}
