import { isRecord } from './api-types.js';

/** What the page says about the saved key, from `GET /v1/usage`; null when the answer says nothing. */
export function describeKey(body: unknown): string | null {
  if (!isRecord(body) || typeof body.key_id !== 'string') {
    return null;
  }
  const { budget } = body;
  if (
    !isRecord(budget) ||
    typeof budget.remaining_usd !== 'number' ||
    typeof budget.monthly_budget_usd !== 'number'
  ) {
    return `Key ${body.key_id} · no monthly budget`;
  }
  return `Key ${body.key_id} · ${budget.remaining_usd.toFixed(2)} of ${budget.monthly_budget_usd.toFixed(2)} USD left this month`;
}
