import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceUnavailableError } from '../../errors/brief-error.js';
import type { BudgetAmounts, BudgetStore, TakeResult, UpstreamLimitReport } from './budget-store.js';

/** How long a call without a deadline (CLI, tools) may wait for the budget. */
export const DEFAULT_MAX_WAIT_MS = 60_000;

export interface Admission {
  /** How long the call waited for the budget. */
  readonly waitedMs: number;
  /**
   * Settles the reservation with what the call really used: the unused part goes back. Without usage
   * (the connection failed, the answer could not be read) everything stays spent. Never rejects.
   */
  settle(used: { inputTokens: number; outputTokens: number } | undefined): void;
}

export interface AdmitOptions {
  /** Epoch ms: a call that cannot be admitted before this is refused at once with a 503. */
  deadlineAt?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface UpstreamBudget {
  /** Waits until the budget holds `amounts` and takes them, or rejects with 503 `upstream-budget-exhausted`. */
  admit(model: string, amounts: BudgetAmounts, options?: AdmitOptions): Promise<Admission>;
  /** The model API's headers of one answer: the budget shrinks when they report less. Never rejects. */
  observe(model: string, report: UpstreamLimitReport): void;
  readonly kind: BudgetStore['kind'];
}

export interface UpstreamBudgetOptions {
  store: BudgetStore;
  /** Used while `store` fails (Redis down): each replica then keeps its own budget. */
  insurance?: BudgetStore | undefined;
  onStoreError?: ((error: unknown) => void) | undefined;
  onAdmitted?: ((event: { model: string; waitedMs: number; amounts: BudgetAmounts }) => void) | undefined;
  onRejected?: ((event: { model: string; waitMs: number }) => void) | undefined;
  now?: () => number;
  wait?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>;
  maxWaitMs?: number;
}

/**
 * Admission in front of every model call: a call reserves its estimated requests and tokens, waits
 * while the buckets are short, and is refused with `Retry-After` when the wait would pass its deadline,
 * so clients hear 503 instead of Brief collecting 429s from the model API.
 */
export function createUpstreamBudget(options: UpstreamBudgetOptions): UpstreamBudget {
  const now = options.now ?? Date.now;
  const wait =
    options.wait ??
    ((milliseconds: number, signal: AbortSignal | undefined) =>
      sleep(milliseconds, undefined, signal ? { signal } : {}));
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;

  async function withStore<T>(operation: (store: BudgetStore) => Promise<T>): Promise<T> {
    try {
      return await operation(options.store);
    } catch (error) {
      options.onStoreError?.(error);
      if (!options.insurance) {
        throw error;
      }
      return operation(options.insurance);
    }
  }

  function quietly(operation: (store: BudgetStore) => Promise<void>): void {
    withStore(operation).catch(() => undefined);
  }

  return {
    kind: options.store.kind,
    async admit(model, amounts, admitOptions = {}) {
      const started = now();
      const deadlineAt = admitOptions.deadlineAt ?? started + maxWaitMs;
      for (;;) {
        admitOptions.signal?.throwIfAborted();
        const result: TakeResult = await withStore((store) => store.take(model, amounts));
        if (result.admitted) {
          const waitedMs = now() - started;
          options.onAdmitted?.({ model, waitedMs, amounts });
          let settled = false;
          return {
            waitedMs,
            settle(used) {
              if (settled || used === undefined) {
                settled = true;
                return;
              }
              settled = true;
              quietly((store) =>
                store.give(model, {
                  requests: 0,
                  inputTokens: amounts.inputTokens - used.inputTokens,
                  outputTokens: amounts.outputTokens - used.outputTokens,
                }),
              );
            },
          };
        }
        if (now() + result.waitMs >= deadlineAt) {
          options.onRejected?.({ model, waitMs: result.waitMs });
          throw new ServiceUnavailableError(
            'upstream-budget-exhausted',
            `The model budget shared by Brief's replicas is spent for now; it refills in about ${Math.ceil(result.waitMs / 1000)} s, after this request's deadline. Try again after the time in Retry-After.`,
            { retryAfterSeconds: Math.max(1, Math.ceil(result.waitMs / 1000)) },
          );
        }
        await wait(result.waitMs, admitOptions.signal);
      }
    },
    observe(model, report) {
      quietly((store) => store.tighten(model, report));
    },
  };
}
