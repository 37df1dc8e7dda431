import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/config/env.js';

describe('configuration from the environment', () => {
  it('has working defaults: port 8787, replay mode without a key, the documented limits', () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(8787);
    expect(result.config.mode).toBe('replay');
    expect(result.config.limits).toMatchObject({
      minTextChars: 200,
      maxTextChars: 60_000,
      maxBodyBytes: 1_048_576,
    });
    expect(result.config.upstream.requestDeadlineMs).toBe(60_000);
    expect(result.config.logContent).toBe(false);
  });

  it('chooses live mode when an API key is configured, and an explicit mode wins', () => {
    const live = parseEnv({ ANTHROPIC_API_KEY: 'sk-test' });
    expect(live.ok && live.config.mode).toBe('live');
    const replay = parseEnv({ ANTHROPIC_API_KEY: 'sk-test', BRIEF_MODE: 'replay' });
    expect(replay.ok && replay.config.mode).toBe('replay');
  });

  it('treats empty variables as unset, as docker compose and .env files produce them', () => {
    const result = parseEnv({ PORT: '', ANTHROPIC_API_KEY: '', BRIEF_LOG_CONTENT: '' });
    expect(result.ok && result.config.port).toBe(8787);
    expect(result.ok && result.config.mode).toBe('replay');
  });

  it('stops with a message naming every bad variable', () => {
    const result = parseEnv({ PORT: 'eighty', BRIEF_LOG_CONTENT: 'maybe' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Invalid configuration:/);
    expect(result.message).toMatch(/- PORT: /);
    expect(result.message).toMatch(/- BRIEF_LOG_CONTENT: /);
    expect(result.message).toMatch(/\.env\.example/);
  });

  it('stops on settings that contradict each other', () => {
    const result = parseEnv({ BRIEF_MODE: 'live', BRIEF_MIN_TEXT_CHARS: '900', BRIEF_MAX_TEXT_CHARS: '800' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/- ANTHROPIC_API_KEY: is required when BRIEF_MODE=live/);
    expect(result.message).toMatch(/- BRIEF_MIN_TEXT_CHARS: must be smaller than BRIEF_MAX_TEXT_CHARS/);
    expect(result.message).toMatch(/\.env\.example/);
  });

  it('accepts API key hashes only as SHA-256 hex digests', () => {
    expect(parseEnv({ BRIEF_API_KEY_HASHES: 'not-a-hash' }).ok).toBe(false);
    expect(parseEnv({ BRIEF_API_KEY_HASHES: 'a'.repeat(64) }).ok).toBe(true);
  });

  it('refuses API keys shorter than 32 characters, naming the variable but not the key', () => {
    const result = parseEnv({ BRIEF_API_KEYS: `${'k'.repeat(40)},change-me` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/- BRIEF_API_KEYS\.1: every key needs at least 32 characters/);
    expect(result.message).not.toContain('change-me');
    expect(parseEnv({ BRIEF_API_KEYS: 'k'.repeat(32) }).ok).toBe(true);
  });

  it('listens on 127.0.0.1 without keys outside production, on every interface otherwise, and HOST wins', () => {
    const hostOf = (env: Record<string, string>) => {
      const result = parseEnv(env);
      return result.ok ? result.config.host : result.message;
    };
    const key = 'k'.repeat(32);
    expect(hostOf({})).toBe('127.0.0.1');
    expect(hostOf({ ANTHROPIC_API_KEY: 'sk-test' })).toBe('127.0.0.1');
    expect(hostOf({ BRIEF_API_KEYS: key, BRIEF_AUTH_DISABLED: 'true' })).toBe('127.0.0.1');
    expect(hostOf({ BRIEF_API_KEYS: key })).toBe('0.0.0.0');
    expect(hostOf({ NODE_ENV: 'production', BRIEF_API_KEYS: key })).toBe('0.0.0.0');
    expect(hostOf({ NODE_ENV: 'production', BRIEF_AUTH_DISABLED: 'true' })).toBe('0.0.0.0');
    expect(hostOf({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });

  it('has a batch body limit of 8 MB, two batch submissions in flight and ten failed keys a minute', () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.limits.maxBatchBodyBytes).toBe(8_388_608);
    expect(result.config.maxBatchesInFlight).toBe(2);
    expect(result.config.authFailuresPerMinute).toBe(10);
    expect(result.config.metricsPort).toBeUndefined();
  });

  it('refuses a metrics port equal to the main port', () => {
    const result = parseEnv({ PORT: '9000', BRIEF_METRICS_PORT: '9000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/- BRIEF_METRICS_PORT: must differ from PORT/);
  });
});
