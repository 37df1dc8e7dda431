import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { readsClearlyAsGerman } from '../src/summarize/detect-source-language.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';
import { upstreamMessages } from './support/upstream-messages.js';

const read = (...parts: string[]) => readFileSync(path.join(PROJECT_ROOT, ...parts), 'utf8');
const LONG = read('samples', 'long-figures.de.txt');

let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const live = () =>
  createTestBrief({
    env: liveEnv(fake),
  });

type Summary = { headline: string; summary: string; key_points: string[] };
type Body = { summaries: { en: Summary; de: Summary }; meta: { attempts: number } };

describe('options for CMS fields', () => {
  it('asks for and enforces the requested key point count and length limits', async () => {
    const response = await postJson(live().app, {
      text: LONG,
      options: { key_points: 4, max_chars: { headline: 60, summary: 300 } },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    for (const language of ['en', 'de'] as const) {
      expect(body.summaries[language].key_points).toHaveLength(4);
      expect(body.summaries[language].headline.length).toBeLessThanOrEqual(60);
      expect(body.summaries[language].summary.length).toBeLessThanOrEqual(300);
    }
    const user = upstreamMessages(fake, 0)[0]?.content;
    expect(user).toContain('headline at most 60 characters');
    expect(user).toContain('exactly 4 key points.');
  });

  it('re-asks with the precise limit that was broken when the model ignores it', async () => {
    fake.script('invalid_output', 'ok');
    const response = await postJson(live().app, { text: LONG, options: { max_chars: { headline: 60 } } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Body).meta.attempts).toBe(2);
    const repair = upstreamMessages(fake, 1).at(-1);
    expect(repair?.role).toBe('user');
    expect(repair?.content).toMatch(/de\.headline: Too big: expected string to have <=60 characters/);
    expect(repair?.content).toMatch(/key_points: Too big: expected array to have <=6 items/);
  });

  it('rejects options outside their ranges with pointers to them', async () => {
    const response = await postJson(live().app, {
      text: LONG,
      options: { key_points: 9, max_chars: { headline: 5 }, colour: 'red' },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Array<{ pointer: string }> };
    expect(body.errors.map((error) => error.pointer).sort()).toEqual([
      '/options/colour',
      '/options/key_points',
      '/options/max_chars/headline',
    ]);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('the source language', () => {
  it.each([
    ['French', 'french.fr.txt', 'fr'],
    ['English', 'english.en.txt', 'en'],
    // Dutch shares `die`, `er` and `als` with German, not enough to pass for it.
    ['Dutch', 'dutch.nl.txt', 'nl'],
  ])(
    'refuses a %s article with 422 and the detected language, before any model call',
    async (_name, file, code) => {
      const response = await postJson(live().app, { text: read('test', 'fixtures', 'articles', file) });
      expect(response.status).toBe(422);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.type).toBe('/problems/unsupported-language');
      expect(body.detected_language).toBe(code);
      expect(fake.calls).toHaveLength(0);
    },
  );

  it('accepts a German article whose terse opening has few function words, once eld has read it', async () => {
    const text = read('test', 'fixtures', 'articles', 'terse-opening.de.txt');
    // The fixture must stay one the function words leave open, or this would not reach eld at all.
    expect(readsClearlyAsGerman(text)).toBe(false);
    const response = await postJson(live().app, { text });
    expect(response.status).toBe(200);
    expect(upstreamMessages(fake, 0)[0]?.content).toContain('Glatteis, Schneeverwehungen, gesperrte Pässe');
  });

  it('accepts German, including the HTML sample once converted', async () => {
    const response = await live().app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: read('samples', 'html-article.de.html'),
    });
    expect(response.status).toBe(200);
    const article = upstreamMessages(fake, 0)[0]?.content ?? '';
    expect(article).toContain('Nach 41 Jahren sollen im Lenzbachtal wieder Züge fahren');
    expect(article).not.toMatch(/<script|<nav|Foto: |Cookie/);
  });
});
