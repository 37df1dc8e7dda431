import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { mapUpstreamError } from '../../src/llm/map-upstream-error.js';
import { readRetryAfterMs } from '../../src/llm/read-retry-after-ms.js';

const NOW = Date.parse('2026-01-05T10:00:00Z');

describe('reading how long upstream asks Brief to wait', () => {
  it('prefers retry-after-ms, then reads retry-after as seconds or as an HTTP date', () => {
    expect(readRetryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), NOW)).toBe(1500);
    expect(readRetryAfterMs(new Headers({ 'retry-after': '2.5' }), NOW)).toBe(2500);
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'Mon, 05 Jan 2026 10:00:30 GMT' }), NOW)).toBe(
      30_000,
    );
  });

  it('asks nothing for no header, zero, a date in the past or a value it cannot read', () => {
    expect(readRetryAfterMs(undefined, NOW)).toBeUndefined();
    expect(readRetryAfterMs(new Headers(), NOW)).toBeUndefined();
    expect(readRetryAfterMs(new Headers({ 'retry-after': '0' }), NOW)).toBeUndefined();
    expect(
      readRetryAfterMs(new Headers({ 'retry-after': 'Mon, 05 Jan 2026 09:00:00 GMT' }), NOW),
    ).toBeUndefined();
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
  });

  it('tells a rate-limited client upstream’s retry-after-ms, rounded up to whole seconds', () => {
    const error = new Anthropic.RateLimitError(
      429,
      { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
      'slow down',
      new Headers({ 'retry-after-ms': '2500' }),
    );
    const mapped = mapUpstreamError(error).error;
    expect(mapped.status).toBe(503);
    expect(mapped.headers['retry-after']).toBe('3');
  });

  it('tells an overloaded client to wait the default 5 s when upstream asks nothing', () => {
    const error = new Anthropic.OverloadedError(
      529,
      { type: 'error', error: { type: 'overloaded_error', message: 'overloaded' } },
      'overloaded',
      new Headers(),
    );
    expect(mapUpstreamError(error).error.headers['retry-after']).toBe('5');
  });
});
