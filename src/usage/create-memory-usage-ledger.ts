import type { UsageLedger } from './usage-ledger.js';
import { ALL_KEYS } from './usage-ledger.js';
import {
  addUsageTotals,
  emptyUsageTotals,
  fromNanoUsd,
  toNanoUsd,
  type UsageTotals,
} from './usage-totals.js';

/** A ledger in process memory: one replica, lost at a restart. Grows by one entry per key and day. */
export function createMemoryUsageLedger(): UsageLedger {
  const days = new Map<string, UsageTotals>();
  const months = new Map<string, { spent: number; reserved: number }>();
  const claimed = new Set<string>();

  const monthOf = (keyId: string, month: string) => {
    const key = `${keyId}\n${month}`;
    let entry = months.get(key);
    if (!entry) {
      entry = { spent: 0, reserved: 0 };
      months.set(key, entry);
    }
    return entry;
  };
  const addDay = (keyId: string, day: string, totals: UsageTotals) => {
    const key = `${keyId}\n${day}`;
    days.set(key, addUsageTotals(days.get(key) ?? emptyUsageTotals(), totals));
  };

  return {
    kind: 'memory',
    async reserve(keyId, month, nanoUsd, budgetNanoUsd) {
      const entry = monthOf(keyId, month);
      if (entry.spent + entry.reserved + nanoUsd > budgetNanoUsd) {
        return { admitted: false, spentNanoUsd: entry.spent };
      }
      entry.reserved += nanoUsd;
      return { admitted: true, reservation: { keyId, month, nanoUsd } };
    },
    async book(keyId, day, totals, reservation) {
      if (reservation) {
        const held = monthOf(reservation.keyId, reservation.month);
        held.reserved = Math.max(0, held.reserved - reservation.nanoUsd);
      }
      monthOf(keyId, day.slice(0, 7)).spent += toNanoUsd(totals.cost_usd);
      addDay(keyId, day, totals);
      addDay(ALL_KEYS, day, totals);
    },
    async spent(keyId, month) {
      return monthOf(keyId, month).spent;
    },
    async read(keyId, requestedDays) {
      const found = new Map<string, UsageTotals>();
      for (const day of requestedDays) {
        const totals = days.get(`${keyId}\n${day}`);
        if (totals) {
          found.set(day, { ...totals, cost_usd: fromNanoUsd(toNanoUsd(totals.cost_usd)) });
        }
      }
      return found;
    },
    async claimOnce(marker) {
      if (claimed.has(marker)) {
        return false;
      }
      claimed.add(marker);
      return true;
    },
  };
}
