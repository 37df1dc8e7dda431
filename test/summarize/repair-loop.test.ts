import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { loadPromptRegistry } from '../../src/prompts/prompt-registry.js';
import {
  createSummarizer,
  formatRepairRequest,
  type SummarizeEvent,
} from '../../src/summarize/create-summarizer.js';
import { normalizeArticle } from '../../src/summarize/normalize-article.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';
import type { MessagesRequestBody } from '../support/fake-messages-api/find-article.js';
import { createMessageBody, type MessageOutcome } from '../support/fake-messages-api/message-body.js';

const SEED = normalizeArticle(
  readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8'),
);
const prompts = loadPromptRegistry(path.join(PROJECT_ROOT, 'prompts'));

/** A client whose `messages.parse` answers each call with the next scripted outcome, and keeps what it was asked. */
function createStubClient(outcomes: MessageOutcome[]) {
  const requests: MessagesRequestBody[] = [];
  const client = {
    messages: {
      parse: async (params: MessagesRequestBody) => {
        // A copy as sent on the wire: the summarizer appends its re-asks to the same messages array.
        requests.push(JSON.parse(JSON.stringify(params)) as MessagesRequestBody);
        const outcome = outcomes.shift();
        if (!outcome) {
          throw new Error('the stub client has no answer scripted for this call');
        }
        return createMessageBody(params, outcome, {
          id: `msg_${requests.length}`,
          thinking: false,
          serviceTier: 'standard',
        });
      },
    },
  };
  return { client: client as unknown as Anthropic, requests };
}

function summarizeWith(outcomes: MessageOutcome[]) {
  const stub = createStubClient(outcomes);
  const events: SummarizeEvent[] = [];
  const summarizer = createSummarizer({ client: stub.client, prompts });
  const result = summarizer.summarize({
    text: SEED,
    promptVersion: 'v1',
    limits: DEFAULT_LIMITS,
    onEvent: (event) => events.push(event),
  });
  return { result, events, requests: stub.requests };
}

function lastUserText(request: MessagesRequestBody | undefined): string {
  const messages = (request?.messages ?? []) as Array<{ role: string; content: unknown }>;
  const last = messages.at(-1);
  return last?.role === 'user' && typeof last.content === 'string' ? last.content : '';
}

describe('the repair loop of the summarizer', () => {
  it('re-asks an invalid answer once in the prompt version’s locked words, and returns the repaired output', async () => {
    const run = summarizeWith(['invalid_output', 'ok']);
    const result = await run.result;

    expect(result.attempts).toBe(2);
    expect(result.checks.passed).toBe(true);
    expect(run.events).toEqual([
      { type: 'upstream-call', attempt: 1 },
      { type: 'repair', attempt: 2, reason: 'invalid-output' },
      { type: 'upstream-call', attempt: 2 },
    ]);
    const reAsk = lastUserText(run.requests[1]);
    const repair = prompts.get('summarize', 'v1')?.repair;
    expect(reAsk).toMatch(/^Your answer does not meet the required format\. These problems were found:\n- /);
    expect(reAsk.endsWith('keep everything else, and use only facts from the article.')).toBe(true);
    expect(repair && formatRepairRequest(repair, [{ path: 'en.headline', message: 'Too long' }])).toBe(
      'Your answer does not meet the required format. These problems were found:\n- en.headline: Too long\n\nReturn the complete corrected JSON object for the same article: fix exactly these problems, keep everything else, and use only facts from the article.',
    );
  });

  it('re-asks a valid answer that fails its fact checks, naming the failures, and returns the passing repair', async () => {
    const run = summarizeWith(['wrong_language', 'ok']);
    const result = await run.result;

    expect(result.attempts).toBe(2);
    expect(result.checks.passed).toBe(true);
    expect(run.events).toContainEqual({ type: 'repair', attempt: 2, reason: 'checks-failed' });
    expect(lastUserText(run.requests[1])).toMatch(
      /^Your answer has the right format, but a fact check against the article found these problems:\n/,
    );
  });

  it('keeps the earlier valid output when the check repair breaks the schema', async () => {
    const run = summarizeWith(['wrong_language', 'invalid_output']);
    const result = await run.result;

    expect(result.attempts).toBe(2);
    expect(result.checks.passed).toBe(false);
    expect(result.checks.failures.map((failure) => failure.check)).toContain('language');
    expect(run.requests).toHaveLength(2);
  });

  it('gives up after one schema repair, with the attempts and the summed usage', async () => {
    const run = summarizeWith(['invalid_output', 'invalid_output']);

    await expect(run.result).rejects.toMatchObject({
      code: 'invalid-model-output',
      status: 502,
      extensions: { attempts: 2, usage: { input_tokens: expect.any(Number) } },
    });
    expect(run.requests).toHaveLength(2);
  });

  it('makes no repair call for a refusal', async () => {
    const run = summarizeWith(['refusal']);

    await expect(run.result).rejects.toMatchObject({ code: 'model-refused' });
    expect(run.events).toEqual([{ type: 'upstream-call', attempt: 1 }]);
  });
});
