import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseEnv } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const KEY = 'brief-test-key-0123456789abcdef0123456789';
const OTHER_KEY = 'another-newsroom-key-42-0123456789abcdef';

describe('API keys', () => {
  const { app } = createTestBrief({
    env: {
      BRIEF_API_KEYS: KEY,
      BRIEF_API_KEY_HASHES: createHash('sha256').update(OTHER_KEY).digest('hex'),
      BRIEF_RATE_LIMIT_PER_MINUTE: '0',
    },
  });

  it('answers 401 with WWW-Authenticate and a problem document when no key is sent', async () => {
    const response = await postJson(app, { text: SEED });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="brief"');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/Authorization: Bearer/);
  });

  it('answers 401 with error="invalid_token" for a wrong key', async () => {
    const response = await postJson(app, { text: SEED }, { authorization: `Bearer ${KEY}x` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('accepts a configured key and a key configured only by its SHA-256', async () => {
    for (const key of [KEY, OTHER_KEY]) {
      const response = await postJson(app, { text: SEED }, { authorization: `Bearer ${key}` });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        summaries: { en: { headline: string } };
        meta: { request_id: string };
      };
      expect(body.summaries.en.headline.length).toBeGreaterThan(0);
      expect(body.meta.request_id).toBe(response.headers.get('x-request-id'));
    }
  });

  it('checks the key before reading the body', async () => {
    const response = await postJson(app, '{not json');
    expect(response.status).toBe(401);
    // Not a 400 about the malformed JSON: the body was never read.
    expect(((await response.json()) as { type: string }).type).toBe('/problems/unauthorized');
  });

  it('needs no key for /healthz and /readyz', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('refuses to start in production without keys, unless auth is switched off explicitly', () => {
    const refused = parseEnv({ NODE_ENV: 'production' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/BRIEF_API_KEYS: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', BRIEF_AUTH_DISABLED: 'true' }).ok).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', BRIEF_API_KEYS: KEY }).ok).toBe(true);
  });
});

describe('rate limiting per API key', () => {
  it('answers 429 with Retry-After and RateLimit headers once a key has used its budget', async () => {
    const { app } = createTestBrief({
      env: { BRIEF_API_KEYS: `${KEY},${OTHER_KEY}`, BRIEF_RATE_LIMIT_PER_MINUTE: '2' },
    });
    const headers = { authorization: `Bearer ${KEY}` };
    const first = await app.request('/v1/prompts', { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await app.request('/v1/prompts', { headers })).status).toBe(200);
    const limited = await app.request('/v1/prompts', { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    const body = (await limited.json()) as { type: string; detail: string };
    expect(body.type).toBe('/problems/rate-limited');
    // Another key has its own budget.
    expect(
      (await app.request('/v1/prompts', { headers: { authorization: `Bearer ${OTHER_KEY}` } })).status,
    ).toBe(200);
  });
});

describe('response headers', () => {
  it('sets security headers and no server banner on every response, errors included', async () => {
    const { app } = createTestBrief();
    for (const response of [await app.request('/healthz'), await postJson(app, '{')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('server')).toBeNull();
    }
  });

  it('has CORS off unless origins are configured, then allows only those', async () => {
    const closed = createTestBrief();
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'https://cms.example', 'access-control-request-method': 'POST' },
    };
    expect(
      (await closed.app.request('/v1/summaries', preflight)).headers.get('access-control-allow-origin'),
    ).toBeNull();

    const open = createTestBrief({ env: { BRIEF_CORS_ORIGINS: 'https://cms.example' } });
    const allowed = await open.app.request('/v1/summaries', preflight);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cms.example');
    const other = await open.app.request('/v1/summaries', {
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('logs', () => {
  it('write one line per request with the essentials, and never the article, the summaries or the key', async () => {
    const { app, logLines, logs } = createTestBrief({ env: { BRIEF_API_KEYS: KEY } });
    const response = await postJson(
      app,
      { text: SEED, article_id: 'a-1' },
      { authorization: `Bearer ${KEY}` },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      summaries: { en: { summary: string }; de: { headline: string } };
    };
    const requestLines = logs().filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      request_id: response.headers.get('x-request-id'),
      route: '/v1/summaries',
      status: 200,
      prompt_version: 'v1',
      model: 'claude-sonnet-4-6',
      attempts: 1,
      tokens: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
    expect(requestLines[0]?.latency_ms).toEqual(expect.any(Number));
    const everything = logLines.join('\n');
    for (const secret of [
      KEY,
      'Nordkorea',
      'Matthew Miller',
      body.summaries.de.headline,
      body.summaries.en.summary.slice(0, 40),
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('write the article and the summaries only when content logging is switched on', async () => {
    const { app, logs } = createTestBrief({ env: { BRIEF_LOG_CONTENT: 'true' } });
    const response = await postJson(app, { text: SEED });
    expect(response.status).toBe(200);
    const content = logs().find((line) => line.msg === 'content');
    expect(content?.article).toContain('Matthew Miller');
    expect(content?.summaries).toEqual(((await response.json()) as { summaries: unknown }).summaries);
  });

  it('write no article text for failed requests either', async () => {
    const { app, logLines } = createTestBrief();
    const text = `Geheime Recherche über den Bürgermeister von Musterstadt. ${'Vertraulich. '.repeat(30)}`;
    const response = await postJson(app, { text });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/recording-not-found');
    expect(logLines.join('\n')).not.toContain('Geheime Recherche');
  });
});

describe('readiness', () => {
  it('reports its checks, and turns 503 as soon as draining starts while liveness stays 200', async () => {
    const { app, lifecycle } = createTestBrief();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { shutting_down: { ok: true }, prompts: { ok: true } },
    });
    lifecycle.startDraining();
    const draining = await app.request('/readyz');
    expect(draining.status).toBe(503);
    expect(
      ((await draining.json()) as { checks: Record<string, { ok: boolean }> }).checks.shutting_down?.ok,
    ).toBe(false);
    expect((await app.request('/healthz')).status).toBe(200);
    const refused = await postJson(app, { text: SEED });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
  });
});

describe('failed API keys per client address', () => {
  it('answers 429 with Retry-After once an address has sent too many wrong keys, even with a right one then', async () => {
    const { app } = createTestBrief({ env: { BRIEF_API_KEYS: KEY, BRIEF_AUTH_FAILURES_PER_MINUTE: '3' } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const wrong = await app.request('/v1/prompts', {
        headers: { authorization: `Bearer guess-${attempt}` },
      });
      expect(wrong.status).toBe(401);
    }
    for (const authorization of ['Bearer guess-4', `Bearer ${KEY}`]) {
      const refused = await app.request('/v1/prompts', { headers: { authorization } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({
        type: '/problems/too-many-failed-authentications',
        status: 429,
        max_failures: 3,
        window_seconds: 60,
      });
    }
  });

  it('does not count requests with a valid key', async () => {
    const { app } = createTestBrief({ env: { BRIEF_API_KEYS: KEY, BRIEF_AUTH_FAILURES_PER_MINUTE: '1' } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await app.request('/v1/prompts', { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(
        200,
      );
    }
  });
});

describe('cross-origin requests without API keys', () => {
  const post = (
    app: ReturnType<typeof createTestBrief>['app'],
    contentType: string,
    headers: Record<string, string>,
  ) =>
    app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body: SEED,
    });
  const foreign = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

  it('refuses text/plain, text/html and form posts from another site with a 403 problem', async () => {
    const { app } = createTestBrief({ env: { BRIEF_CORS_ORIGINS: 'https://cms.example' } });
    for (const contentType of [
      'text/plain;charset=UTF-8',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      for (const headers of [
        foreign as Record<string, string>,
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'same-site' },
      ]) {
        const response = await post(app, contentType, headers);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({
          type: '/problems/cross-origin-request',
          status: 403,
          title: 'Cross-origin request refused',
        });
      }
    }
  });

  it('lets the same origin, allowed CORS origins and clients without browser headers through', async () => {
    const { app } = createTestBrief({ env: { BRIEF_CORS_ORIGINS: 'https://cms.example' } });
    for (const headers of [
      {} as Record<string, string>,
      { origin: 'https://cms.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost' },
      { 'sec-fetch-site': 'none' },
    ]) {
      const response = await post(app, 'text/plain', headers);
      expect(response.status).toBe(200);
    }
  });

  it('leaves requests with API keys to authentication', async () => {
    const { app } = createTestBrief({ env: { BRIEF_API_KEYS: KEY } });
    const response = await post(app, 'text/plain', { ...foreign, authorization: `Bearer ${KEY}` });
    expect(response.status).toBe(200);
  });
});
