import { type Config, parseEnv } from '../../src/config/env.js';

/** A complete Config for tests, from the same defaults as the environment; never reads process.env. */
export function createTestConfig(overrides: Record<string, string> = {}): Config {
  const result = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.config;
}
