import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCachingSummarizer } from '../../src/cache/create-caching-summarizer.js';
import { createMemoryCacheStore } from '../../src/cache/create-memory-cache-store.js';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { loadPromptRegistry, type PromptVersion } from '../../src/prompts/prompt-registry.js';
import type { SummarizeInput, SummarizeResult, Summarizer } from '../../src/summarize/create-summarizer.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';

const prompts = loadPromptRegistry(path.join(PROJECT_ROOT, 'prompts'));
const PROMPT = prompts.get('summarize', 'v1') as PromptVersion;
const USAGE = {
  input_tokens: 900,
  output_tokens: 300,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

/** An inner summarizer whose calls wait until the test settles them, and that records the signal each got. */
function createStubSummarizer() {
  const calls: Array<{ input: SummarizeInput; resolve: () => void }> = [];
  const summarizer: Summarizer = {
    resolvePrompt: () => PROMPT,
    summarize: (input) =>
      new Promise<SummarizeResult>((resolve, reject) => {
        input.signal?.addEventListener('abort', () => reject(input.signal?.reason), { once: true });
        const result: SummarizeResult = {
          // A valid summary: the cache reads back only what passes the summary schema.
          output: {
            en: {
              headline: 'h',
              summary: 'The council met on Monday. It agreed on a plan.',
              key_points: ['a.', 'b.', 'c.'],
            },
            de: {
              headline: 'h',
              summary: 'Der Rat tagte am Montag. Er beschloss einen Plan.',
              key_points: ['a.', 'b.', 'c.'],
            },
          },
          prompt: PROMPT,
          model: 'claude-stub',
          fallback: false,
          attempts: 1,
          usage: USAGE,
          cached: false,
          checks: { passed: true, failures: [] },
        };
        calls.push({ input, resolve: () => resolve(result) });
      }),
  };
  return { summarizer, calls };
}

function createSubject() {
  const inner = createStubSummarizer();
  const counts = { hits: 0, misses: 0 };
  const summarizer = createCachingSummarizer(inner.summarizer, {
    store: createMemoryCacheStore({ maxEntries: 10, maxBytes: 1_000_000 }),
    ttlSeconds: 60,
    onHit: () => {
      counts.hits += 1;
    },
    onMiss: () => {
      counts.misses += 1;
    },
  });
  return { summarizer, inner, counts };
}

const input = (signal?: AbortSignal): SummarizeInput => ({
  text: 'Ein Artikel.',
  promptVersion: 'v1',
  limits: DEFAULT_LIMITS,
  signal,
});

/** Lets the caching summarizer's awaits (the cache read) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('single-flight in the caching summarizer', () => {
  it('joins an identical request in flight to the one model call, and reports the joiner as cached and free', async () => {
    const { summarizer, inner, counts } = createSubject();
    const first = summarizer.summarize(input());
    await settle();
    const second = summarizer.summarize(input());
    await settle();
    expect(inner.calls).toHaveLength(1);
    inner.calls[0]?.resolve();

    const [leader, joiner] = await Promise.all([first, second]);
    expect(leader).toMatchObject({ cached: false, attempts: 1, usage: USAGE });
    expect(joiner).toMatchObject({ cached: true, attempts: 0, usage: { input_tokens: 0, output_tokens: 0 } });
    expect(joiner.output).toEqual(leader.output);
    expect(counts).toEqual({ hits: 1, misses: 1 });
  });

  it('keeps the shared call going while one waiter is left, and aborts it when the last one leaves', async () => {
    const { summarizer, inner } = createSubject();
    const leaving = new AbortController();
    const staying = new AbortController();
    const first = summarizer.summarize(input(leaving.signal));
    await settle();
    const second = summarizer.summarize(input(staying.signal));
    await settle();
    const upstreamSignal = inner.calls[0]?.input.signal;

    leaving.abort(new Error('first client gone'));
    await expect(first).rejects.toThrow('first client gone');
    expect(upstreamSignal?.aborted).toBe(false);

    staying.abort(new Error('second client gone'));
    await expect(second).rejects.toThrow('second client gone');
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('answers a repeat after the flight from the cache, without a second model call', async () => {
    const { summarizer, inner } = createSubject();
    const first = summarizer.summarize(input());
    await settle();
    inner.calls[0]?.resolve();
    await first;

    const repeat = await summarizer.summarize(input());
    expect(repeat.cached).toBe(true);
    expect(inner.calls).toHaveLength(1);
  });
});
