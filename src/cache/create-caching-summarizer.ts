import type { SummarizeInput, SummarizeResult, Summarizer } from '../summarize/create-summarizer.js';
import { inSpan } from '../telemetry/in-span.js';
import type { CacheStore } from './cache-store.js';
import { parseCachedSummary } from './parse-cached-summary.js';
import { summaryCacheKey } from './summary-cache-key.js';

export interface CachingSummarizerOptions {
  store: CacheStore;
  ttlSeconds: number;
  onHit?: () => void;
  onMiss?: () => void;
  /** A store failure: logged and counted by the caller; the request is served uncached. */
  onStoreError?: (error: unknown, operation: 'get' | 'set') => void;
  /** An entry that does not read as a summary: a miss, and the fresh answer replaces it. */
  onInvalidEntry?: (key: string) => void;
}

type CachedValue = Omit<SummarizeResult, 'prompt' | 'cached'>;

interface Flight {
  promise: Promise<SummarizeResult>;
  controller: AbortController;
  waiters: number;
}

/** What a request that made no model call of its own reports: it cost nothing. */
function asCached(result: CachedValue, prompt: SummarizeResult['prompt']): SummarizeResult {
  return {
    ...result,
    prompt,
    cached: true,
    attempts: 0,
    usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * No double cost: a content-addressed cache in front of the summarizer, and single-flight so that
 * identical requests in flight at the same time share one model call. The shared call is aborted
 * only when every request waiting for it has gone away.
 */
export function createCachingSummarizer(inner: Summarizer, options: CachingSummarizerOptions): Summarizer {
  const flights = new Map<string, Flight>();

  const storeAttributes = { 'brief.cache.store': options.store.kind };

  function readCache(key: string, input: SummarizeInput): Promise<CachedValue | undefined> {
    return inSpan('brief.cache.get', storeAttributes, async (span) => {
      let raw: string | undefined;
      try {
        raw = await options.store.get(key);
      } catch (error) {
        options.onStoreError?.(error, 'get');
        return undefined;
      }
      if (raw === undefined) {
        span.setAttribute('brief.cache.hit', false);
        return undefined;
      }
      const value = parseCachedSummary(raw, inner.resolvePrompt(input.promptVersion), input.limits);
      span.setAttribute('brief.cache.hit', value !== undefined);
      if (value === undefined) {
        options.onInvalidEntry?.(key);
      }
      return value;
    });
  }

  function startFlight(key: string, input: SummarizeInput): Flight {
    const controller = new AbortController();
    const promise = inner.summarize({ ...input, signal: controller.signal }).then(async (result) => {
      const { prompt: _prompt, cached: _cached, ...value } = result;
      await inSpan('brief.cache.set', storeAttributes, async () => {
        try {
          await options.store.set(key, JSON.stringify(value), options.ttlSeconds);
        } catch (error) {
          options.onStoreError?.(error, 'set');
        }
      });
      return result;
    });
    const flight = { promise, controller, waiters: 0 };
    flights.set(key, flight);
    promise.then(
      () => flights.delete(key),
      () => flights.delete(key),
    );
    return flight;
  }

  async function join(flight: Flight, signal: AbortSignal | undefined): Promise<SummarizeResult> {
    flight.waiters += 1;
    const leave = () => {
      flight.waiters -= 1;
      if (flight.waiters === 0) {
        flight.controller.abort(signal?.reason);
      }
    };
    signal?.addEventListener('abort', leave, { once: true });
    try {
      return await abortable(flight.promise, signal);
    } finally {
      signal?.removeEventListener('abort', leave);
    }
  }

  return {
    resolvePrompt: inner.resolvePrompt,
    async summarize(input) {
      const prompt = inner.resolvePrompt(input.promptVersion);
      const key = summaryCacheKey({
        text: input.text,
        title: input.title,
        prompt,
        limits: input.limits,
        scope: input.cacheScope,
      });
      const existing = flights.get(key);
      if (existing) {
        options.onHit?.();
        return asCached(await join(existing, input.signal), prompt);
      }
      const cached = await readCache(key, input);
      if (cached) {
        options.onHit?.();
        return asCached(cached, prompt);
      }
      // A flight may have started while the cache was read.
      const started = flights.get(key);
      if (started) {
        options.onHit?.();
        return asCached(await join(started, input.signal), prompt);
      }
      options.onMiss?.();
      return join(startFlight(key, input), input.signal);
    },
  };
}
