import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { createCassetteStore } from '../../src/llm/cassette-store.js';
import { createAnthropicClient } from '../../src/llm/create-anthropic-client.js';
import type { PartialJson } from '../../src/llm/stream-model-answer.js';
import { loadPromptRegistry } from '../../src/prompts/prompt-registry.js';
import { readSamples, sampleArticleText } from '../../src/samples/read-samples.js';
import { buildMessageParams } from '../../src/summarize/build-message-params.js';
import { DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';
import { createTestConfig } from './create-test-config.js';

/** Whether `next` extends `previous`: strings grow at the end, arrays and objects keep what they had and may add. */
export function extendsPartial(previous: PartialJson, next: PartialJson): boolean {
  if (typeof previous === 'string') {
    return typeof next === 'string' && next.startsWith(previous);
  }
  if (Array.isArray(previous)) {
    return (
      Array.isArray(next) &&
      next.length >= previous.length &&
      previous.every((item, index) => extendsPartial(item, next[index] as PartialJson))
    );
  }
  if (previous !== null && typeof previous === 'object') {
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      return false;
    }
    return Object.entries(previous).every(
      ([key, value]) => key in next && extendsPartial(value, next[key] as PartialJson),
    );
  }
  return previous === next;
}

/** The summarizer's first-call parameters for a sample under a prompt version, as the pipeline builds them. */
export function sampleMessageParams(slug: string, version: string) {
  const config = createTestConfig({ BRIEF_MODE: 'replay' });
  const prompt = loadPromptRegistry(config.promptsDir).get('summarize', version);
  const sample = readSamples(path.join(PROJECT_ROOT, 'samples')).find((candidate) => candidate.slug === slug);
  if (!prompt || !sample) {
    throw new Error(`no prompt summarize@${version} or sample ${slug}`);
  }
  return buildMessageParams(prompt, { text: sampleArticleText(sample), limits: DEFAULT_LIMITS });
}

/** The SDK client Brief makes in replay mode, answering from samples/cassettes. */
export function createReplayClient(): Anthropic {
  const config = createTestConfig({ BRIEF_MODE: 'replay' });
  return createAnthropicClient(config, { cassettes: createCassetteStore([config.cassetteDir]) });
}

/** A real SDK client on the fake Messages API, without retries (each test scripts its faults). */
export function createFakeClient(baseURL: string, fetchOverride?: typeof fetch): Anthropic {
  return new Anthropic({
    apiKey: 'sk-ant-fake-test-key',
    baseURL,
    maxRetries: 0,
    ...(fetchOverride ? { fetch: fetchOverride } : {}),
  });
}
