/**
 * How long upstream asks to wait before a retry, from the headers the SDK honours: `retry-after-ms`,
 * then `retry-after` in seconds or as an HTTP date. Undefined when it asks nothing (or nothing positive).
 */
export function readRetryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds > 0) {
    return milliseconds;
  }
  const value = headers?.get('retry-after');
  if (value === null || value === undefined) {
    return undefined;
  }
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) {
    return seconds > 0 ? seconds * 1000 : undefined;
  }
  const date = Date.parse(value);
  return Number.isFinite(date) && date > now ? date - now : undefined;
}
