import { BudgetExceededError } from '../errors/brief-error.js';
import type { ApiKey } from '../keys/keyring.js';
import type { CostEstimator } from '../llm/create-cost-estimator.js';
import type { TokenUsage } from '../llm/token-usage.js';
import type { ModelCall } from '../summarize/create-summarizer.js';
import type { BudgetReservation, UsageLedger } from './usage-ledger.js';
import { fromNanoUsd, toNanoUsd, type UsageTotals } from './usage-totals.js';

export interface Admission {
  /** Pass as the summarizer's `onModelCall`: every call of the request is booked, answered or not. */
  record(call: ModelCall): void;
  /** Books what the request used and releases its reservation. Never throws. */
  settle(outcome: { cached: boolean }): Promise<void>;
}

export interface SpendControl {
  /**
   * Admits a request that may cost up to `maxCostUsd`, holding that much of the key's monthly
   * budget until it settles; throws BudgetExceededError (429) when the budget cannot hold it.
   */
  admit(key: ApiKey, maxCostUsd: number | null): Promise<Admission>;
  /** Throws BudgetExceededError when the key has nothing left this month (a batch, priced later). */
  assertWithinBudget(key: ApiKey): Promise<void>;
  /** Books usage that was not admitted beforehand (a batch's results), once per marker. Never throws. */
  bookOnce(marker: string, keyId: string, totals: UsageTotals): Promise<void>;
  /** What the key has left this month; undefined without a budget. */
  remaining(key: ApiKey): Promise<{ budgetUsd: number; spentUsd: number; resetsAt: string } | undefined>;
}

export interface SpendControlOptions {
  ledger: UsageLedger;
  costEstimator: CostEstimator;
  now?: () => Date;
  /** The ledger failed: the request goes on (a ledger outage must not take Brief down). */
  onLedgerError?: (error: unknown, operation: 'reserve' | 'book' | 'read') => void;
  /** Each model call of an admitted request, with the key it is booked to (metrics). */
  onModelCall?: (keyId: string, call: ModelCall) => void;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first instant of the next UTC month: when a monthly budget starts again. */
export function monthlyResetAt(date: Date): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString();
}

function addTokenUsage(total: TokenUsage, usage: TokenUsage): TokenUsage {
  return {
    input_tokens: total.input_tokens + usage.input_tokens,
    output_tokens: total.output_tokens + usage.output_tokens,
    cache_creation_input_tokens: total.cache_creation_input_tokens + usage.cache_creation_input_tokens,
    cache_read_input_tokens: total.cache_read_input_tokens + usage.cache_read_input_tokens,
  };
}

const NO_USAGE: TokenUsage = {
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

/** Budgets and usage booking per key, over a ledger in memory or in Redis. */
export function createSpendControl(options: SpendControlOptions): SpendControl {
  const { ledger, costEstimator } = options;
  const now = options.now ?? (() => new Date());

  async function book(keyId: string, totals: UsageTotals, reservation?: BudgetReservation): Promise<void> {
    try {
      await ledger.book(keyId, isoDay(now()), totals, reservation);
    } catch (error) {
      options.onLedgerError?.(error, 'book');
    }
  }

  async function reserve(key: ApiKey, maxCostUsd: number | null): Promise<BudgetReservation | undefined> {
    if (key.monthlyBudgetUsd === undefined) {
      return undefined;
    }
    const at = now();
    const month = isoDay(at).slice(0, 7);
    let result: Awaited<ReturnType<UsageLedger['reserve']>>;
    try {
      result = await ledger.reserve(
        key.id,
        month,
        toNanoUsd(maxCostUsd ?? 0),
        toNanoUsd(key.monthlyBudgetUsd),
      );
    } catch (error) {
      options.onLedgerError?.(error, 'reserve');
      return undefined;
    }
    if (result.admitted) {
      return result.reservation;
    }
    const spentUsd = fromNanoUsd(result.spentNanoUsd);
    const resetsAt = monthlyResetAt(at);
    throw new BudgetExceededError(
      `The monthly budget of ${key.monthlyBudgetUsd} USD for key "${key.id}" cannot hold this request (spent ${spentUsd.toFixed(6)} USD, plus requests in progress). It resets at ${resetsAt}.`,
      {
        extensions: { budget_usd: key.monthlyBudgetUsd, spent_usd: spentUsd, resets_at: resetsAt },
        headers: {
          'retry-after': String(Math.max(1, Math.ceil((Date.parse(resetsAt) - at.getTime()) / 1000))),
        },
      },
    );
  }

  return {
    async admit(key, maxCostUsd) {
      const reservation = await reserve(key, maxCostUsd);
      const usageByModel = new Map<string, TokenUsage>();
      return {
        record(call) {
          options.onModelCall?.(key.id, call);
          if (call.usage) {
            usageByModel.set(call.model, addTokenUsage(usageByModel.get(call.model) ?? NO_USAGE, call.usage));
          }
        },
        async settle(outcome) {
          // Priced per model on the summed usage, exactly as a response's `meta.cost_usd` is.
          let usage = NO_USAGE;
          let costUsd = 0;
          for (const [model, modelUsage] of usageByModel) {
            usage = addTokenUsage(usage, modelUsage);
            costUsd += costEstimator.estimate(model, modelUsage) ?? 0;
          }
          await book(
            key.id,
            { requests: 1, cached: outcome.cached ? 1 : 0, ...usage, cost_usd: costUsd },
            reservation,
          );
        },
      };
    },
    async assertWithinBudget(key) {
      // A reservation of nothing holds nothing: there is nothing to release.
      await reserve(key, 0);
    },
    async bookOnce(marker, keyId, totals) {
      try {
        if (!(await ledger.claimOnce(marker))) {
          return;
        }
      } catch (error) {
        options.onLedgerError?.(error, 'book');
        return;
      }
      await book(keyId, totals);
    },
    async remaining(key) {
      if (key.monthlyBudgetUsd === undefined) {
        return undefined;
      }
      const at = now();
      let spentNanoUsd = 0;
      try {
        spentNanoUsd = await ledger.spent(key.id, isoDay(at).slice(0, 7));
      } catch (error) {
        options.onLedgerError?.(error, 'read');
      }
      return {
        budgetUsd: key.monthlyBudgetUsd,
        spentUsd: fromNanoUsd(spentNanoUsd),
        resetsAt: monthlyResetAt(at),
      };
    },
  };
}
