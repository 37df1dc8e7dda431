import { describe, expect, it } from 'vitest';
import { createTestBrief } from '../support/create-test-brief.js';

const BATCH_ID = 'msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d';

describe('the request log line', () => {
  it('names the route pattern, not the path with the batch id in it', async () => {
    const brief = createTestBrief();
    const response = await brief.app.request(`/v1/batches/${BATCH_ID}`);
    expect(response.status).toBe(503);
    const line = brief.logs().find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', route: '/v1/batches/:id', status: 503 });
    expect(line).not.toHaveProperty('path');
    expect(brief.logLines.join('')).not.toContain(BATCH_ID);
  });

  it('names a pattern for a path no route knows, without the path', async () => {
    const brief = createTestBrief();
    const response = await brief.app.request(`/v1/unknown/${BATCH_ID}`);
    expect(response.status).toBe(404);
    const line = brief.logs().find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', route: '/v1/*', status: 404 });
    expect(brief.logLines.join('')).not.toContain(BATCH_ID);
  });

  it('names the route a request was for when a middleware refused it first', async () => {
    const brief = createTestBrief({ env: { BRIEF_API_KEYS: 'request-log-route-test-key-0123456789' } });
    const response = await brief.app.request('/v1/summaries', { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    const line = brief.logs().find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', route: '/v1/summaries', status: 401 });
  });
});
