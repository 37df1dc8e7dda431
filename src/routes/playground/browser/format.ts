const MILLISECONDS_PER_SECOND = 1000;
const WHOLE_SECONDS_FROM_MS = 10_000;
const CENTS_FROM_USD = 0.1;

export const numbers = new Intl.NumberFormat('en');

export function formatDuration(milliseconds: number): string {
  if (milliseconds < MILLISECONDS_PER_SECOND) {
    return `${Math.max(1, Math.round(milliseconds))} ms`;
  }
  const digits = milliseconds < WHOLE_SECONDS_FROM_MS ? 1 : 0;
  return `${(milliseconds / MILLISECONDS_PER_SECOND).toFixed(digits)} s`;
}

/** Cents for ordinary costs, four decimals for the fractions of a cent one summary usually costs. */
export function formatCost(usd: number): string {
  return `$${usd >= CENTS_FROM_USD || usd === 0 ? usd.toFixed(2) : usd.toFixed(4)}`;
}

export function formatCharacterCount(length: number, minChars: number): { message: string; short: boolean } {
  const short = length > 0 && length < minChars;
  let message = `${numbers.format(length)}${length === 1 ? ' character' : ' characters'}`;
  if (short) {
    message += ` · at least ${numbers.format(minChars)} needed`;
  }
  return { message, short };
}
