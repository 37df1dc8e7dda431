import Anthropic from '@anthropic-ai/sdk';
import type { Config } from '../config/env.js';
import type { CanonicalRequest } from './cassette.js';
import type { CassetteStore } from './cassette-store.js';
import { createRecordingFetch } from './create-recording-fetch.js';
import { createReplayFetch } from './create-replay-fetch.js';
import { retryUnreadableResponses } from './retry-unreadable-responses.js';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
// The SDK never sends this anywhere in replay mode (the replay fetch answers), but it needs a credential.
const REPLAY_API_KEY = 'replay-mode-no-key';

export interface AnthropicClientDependencies {
  /** The network fetch live and record mode use (tests point it at a fake server). */
  fetch?: typeof fetch;
  cassettes: CassetteStore;
  /** Record mode: a readable file name for the next recording (e.g. the sample being recorded). */
  recordingName?: (request: CanonicalRequest) => string | undefined;
}

/**
 * The one place the SDK client is made. Every mode goes through the real SDK; only the `fetch`
 * underneath differs. Credentials and base URL are always passed in, so the SDK reads no environment.
 */
export function createAnthropicClient(config: Config, dependencies: AnthropicClientDependencies): Anthropic {
  const common = {
    baseURL: config.anthropic.baseURL ?? DEFAULT_ANTHROPIC_BASE_URL,
    timeout: config.upstream.timeoutMs,
    authToken: null,
    webhookKey: null,
    middleware: [retryUnreadableResponses],
    // Brief makes the model-call spans itself, without content; the SDK reads no environment for it.
    openTelemetry: false,
  } as const;
  switch (config.mode) {
    case 'replay':
      return new Anthropic({
        ...common,
        apiKey: REPLAY_API_KEY,
        maxRetries: 0,
        fetch: createReplayFetch(dependencies.cassettes),
      });
    case 'record':
      return new Anthropic({
        ...common,
        apiKey: config.anthropic.apiKey ?? null,
        maxRetries: config.upstream.maxRetries,
        fetch: createRecordingFetch(dependencies.cassettes, {
          ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
          ...(dependencies.recordingName ? { nameFor: dependencies.recordingName } : {}),
        }),
      });
    case 'live':
      return new Anthropic({
        ...common,
        apiKey: config.anthropic.apiKey ?? null,
        maxRetries: config.upstream.maxRetries,
        ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
      });
  }
}
