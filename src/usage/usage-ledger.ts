import type { UsageTotals } from './usage-totals.js';

/** The key id under which every key's usage is summed as well, for `key_id=all`. */
export const ALL_KEYS = '*';

export interface BudgetReservation {
  keyId: string;
  /** `YYYY-MM`: the month whose budget holds the reservation. */
  month: string;
  nanoUsd: number;
}

export type ReserveResult =
  | { admitted: true; reservation: BudgetReservation }
  | { admitted: false; spentNanoUsd: number };

/**
 * Usage per key per UTC day, and each key's spend per UTC month. Reserving and booking are each one
 * atomic step, so replicas sharing a ledger cannot admit more than a budget holds between them.
 */
export interface UsageLedger {
  readonly kind: 'memory' | 'redis';
  /** Holds `nanoUsd` of the month's budget when spent + reserved + nanoUsd stays within it. */
  reserve(keyId: string, month: string, nanoUsd: number, budgetNanoUsd: number): Promise<ReserveResult>;
  /** Adds usage to the key's day (and its month's spend), and releases the reservation in the same step. */
  book(keyId: string, day: string, totals: UsageTotals, reservation?: BudgetReservation): Promise<void>;
  /** Spent this month (without open reservations), in nano-dollars. */
  spent(keyId: string, month: string): Promise<number>;
  /** The key's totals for each day from `days` that has usage (ALL_KEYS: every key together). */
  read(keyId: string, days: readonly string[]): Promise<Map<string, UsageTotals>>;
  /** True the first time it is called with this marker: books a batch's results once. */
  claimOnce(marker: string): Promise<boolean>;
}
