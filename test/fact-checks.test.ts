import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { readSamples } from '../src/samples/read-samples.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { upstreamMessages } from './support/upstream-messages.js';

const samples = readSamples(path.join(PROJECT_ROOT, 'samples'));
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

type Failure = { check: string; language: string; field: string; text: string; detail: string };
type KeyPoint = string | { text: string; evidence: string; evidence_verified: boolean };
type Body = {
  summaries: Record<'en' | 'de', { headline: string; summary: string; key_points: KeyPoint[] }>;
  checks: { passed: boolean; failures: Failure[] };
  meta: { attempts: number; prompt: { version: string } };
};

function send(
  app: ReturnType<typeof createTestBrief>['app'],
  sample: (typeof samples)[number],
  body: object = {},
) {
  if (sample.format === 'html') {
    return app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: sample.raw,
    });
  }
  return postJson(app, { text: sample.raw, ...body });
}

describe('checks on every summary of the samples', () => {
  const { app } = createTestBrief();

  for (const sample of samples.filter((sample) => sample.format === 'text')) {
    it(`raise no flag on the recorded v1 and v2 summaries of ${sample.slug}`, async () => {
      for (const version of ['v1', 'v2']) {
        const response = await send(app, sample, { prompt_version: version });
        expect(response.status).toBe(200);
        const body = (await response.json()) as Body;
        expect(body.checks).toEqual({ passed: true, failures: [] });
      }
    });
  }

  it('show v2 key points with their evidence, verified against the source, in both languages', async () => {
    const response = await postJson(app, { text: SEED, prompt_version: 'v2' });
    const body = (await response.json()) as Body;
    expect(body.meta.prompt.version).toBe('v2');
    for (const language of ['en', 'de'] as const) {
      for (const point of body.summaries[language].key_points) {
        expect(point).toEqual({
          text: expect.any(String),
          evidence: expect.any(String),
          evidence_verified: true,
        });
        expect(SEED).toContain((point as { evidence: string }).evidence);
      }
    }
  });

  it('keep v1 key points as plain strings', async () => {
    const body = (await (await postJson(app, { text: SEED })).json()) as Body;
    expect(body.summaries.de.key_points.every((point) => typeof point === 'string')).toBe(true);
  });
});

describe('a summary that fails its checks', () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());
  const live = (env: Record<string, string> = {}) =>
    createTestBrief({
      env: liveEnv(fake, env),
    });

  it('is sent back once with exactly what failed, and the repaired output passes', async () => {
    fake.script('wrong_language', 'ok');
    const response = await postJson(live().app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body.meta.attempts).toBe(2);
    expect(body.checks.failures).toEqual([]);
    const repair = upstreamMessages(fake, 1).at(-1);
    expect(repair?.content).toMatch(/fact check against the article found these problems/);
    expect(repair?.content).toMatch(/de\.(headline|summary|key_points\[\d\]) is not written in German/);
  });

  it('is returned with its failures, not hidden, when the repair does not help', async () => {
    fake.script('wrong_language', 'wrong_language');
    const response = await postJson(live().app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body.meta.attempts).toBe(2);
    expect(body.checks.passed).toBe(false);
    expect(
      body.checks.failures.some((failure) => failure.check === 'language' && failure.language === 'de'),
    ).toBe(true);
  });

  it('becomes a 502 problem in strict mode, per request or configured', async () => {
    fake.script('wrong_language', 'wrong_language');
    const perRequest = await postJson(live().app, { text: SEED, strict: true });
    expect(perRequest.status).toBe(502);
    const problem = (await perRequest.json()) as { type: string; checks: { failures: Failure[] } };
    expect(problem.type).toBe('/problems/checks-failed');
    expect(problem.checks.failures.length).toBeGreaterThan(0);

    fake.script('wrong_language', 'wrong_language');
    const configured = await postJson(live({ BRIEF_STRICT_CHECKS: 'true' }).app, { text: SEED });
    expect(configured.status).toBe(502);
  });
});

describe('POST /v1/checks', () => {
  const { app } = createTestBrief();
  const clean = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'samples', 'authored', 'seed-article.json'), 'utf8'),
  )['summarize@v1'] as Body['summaries'];
  const check = async (summaries: object) => {
    const response = await app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: SEED, summaries }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { checks: Body['checks'] }).checks;
  };

  it('passes an editor’s clean summary', async () => {
    expect(await check(clean)).toEqual({ passed: true, failures: [] });
  });

  it('flags an invented figure and an invented quotation in a teaser, naming the offending text', async () => {
    const teaser = {
      headline: 'Putin droht Nordkorea mit 40 Raketen',
      summary: 'Putin will Waffen an Nordkorea liefern. Miller sagte: „Wir sind zutiefst schockiert.“',
      key_points: [
        'Putin will Waffen an Nordkorea liefern.',
        'Die USA warnen.',
        'Südkorea überdenkt seine Haltung.',
      ],
    };
    const checks = await check({ de: teaser });
    expect(checks.passed).toBe(false);
    expect(checks.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'figures', language: 'de', field: 'headline', text: '40' }),
        expect.objectContaining({
          check: 'quotations',
          language: 'de',
          field: 'summary',
          text: 'Wir sind zutiefst schockiert.',
        }),
      ]),
    );
  });

  it('accepts key points with evidence and flags evidence that is not in the source', async () => {
    const de = {
      ...clean.de,
      key_points: [
        {
          text: 'Putin will Waffen an Nordkorea liefern.',
          evidence: 'Wladimir Putin hat angekündigt, Waffen an Nordkorea liefern zu wollen',
        },
        { text: 'Südkorea reagiert.', evidence: 'Südkorea kündigte sofortige Sanktionen an' },
        { text: 'Die USA sind besorgt.', evidence: 'Dazu zeigt sich die US-Regierung besorgt.' },
      ],
    };
    const checks = await check({ de });
    expect(checks.failures).toEqual([
      expect.objectContaining({
        check: 'evidence',
        field: 'key_points[1].evidence',
        text: 'Südkorea kündigte sofortige Sanktionen an',
      }),
    ]);
  });

  it('rejects a request without any summary', async () => {
    const response = await app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: SEED, summaries: {} }),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { type: string; errors: Array<{ pointer: string }> };
    expect(body.type).toBe('/problems/validation-failed');
    expect(body.errors.map((error) => error.pointer)).toContain('/summaries');
  });

  it('refuses a blank source with 422 at /text, as the summaries do, before any check runs', async () => {
    const response = await app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: ' \u200B\n ', summaries: clean }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: 'The source text is empty.',
      errors: [{ pointer: '/text', detail: 'must not be empty or blank' }],
    });
  });
});
