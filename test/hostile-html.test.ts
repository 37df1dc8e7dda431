import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { DEFAULT_MAX_HTML_BODY_BYTES } from '../src/config/env.js';
import { NINJS_MEDIA_TYPE } from '../src/ninjs/ninjs-media-type.js';
import { checkHtmlNesting, MAX_HTML_DEPTH } from '../src/summarize/check-html-nesting.js';
import { htmlToArticleText } from '../src/summarize/html-to-article-text.js';
import { createCpuTaskPool } from '../src/workers/create-cpu-task-pool.js';
import { createTestBrief } from './support/create-test-brief.js';

const MAX_EVENT_LOOP_DELAY_MS = 100;
const SAMPLING_MS = 10;

/** `open` repeated until the document is about `bytes` long, closed again at the end. */
function nested(open: string, close: string, bytes: number): string {
  const levels = Math.floor(bytes / (open.length + close.length));
  return `<!DOCTYPE html><html><body>${open.repeat(levels)}Tiefe${close.repeat(levels)}</body></html>`;
}

/** One request's answer and the longest the event loop was blocked while Brief produced it. */
async function postAndMeasure(app: App, body: string, headers: Record<string, string>) {
  const delay = monitorEventLoopDelay({ resolution: SAMPLING_MS });
  delay.enable();
  // The monitor's timer samples from its first turn on: give it turns before and after the request.
  await sleep(2 * SAMPLING_MS);
  const response = await app.request('/v1/summaries', {
    method: 'POST',
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body,
  });
  const problem = (await response.json()) as Record<string, unknown>;
  await sleep(2 * SAMPLING_MS);
  delay.disable();
  return { status: response.status, problem, maxDelayMs: delay.max / 1e6 };
}

/**
 * The answer, and the event-loop delay of the best of a few tries after a warm-up: work Brief does
 * blocks the loop every time, while a busy machine that takes the CPU away now and then does not.
 */
// The server's worker pool, shared by the tests of this file: the conversion runs off the event loop.
const cpuTasks = createCpuTaskPool();
afterAll(() => cpuTasks.close());

async function postHtml(html: string, headers: Record<string, string> = {}) {
  const { app } = createTestBrief({ cpuTasks });
  await postAndMeasure(app, '<p>Aufwärmen</p>', {});
  let result = await postAndMeasure(app, html, headers);
  let maxDelayMs = result.maxDelayMs;
  for (let attempt = 1; attempt < 3; attempt += 1) {
    result = await postAndMeasure(app, html, headers);
    maxDelayMs = Math.min(maxDelayMs, result.maxDelayMs);
  }
  return { ...result, maxDelayMs };
}

describe('HTML nested deeper than the converter can take', () => {
  it.each([
    ['<div>', '</div>'],
    ['<h1>', '</h1>'],
    ['<ol><li>', '</li></ol>'],
  ])(
    'refuses %s nested across 480 KB with a 422 that names the depth limit, without blocking the event loop',
    async (open, close) => {
      const { status, problem, maxDelayMs } = await postHtml(nested(open, close, 480_000));
      expect(maxDelayMs).toBeLessThan(MAX_EVENT_LOOP_DELAY_MS);
      expect(status).toBe(422);
      expect(problem.type).toMatch(/validation-failed$/);
      expect(problem.detail).toBe(`The HTML nests elements more than ${MAX_HTML_DEPTH} deep.`);
      expect(problem.max_html_depth).toBe(MAX_HTML_DEPTH);
    },
  );

  it('refuses a megabyte of nested <div> by its size with a 413 before reading it', async () => {
    const html = nested('<div>', '</div>', 1_048_000);
    const { status, problem, maxDelayMs } = await postHtml(html, {
      'content-length': String(Buffer.byteLength(html)),
    });
    expect(maxDelayMs).toBeLessThan(MAX_EVENT_LOOP_DELAY_MS);
    expect(status).toBe(413);
    expect(problem.detail).toBe(`The HTML body is larger than ${DEFAULT_MAX_HTML_BODY_BYTES} bytes.`);
    expect(problem.max_body_bytes).toBe(DEFAULT_MAX_HTML_BODY_BYTES);
  });

  it('refuses an HTML body past its limit that is sent without a length, as it streams in', async () => {
    const { status, problem } = await postHtml('<p>Absatz</p>'.repeat(50_000));
    expect(status).toBe(413);
    expect(problem.max_body_bytes).toBe(DEFAULT_MAX_HTML_BODY_BYTES);
  });

  it('lets JSON bodies keep the larger body limit', async () => {
    const { app, config } = createTestBrief();
    expect(config.limits.maxHtmlBodyBytes).toBeLessThan(config.limits.maxBodyBytes);
    const response = await app.request('/v1/summaries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'a'.repeat(DEFAULT_MAX_HTML_BODY_BYTES + 1000) }),
    });
    // Past the HTML limit but within the JSON one: judged by its text length, not its body size.
    expect(response.status).toBe(413);
    expect(((await response.json()) as { max_body_bytes?: number }).max_body_bytes).toBeUndefined();
  });
});

