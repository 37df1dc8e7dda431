import { type BriefOptions, createBrief } from '../../src/create-brief.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { createTestConfig } from './create-test-config.js';

export interface TestBriefOptions extends Omit<BriefOptions, 'logger'> {
  env?: Record<string, string>;
}

/**
 * The real Brief, built from the same factory as the server, with its logs captured as parsed
 * JSON lines so tests can assert what is (and is not) logged.
 */
export function createTestBrief(options: TestBriefOptions = {}) {
  // Rate limiting is tested on its own; elsewhere it would only make tests depend on their order.
  const config = createTestConfig({ BRIEF_RATE_LIMIT_PER_MINUTE: '0', ...options.env });
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => logLines.push(line) },
  });
  const { env: _env, ...briefOptions } = options;
  const brief = createBrief(config, { logger, ...briefOptions });
  return {
    ...brief,
    config,
    logLines,
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request('/v1/summaries', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
