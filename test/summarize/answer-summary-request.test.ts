import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { answerSummaryRequest } from '../../src/summarize/answer-summary-request.js';
import type { PipelineEvent } from '../../src/summarize/summarize-article.js';
import { createTestBrief, postJson } from '../support/create-test-brief.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

describe('the article pipeline called directly (as the CLI and, next, streaming call it)', () => {
  it('answers what POST /v1/summaries answers, and lets the caller observe each step in order', async () => {
    const brief = createTestBrief({ env: { BRIEF_CACHE_ENABLED: 'false' } });
    const events: PipelineEvent[] = [];
    const response = await answerSummaryRequest(
      {
        config: brief.config,
        summarizer: brief.summarizer,
        costEstimator: brief.costEstimator,
        cpuTasks: brief.cpuTasks,
      },
      { text: SEED, article_id: 'direct', prompt_version: 'v1' },
      { requestId: 'request-1', onEvent: (event) => events.push(event) },
    );
    const overHttp = (await (
      await postJson(brief.app, { text: SEED, article_id: 'direct', prompt_version: 'v1' })
    ).json()) as typeof response;

    expect(response.summaries).toEqual(overHttp.summaries);
    expect(response.checks).toEqual(overHttp.checks);
    expect({ ...response.meta, request_id: '' }).toEqual({ ...overHttp.meta, request_id: '' });
    expect(response.meta.request_id).toBe('request-1');
    expect(events.map((event) => event.type)).toEqual(['prompt', 'upstream-call', 'result']);
    expect(events[0]).toMatchObject({ type: 'prompt', prompt: { version: 'v1' } });
  });

  it('refuses an article before the prompt is resolved or any model work starts', async () => {
    const brief = createTestBrief();
    const events: PipelineEvent[] = [];
    const answer = answerSummaryRequest(
      {
        config: brief.config,
        summarizer: brief.summarizer,
        costEstimator: brief.costEstimator,
        cpuTasks: brief.cpuTasks,
      },
      { text: 'Zu kurz.', prompt_version: 'v99' },
      { requestId: 'request-2', onEvent: (event) => events.push(event) },
    );
    await expect(answer).rejects.toMatchObject({ status: 422, code: 'validation-failed' });
    expect(events).toEqual([]);
  });

  it('asks the pool to name the language of a text that is not clearly German, and only then', async () => {
    const brief = createTestBrief();
    const asked: string[] = [];
    const dependencies = {
      config: brief.config,
      summarizer: brief.summarizer,
      costEstimator: brief.costEstimator,
      cpuTasks: {
        nameLanguage: async (text: string) => {
          asked.push(text);
          return { language: 'fr', reliable: true };
        },
      },
    };
    const french = [
      "Le parlement a adopté jeudi une nouvelle loi sur la protection du climat et de la nature dans tout le pays. La ministre a déclaré qu'il s'agissait d'une étape importante pour les générations futures.",
      "Les associations de protection de l'environnement ont salué le texte, tandis que les agriculteurs ont demandé des aides supplémentaires pour adapter leurs exploitations aux nouvelles règles.",
    ].join(' ');
    await expect(
      answerSummaryRequest(dependencies, { text: french }, { requestId: 'request-3' }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'unsupported-language',
      extensions: { detected_language: 'fr' },
    });
    expect(asked).toEqual([french]);

    await answerSummaryRequest(
      dependencies,
      { text: SEED, prompt_version: 'v1' },
      { requestId: 'request-4' },
    );
    expect(asked).toHaveLength(1);
  });
});
