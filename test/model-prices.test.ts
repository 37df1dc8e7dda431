import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createCostEstimator } from '../src/llm/create-cost-estimator.js';
import { estimateCostUsd } from '../src/llm/estimate-cost-usd.js';
import { BATCH_DISCOUNT_FACTOR, findModelPrice, MODEL_PRICES } from '../src/llm/model-prices.js';
import { readSamples } from '../src/samples/read-samples.js';
import type { SummaryResponse } from '../src/summarize/summary-api-schemas.js';
import { createTestBrief } from './support/create-test-brief.js';

const usage = (input: number, output: number, cacheWrite = 0, cacheRead = 0) => ({
  input_tokens: input,
  output_tokens: output,
  cache_creation_input_tokens: cacheWrite,
  cache_read_input_tokens: cacheRead,
});

describe('the model price table', () => {
  it('holds the list prices per million tokens of the models Brief uses', () => {
    expect(MODEL_PRICES['claude-sonnet-4-6']).toEqual({
      input: 3,
      output: 15,
      cacheWrite: 3.75,
      cacheRead: 0.3,
    });
    expect(MODEL_PRICES['claude-sonnet-4-5']).toEqual({
      input: 3,
      output: 15,
      cacheWrite: 3.75,
      cacheRead: 0.3,
    });
    expect(MODEL_PRICES['claude-haiku-4-5']).toEqual({
      input: 1,
      output: 5,
      cacheWrite: 1.25,
      cacheRead: 0.1,
    });
    expect(MODEL_PRICES['claude-opus-4-6']).toEqual({
      input: 5,
      output: 25,
      cacheWrite: 6.25,
      cacheRead: 0.5,
    });
    expect(MODEL_PRICES['claude-opus-4-5']).toEqual({
      input: 5,
      output: 25,
      cacheWrite: 6.25,
      cacheRead: 0.5,
    });
    expect(BATCH_DISCOUNT_FACTOR).toBe(0.5);
  });

  it('follows Anthropic’s rule for every model: a 5-minute cache write is 1.25× input, a cache read 0.1×', () => {
    for (const [model, price] of Object.entries(MODEL_PRICES)) {
      expect(price.cacheWrite, model).toBeCloseTo(price.input * 1.25, 10);
      expect(price.cacheRead, model).toBeCloseTo(price.input * 0.1, 10);
    }
  });

  it('prices a dated snapshot as its model, and knows nothing of other models', () => {
    expect(findModelPrice('claude-sonnet-4-5-20250929')).toBe(MODEL_PRICES['claude-sonnet-4-5']);
    expect(findModelPrice('claude-unknown-9')).toBeUndefined();
  });
});

describe('estimateCostUsd', () => {
  const sonnet = MODEL_PRICES['claude-sonnet-4-6'];
  if (!sonnet) {
    throw new Error('claude-sonnet-4-6 has no price');
  }

  it('prices input and output tokens: the seed article’s recorded usage costs $0.015729', () => {
    // 1,233 × $3/M + 802 × $15/M = $0.003699 + $0.012030
    expect(estimateCostUsd(usage(1_233, 802), sonnet)).toBe(0.015729);
  });

  it('prices cache writes and cache reads at their own rates', () => {
    // 1,000 × $3 + 10,000 × $3.75 + 100,000 × $0.30, per million
    expect(estimateCostUsd(usage(1_000, 0, 10_000, 100_000), sonnet)).toBe(0.0705);
    expect(estimateCostUsd(usage(0, 0, 1_000_000, 0), sonnet)).toBe(3.75);
    expect(estimateCostUsd(usage(0, 0, 0, 1_000_000), sonnet)).toBe(0.3);
  });

  it('halves the price for the Message Batches API', () => {
    expect(estimateCostUsd(usage(2_000, 1_000), sonnet, { batch: true })).toBe(0.0105);
    expect(estimateCostUsd(usage(2_000, 1_000), sonnet)).toBe(0.021);
  });

  it('rounds to a millionth of a dollar', () => {
    expect(estimateCostUsd(usage(1, 1), sonnet)).toBe(0.000018);
    expect(estimateCostUsd(usage(1, 0), MODEL_PRICES['claude-haiku-4-5'] ?? sonnet)).toBe(0.000001);
    expect(estimateCostUsd(usage(0, 0), sonnet)).toBe(0);
  });
});

describe('createCostEstimator', () => {
  it('answers null for a model without a price and reports that model once', () => {
    const reported: string[] = [];
    const estimator = createCostEstimator({ onUnknownModel: (model) => reported.push(model) });
    expect(estimator.estimate('claude-unknown-9', usage(100, 100))).toBeNull();
    expect(estimator.estimate('claude-unknown-9', usage(100, 100))).toBeNull();
    expect(estimator.estimate('claude-haiku-4-5', usage(1_000_000, 1_000_000))).toBe(6);
    expect(reported).toEqual(['claude-unknown-9']);
  });
});

describe('meta.cost_usd on POST /v1/summaries', () => {
  const seed = readSamples(path.join(PROJECT_ROOT, 'samples')).find(
    (sample) => sample.slug === 'seed-article',
  );

  async function summarizeSeed(app: ReturnType<typeof createTestBrief>['app']) {
    const response = await app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: seed?.raw,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as SummaryResponse;
  }

  it('is the price of the tokens in meta.usage, and 0 for an answer from the cache', async () => {
    const { app } = createTestBrief();
    const first = await summarizeSeed(app);
    expect(first.meta.model).toBe('claude-sonnet-4-6');
    expect(first.meta.usage).toMatchObject({ input_tokens: 1_233, output_tokens: 802 });
    expect(first.meta.cost_usd).toBe(0.015729);

    const repeat = await summarizeSeed(app);
    expect(repeat.meta.cached).toBe(true);
    expect(repeat.meta.cost_usd).toBe(0);
  });
});
