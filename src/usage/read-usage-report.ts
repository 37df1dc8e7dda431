import type { UsageLedger } from './usage-ledger.js';
import { addUsageTotals, emptyUsageTotals, type UsageTotals } from './usage-totals.js';

export type UsageGranularity = 'day' | 'month';

export interface UsageReport {
  key_id: string;
  from: string;
  to: string;
  granularity: UsageGranularity;
  totals: UsageTotals;
  periods: Array<{ start: string } & UsageTotals>;
}

const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `to`, both included (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** A key's usage from `from` to `to` (UTC days, both included), per day or per month. */
export async function readUsageReport(
  ledger: UsageLedger,
  request: { keyId: string; ledgerKeyId: string; from: string; to: string; granularity: UsageGranularity },
): Promise<UsageReport> {
  const byDay = await ledger.read(request.ledgerKeyId, daysBetween(request.from, request.to));
  const periods = new Map<string, UsageTotals>();
  let totals = emptyUsageTotals();
  for (const [day, usage] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const start = request.granularity === 'day' ? day : `${day.slice(0, 7)}-01`;
    periods.set(start, addUsageTotals(periods.get(start) ?? emptyUsageTotals(), usage));
    totals = addUsageTotals(totals, usage);
  }
  return {
    key_id: request.keyId,
    from: request.from,
    to: request.to,
    granularity: request.granularity,
    totals,
    periods: [...periods].map(([start, usage]) => ({ start, ...usage })),
  };
}
