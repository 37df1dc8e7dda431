import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetAmounts, BudgetStore } from '../../src/llm/budget/budget-store.js';
import { createMemoryBudgetStore } from '../../src/llm/budget/create-memory-budget-store.js';
import { createUpstreamBudget } from '../../src/llm/budget/create-upstream-budget.js';
import { upstreamBudgetMiddleware } from '../../src/llm/budget/upstream-budget-middleware.js';
import { streamModelAnswer } from '../../src/llm/stream-model-answer.js';
import { type FakeMessagesApi, startFakeMessagesApi } from '../support/fake-messages-api/index.js';
import { createFakeClient, sampleMessageParams } from '../support/stream-helpers.js';

/** A memory store that also keeps what was taken and given back, to check the settlement. */
function createRecordingStore() {
  const inner = createMemoryBudgetStore({ requestsPerMinute: 100, outputTokensPerMinute: 100_000 });
  const taken: BudgetAmounts[] = [];
  const given: BudgetAmounts[] = [];
  const store: BudgetStore = {
    kind: 'memory',
    take: async (model, amounts) => {
      taken.push(amounts);
      return inner.take(model, amounts);
    },
    give: async (model, amounts) => {
      given.push(amounts);
      return inner.give(model, amounts);
    },
    tighten: (model, report) => inner.tighten(model, report),
  };
  return { store, taken, given };
}

async function settled(given: BudgetAmounts[], count: number) {
  for (let tries = 0; given.length < count && tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let fake: FakeMessagesApi;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
});

beforeEach(() => {
  fake.reset();
});

afterAll(async () => {
  await fake.close();
});

describe('the upstream budget middleware', () => {
  it('reserves a streamed call’s estimate and max_tokens, and settles with the usage its stream reported', async () => {
    const { store, taken, given } = createRecordingStore();
    const budget = createUpstreamBudget({ store });
    const client = createFakeClient(fake.url);
    const params = sampleMessageParams('seed-article', 'v2');
    const message = await streamModelAnswer(client, params, {
      requestOptions: { middleware: [upstreamBudgetMiddleware(budget)] },
    });
    await settled(given, 1);

    expect(taken).toHaveLength(1);
    expect(taken[0]?.outputTokens).toBe(params.max_tokens);
    // The estimate is high on purpose: never below what the API bills.
    expect(taken[0]?.inputTokens).toBeGreaterThanOrEqual(message.usage.input_tokens);
    expect(given).toEqual([
      {
        requests: 0,
        inputTokens: (taken[0]?.inputTokens ?? 0) - message.usage.input_tokens,
        outputTokens: params.max_tokens - message.usage.output_tokens,
      },
    ]);
  });

  it('budgets every HTTP attempt of the SDK’s retries, and gives back the tokens of a refused one', async () => {
    fake.script('overloaded', 'ok');
    const { store, taken, given } = createRecordingStore();
    const budget = createUpstreamBudget({ store });
    const client = createFakeClient(fake.url).withOptions({ maxRetries: 1 });
    const params = sampleMessageParams('seed-article', 'v2');
    const message = await client.messages.create(
      { ...params, stream: false },
      { middleware: [upstreamBudgetMiddleware(budget)] },
    );
    await settled(given, 2);
    expect(taken).toHaveLength(2);
    // The 529 did no work: its tokens come back, its request does not.
    expect(given[0]).toEqual({
      requests: 0,
      inputTokens: taken[0]?.inputTokens,
      outputTokens: params.max_tokens,
    });
    expect(given[1]?.outputTokens).toBe(params.max_tokens - message.usage.output_tokens);
  });
});
