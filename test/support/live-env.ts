/**
 * Environment for a Brief in live mode against the fake Messages API: the real SDK over HTTP,
 * the cache and rate limits off unless a test turns them on.
 */
export function liveEnv(fake: { url: string }, env: Record<string, string> = {}): Record<string, string> {
  return {
    ANTHROPIC_API_KEY: 'test',
    ANTHROPIC_BASE_URL: fake.url,
    BRIEF_MODE: 'live',
    BRIEF_CACHE_ENABLED: 'false',
    BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  };
}
