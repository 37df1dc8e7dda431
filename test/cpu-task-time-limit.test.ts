import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSummaries } from '../src/checks/index.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { nameLanguage } from '../src/language/name-language.js';
import { createCpuTaskPool } from '../src/workers/create-cpu-task-pool.js';
import { createTestBrief } from './support/create-test-brief.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const SUMMARIES = {
  en: {
    headline: 'Berlin decides',
    summary: 'The city said „mehr Geld“ 12 times.',
    key_points: ['One point.'],
  },
  de: { headline: 'Berlin beschließt', summary: 'Die Stadt sagte 12 Mal etwas.', key_points: ['Ein Punkt.'] },
};

// A limit no task of this size can meet: a long article alone takes longer to check or to convert.
const TINY_LIMIT_MS = 1;
const LONG_ARTICLE = Array.from({ length: Math.floor(50_000 / SEED.length) }, () => SEED).join('\n\n');
const tight = createTestBrief({
  cpuTaskPool: { checkTimeLimitMs: TINY_LIMIT_MS, htmlTimeLimitMs: TINY_LIMIT_MS },
});
const pool = createCpuTaskPool();
afterAll(async () => {
  await Promise.all([tight.close(), pool.close()]);
});

describe('the CPU-heavy steps off the event loop', () => {
  it('answer a check task past its time limit with "not checked: time limit" findings for every check', async () => {
    const response = await tight.app.request('/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: LONG_ARTICLE, summaries: SUMMARIES }),
    });
    expect(response.status).toBe(200);
    const { checks } = (await response.json()) as {
      checks: {
        passed: boolean;
        failures: { check: string; language: string; field: string; detail: string }[];
      };
    };
    expect(checks.passed).toBe(false);
    const expected = ['limits', 'language', 'figures', 'quotations', 'evidence', 'names'].flatMap((check) =>
      ['en', 'de'].map((language) => `${language}:${check}`),
    );
    expect(checks.failures.map((failure) => `${failure.language}:${failure.check}`).sort()).toEqual(
      expected.sort(),
    );
    for (const failure of checks.failures) {
      expect(failure.field).toBe('*');
      expect(failure.detail).toBe(
        `Not checked: time limit. The checks took longer than ${TINY_LIMIT_MS} ms and were stopped.`,
      );
    }
  });

  it('refuses HTML whose conversion passes its time limit with a 422 saying it was too costly to read', async () => {
    const response = await tight.app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: `<html><body><article>${LONG_ARTICLE.split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('')}</article></body></html>`,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem.type).toBe('/problems/validation-failed');
    expect(problem.detail).toMatch(/^The HTML was too costly to read: converting it took longer than 1 ms\./);
    expect(problem.html_time_limit_ms).toBe(TINY_LIMIT_MS);
  });

  it('give the same check report on a worker thread as the function gives in this one', async () => {
    const input = { source: SEED, summaries: SUMMARIES };
    expect(await pool.checkSummaries(input)).toEqual(checkSummaries(input));
  });

  it('refuse HTML nested past the depth limit from the worker with the same 422 as before', async () => {
    const html = `${'<div>'.repeat(300)}<p>${SEED}</p>`;
    await expect(pool.htmlToArticleText(html)).rejects.toMatchObject({
      name: 'ValidationError',
      status: 422,
      extensions: { max_html_depth: 256 },
    });
  });

  it('name a language on a worker thread as eld names it here, so the event loop never loads the database', async () => {
    const dutch =
      'Het parlement heeft donderdag een nieuwe wet aangenomen over de bescherming van het klimaat.';
    expect(await pool.nameLanguage(dutch)).toEqual({ language: 'nl', reliable: true });
    expect(await pool.nameLanguage(SEED)).toEqual(nameLanguage(SEED));
  });

  it('stop waiting for a check task when the caller aborts, with the caller’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('client gone');
    controller.abort(reason);
    await expect(pool.checkSummaries({ source: SEED, summaries: SUMMARIES }, controller.signal)).rejects.toBe(
      reason,
    );
  });
});