describe('HTML in the body of a ninjs item', () => {
  /** A 3.x item authored like samples/ninjs/, its HTML body as given. */
  function ninjsItem(html: string): string {
    return JSON.stringify({
      uri: 'urn:newsml:brief.example:20240621:tief',
      standard: {
        name: 'ninjs',
        version: '3.1',
        schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
      },
      type: 'text',
      language: 'de',
      headlines: [{ role: 'main', value: 'Tief verschachtelt' }],
      bodies: [{ role: 'main', contentType: 'text/html', value: html }],
    });
  }

  async function postNinjs(body: string) {
    const { app } = createTestBrief({ cpuTasks });
    await postAndMeasure(app, '<p>Aufwärmen</p>', {});
    let best: Awaited<ReturnType<typeof postAndMeasure>> | undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await postAndMeasure(app, body, { 'content-type': NINJS_MEDIA_TYPE });
      best = best === undefined || result.maxDelayMs < best.maxDelayMs ? result : best;
    }
    return best as Awaited<ReturnType<typeof postAndMeasure>>;
  }

  it('refuses <div> nested across 480 KB in body_html with a 422 at the body, read on the worker without blocking the event loop', async () => {
    const { status, problem, maxDelayMs } = await postNinjs(ninjsItem(nested('<div>', '</div>', 480_000)));
    expect(maxDelayMs).toBeLessThan(MAX_EVENT_LOOP_DELAY_MS);
    expect(status).toBe(422);
    expect(problem.type).toMatch(/validation-failed$/);
    expect(problem.max_html_depth).toBe(MAX_HTML_DEPTH);
    expect(problem.errors).toEqual([
      { pointer: '/bodies/0/value', detail: `The HTML nests elements more than ${MAX_HTML_DEPTH} deep.` },
    ]);
  });

  it('refuses an HTML body past the HTML body limit with a 413, though the item is within the JSON limit', async () => {
    const html = '<p>Absatz</p>'.repeat(Math.ceil(DEFAULT_MAX_HTML_BODY_BYTES / 13) + 1);
    const { status, problem } = await postNinjs(ninjsItem(html));
    expect(status).toBe(413);
    expect(problem.detail).toBe(
      `The ninjs item's HTML body (/bodies/0/value) is larger than ${DEFAULT_MAX_HTML_BODY_BYTES} bytes.`,
    );
    expect(problem.max_body_bytes).toBe(DEFAULT_MAX_HTML_BODY_BYTES);
  });
});

describe('checkHtmlNesting', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    const atLimit = `${'<div>'.repeat(MAX_HTML_DEPTH)}x${'</div>'.repeat(MAX_HTML_DEPTH)}`;
    expect(() => checkHtmlNesting(atLimit)).not.toThrow();
    expect(() => checkHtmlNesting(`<div>${atLimit}</div>`)).toThrow(/more than 256 deep/);
  });

  it('counts the tree the parser builds: void elements and implied closes do not add depth', () => {
    const siblings = '<p>Absatz<br><img src="x.jpg"><hr>'.repeat(1000);
    const list = `<ul>${'<li>Punkt'.repeat(1000)}</ul>`;
    const table = `<table>${'<tr><td>a<td>b'.repeat(1000)}</table>`;
    for (const html of [siblings, list, table]) {
      expect(() => checkHtmlNesting(html)).not.toThrow();
    }
  });

  it('refuses unclosed elements that pile up, as a browser would nest them', () => {
    expect(() => checkHtmlNesting('<span>'.repeat(MAX_HTML_DEPTH + 1))).toThrow(/deep/);
  });

  it('is what htmlToArticleText checks before converting', () => {
    expect(() => htmlToArticleText('<div>'.repeat(100_000))).toThrow(/more than 256 deep/);
    expect(htmlToArticleText('<article><h1>Titel</h1><p>Text.</p></article>')).toBe('Titel\n\nText.');
  });
});
