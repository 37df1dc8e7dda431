import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { TRAINED_ALGORITHMIC_MEDIA } from '../../src/ninjs/digital-source-type.js';
import { NINJS_MEDIA_TYPE } from '../../src/ninjs/ninjs-media-type.js';
import type { SummaryResponse } from '../../src/summarize/summary-api-schemas.js';
import { createTestBrief, postJson } from '../support/create-test-brief.js';
import { startFakeMessagesApi } from '../support/fake-messages-api/index.js';
import { liveEnv } from '../support/live-env.js';

// Debian's Chromium (`apt-get install chromium`), driven headless by playwright-core.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const VIEWPORT = { width: 1280, height: 900 };
const ARTIFACTS = path.join(PROJECT_ROOT, 'artifacts');
const KEY = 'playground-browser-key-0123456789';
const SEED_TEXT = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

type Brief = ReturnType<typeof createTestBrief>;

interface RunningBrief {
  brief: Brief;
  origin: string;
  server: ServerType;
}

function start(env: Record<string, string> = {}): Promise<RunningBrief> {
  const brief = createTestBrief({ env });
  return new Promise((resolve) => {
    const server = serve({ fetch: brief.app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({ brief, server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

function stop(running: RunningBrief): Promise<void> {
  return new Promise((resolve, reject) =>
    running.server.close((error) => (error ? reject(error) : resolve())),
  );
}

/** What the page must show: the API's own answer for the seed article (a recorded model response). */
async function expectedSeedResponse(brief: Brief): Promise<SummaryResponse> {
  const response = await postJson(brief.app, { text: SEED_TEXT });
  expect(response.status).toBe(200);
  return (await response.json()) as SummaryResponse;
}

/** The footer's terms and values, as an editor reads them. */
function readMeta(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#result-meta-list .meta-item', (items) =>
    Object.fromEntries(
      items.map((item) => [
        item.querySelector('dt')?.textContent ?? '',
        item.querySelector('dd')?.textContent ?? '',
      ]),
    ),
  );
}

interface NinjsAnswer {
  headlines: Array<{ role?: string; value: string }>;
  descriptions: Array<{ role?: string; value: string }>;
  associations: Array<{
    name: string;
    headlines?: Array<{ role?: string; value: string }>;
    descriptions?: Array<{ role?: string; value: string }>;
  }>;
}

function roleValue(entries: Array<{ role?: string; value: string }> | undefined, role: string) {
  return entries?.find((entry) => entry.role === role)?.value;
}

function keyPointTexts(points: SummaryResponse['summaries']['en']['key_points']): string[] {
  return points.map((point) => (typeof point === 'string' ? point : point.text));
}

describe('the playground in a browser', () => {
  let browser: Browser;
  let running: RunningBrief;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let requested: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    running = await start();
  });

  afterAll(async () => {
    await browser?.close();
    if (running) {
      await stop(running);
    }
  });

  async function openPage(origin: string): Promise<Page> {
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-GB' });
    problems = [];
    requested = [];
    const opened = await context.newPage();
    // Anything the page tries to load from elsewhere is a failure (no CDNs, no fonts).
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) {
        requested.push(`${route.request().method()} ${new URL(url).pathname}`);
        return route.continue();
      }
      problems.push(`external request: ${url}`);
      return route.abort();
    });
    opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    opened.on('console', (message) => {
      // A 401, 422 or 502 from the API is logged by Chromium as a failed resource; the page handles those.
      if (message.type() === 'error' && !/status of (401|422|502)/.test(message.text())) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    await opened.goto(`${origin}/`);
    return opened;
  }

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  async function waitForPrompts(target: Page) {
    await target.waitForSelector('#prompt-version option[value="v1"]', { state: 'attached' });
  }

  it('summarizes the seed sample into English and German side by side, with key points and how it was made', async () => {
    page = await openPage(running.origin);
    await waitForPrompts(page);
    expect(await page.locator('#prompt-version').inputValue()).toBe('v1');
    expect(await page.locator('#prompt-version option:checked').textContent()).toBe('v1 (default)');

    await page.selectOption('#sample', 'seed-article');
    expect(await page.locator('#article-text').inputValue()).toMatch(
      /^date 2024-06 Russlands Präsident reist durch den Indopazifik/,
    );
    expect(await page.locator('#text-count').textContent()).toMatch(/^2,3\d\d characters$/);

    const answer = page.waitForResponse((response) => response.url().endsWith('/v1/summaries'));
    await page.click('#summarize-button');
    // The page streams; the same article through another Brief (own cache) gives the JSON answer.
    const requestId = (await answer).headers()['x-request-id'];
    const expected = await expectedSeedResponse(createTestBrief());
    await page.waitForSelector('#results-body:not([hidden])');
    await page.waitForSelector('#summarize-button:not([disabled])');

    for (const language of ['en', 'de'] as const) {
      const column = page.locator(`section[data-language="${language}"]`);
      expect(await column.getAttribute('lang')).toBe(language);
      const summary = expected.summaries[language];
      expect(await column.locator('[data-field="headline"]').textContent()).toBe(summary.headline);
      expect(await column.locator('[data-field="summary"]').textContent()).toBe(summary.summary);
      expect(await column.locator('.key-point-text').allTextContents()).toEqual(
        keyPointTexts(summary.key_points),
      );
    }
    expect(await page.locator('[data-language="en"] [data-field="headline"]').textContent()).toMatch(/Putin/);
    expect(await page.locator('[data-language="de"] [data-field="headline"]').textContent()).toMatch(
      /Nordkorea/,
    );

    const meta = await readMeta(page);
    expect(meta).toMatchObject({
      Model: expected.meta.model,
      Prompt: 'summarize v1',
      Tokens: `${expected.meta.usage.input_tokens.toLocaleString('en')} in · ${expected.meta.usage.output_tokens.toLocaleString('en')} out`,
      Mode: 'Replay (recorded answer)',
      'Request ID': requestId,
    });
    expect(expected.meta.usage.output_tokens).toBeGreaterThan(0);
    expect(meta.Latency).toMatch(/^\d+(\.\d)? m?s$/);
    expect(await page.locator('#status').textContent()).toMatch(/^Done in \d+(\.\d)? m?s\.$/);
    expect(await page.locator('#problem').isHidden()).toBe(true);

    // The page loads its own three files and talks to the public API like any other client.
    expect(new Set(requested)).toEqual(
      new Set([
        'GET /',
        'GET /playground.css',
        'GET /playground.js',
        'GET /playground.svg',
        'GET /v1/prompts',
        'POST /v1/summaries',
      ]),
    );

    // The README's docs/playground.png is a copy of this one.
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });
  });

  it('answers a pasted ninjs item with the item, the German and English summaries added and labelled as machine-written', async () => {
    const item = readFileSync(
      path.join(PROJECT_ROOT, 'samples', 'ninjs', 'seed-article.ninjs-3.json'),
      'utf8',
    );
    const expected = (await (
      await createTestBrief().app.request('/v1/summaries', {
        method: 'POST',
        headers: { 'content-type': NINJS_MEDIA_TYPE, accept: NINJS_MEDIA_TYPE },
        body: item,
      })
    ).json()) as NinjsAnswer;
    page = await openPage(running.origin);
    await waitForPrompts(page);
    await page.check('input[name="input_format"][value="ninjs"]');
    expect(await page.locator('#article-text-label').textContent()).toBe('IPTC ninjs item (JSON)');
    expect(await page.locator('#prompt-version').isDisabled()).toBe(true);
    await page.fill('#article-text', item);

    const sent = page.waitForRequest((request) => request.url().endsWith('/v1/summaries'));
    await page.click('#summarize-button');
    const headers = (await sent).headers();
    expect(headers['content-type']).toBe(NINJS_MEDIA_TYPE);
    expect(headers.accept).toMatch(/^application\/ninjs\+json\b/);
    await page.waitForSelector('#ninjs-answer:not([hidden])');
    expect(await page.locator('#results-body').isHidden()).toBe(true);

    const english = expected.associations.find((association) => association.name === 'summary-en');
    const parts = await page.$$eval('#ninjs-parts .ninjs-part', (nodes) =>
      nodes.map((node) => [
        node.querySelector('dt')?.textContent,
        node.querySelector('dd')?.textContent,
        node.querySelector('dd')?.lang,
      ]),
    );
    expect(parts).toEqual([
      ['German summary headline', roleValue(expected.headlines, 'summary'), 'de'],
      ['German summary', roleValue(expected.descriptions, 'summary'), 'de'],
      ['English headline', roleValue(english?.headlines, 'main'), 'en'],
      ['English summary', roleValue(english?.descriptions, 'summary'), 'en'],
      ['Digital source type', TRAINED_ALGORITHMIC_MEDIA, 'en'],
    ]);
    expect(parts[0]?.[1]).toMatch(/Nordkorea/);
    // The whole answer, as the API gave it: the editor's headline and body kept.
    const shown = JSON.parse((await page.locator('#ninjs-json code').textContent()) ?? '') as NinjsAnswer;
    expect(shown).toEqual(expected);
    expect(roleValue(shown.headlines, 'main')).toBe('Putin droht mit Waffenlieferungen an Nordkorea');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-ninjs.png'), fullPage: true });
    expect(await page.locator('#status').textContent()).toMatch(
      /^Done in .*: the ninjs item with the summaries added\.$/,
    );
  });

  it('wraps a sample in a minimal ninjs item in ninjs mode, and shows the problem of an item in another language', async () => {
    page = await openPage(running.origin);
    await waitForPrompts(page);
    await page.check('input[name="input_format"][value="ninjs"]');
    await page.selectOption('#sample', 'seed-article');
    const item = JSON.parse(await page.locator('#article-text').inputValue()) as Record<string, unknown>;
    expect(item).toEqual({
      uri: 'urn:brief:sample:seed-article',
      type: 'text',
      language: 'de',
      bodies: [
        { role: 'main', contentType: 'text/plain', value: expect.stringMatching(/^date 2024-06 Russlands/) },
      ],
    });
    await page.click('#summarize-button');
    await page.waitForSelector('#ninjs-answer:not([hidden])');
    const expected = await expectedSeedResponse(createTestBrief());
    expect(await page.locator('[data-part="englishHeadline"] dd').textContent()).toBe(
      expected.summaries.en.headline,
    );

    await page.fill('#article-text', JSON.stringify({ ...item, language: 'en' }));
    await page.click('#summarize-button');
    await page.waitForSelector('#problem:not([hidden])');
    expect(await page.locator('#problem .problem-detail').textContent()).toContain('declares language "en"');

    // Back to text: the German label, the prompt versions and the columns.
    await page.check('input[name="input_format"][value="text"]');
    expect(await page.locator('#article-text-label').textContent()).toBe('German article text');
    expect(await page.locator('#prompt-version').isDisabled()).toBe(false);
    expect(await page.locator('#article-text').getAttribute('lang')).toBe('de');
  });

  it('copies a summary as plain text and as Markdown', async () => {
    const expected = await expectedSeedResponse(running.brief);
    page = await openPage(running.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.origin });
    await page.selectOption('#sample', 'seed-article');
    await page.click('#summarize-button');
    await page.waitForSelector('#results-body:not([hidden])');

    await page.click('[data-copy="de"][data-format="markdown"]');
    await page.waitForSelector('[data-copy="de"][data-format="markdown"]:text("Copied ✓")');
    const german = expected.summaries.de;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      [`## ${german.headline}`, '', german.summary, '', '### Key points', '']
        .concat(keyPointTexts(german.key_points).map((point) => `- ${point}`))
        .join('\n'),
    );
    expect(await page.locator('#status').textContent()).toBe('Copied the German summary as Markdown.');

    await page.click('[data-copy="en"][data-format="text"]');
    await page.waitForSelector('#status:text("Copied the English summary as plain text.")');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(
      clipboard.startsWith(`${expected.summaries.en.headline}\n\n${expected.summaries.en.summary}\n\n- `),
    ).toBe(true);
  });

  it('shows the problem document, with its field errors and request id, when the text is too short', async () => {
    page = await openPage(running.origin);
    await page.fill('#article-text', 'Zu kurz für eine Zusammenfassung.');
    expect(await page.locator('#text-count').textContent()).toBe('33 characters · at least 200 needed');
    await page.click('#summarize-button');
    await page.waitForSelector('#problem:not([hidden])');

    const problem = page.locator('#problem');
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.locator('h2').textContent()).toBe('Request validation failed');
    expect(await problem.locator('.problem-detail').textContent()).toBe(
      'The article text is too short to summarize: 33 characters after normalisation, at least 200 are needed.',
    );
    expect(await problem.locator('.problem-errors li').allTextContents()).toEqual([
      'Article text must have at least 200 characters',
    ]);
    expect(await problem.locator('.problem-request-id code').textContent()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(await page.locator('#article-text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#status').textContent()).toBe('No summary: Request validation failed.');
    expect(await page.locator('#summarize-button').isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-error.png'), fullPage: true });

    // Typing again clears the field's error state.
    await page.type('#article-text', ' Mehr.');
    expect(await page.locator('#article-text').getAttribute('aria-invalid')).toBeNull();
  });

  it('lists the failed checks of a strict-mode 502 with the problem', async () => {
    page = await openPage(running.origin);
    const problem = {
      type: '/problems/checks-failed',
      title: 'The summary failed its fact checks',
      status: 502,
      detail: 'Strict mode: the summary failed 1 fact check(s) even after a repair re-ask.',
      request_id: '0b7e3f4a-5c6d-4e8f-9a0b-1c2d3e4f5a6b',
      checks: {
        passed: false,
        failures: [
          {
            check: 'figures',
            language: 'en',
            field: 'summary',
            text: '52.4 million',
            detail: "The figure '52.4 million' does not appear in the article in any notation.",
          },
        ],
      },
      attempts: 2,
    };
    await page.route('**/v1/summaries', (route) =>
      route.fulfill({ status: 502, contentType: 'application/problem+json', body: JSON.stringify(problem) }),
    );
    await page.selectOption('#sample', 'long-figures');
    await page.click('#summarize-button');
    await page.waitForSelector('#problem:not([hidden])');
    expect(await page.locator('#problem h2').textContent()).toBe('The summary failed its fact checks');
    expect(await page.locator('#problem .problem-checks li').allTextContents()).toEqual([
      "Figure check, English summary: 52.4 million The figure '52.4 million' does not appear in the article in any notation.",
    ]);
    expect(await page.locator('#problem .problem-request-id code').textContent()).toBe(problem.request_id);
    expect(await page.locator('#results-body').isHidden()).toBe(true);
  });

  it('shows progress while the model works: a disabled, busy button and a status line', async () => {
    page = await openPage(running.origin);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/v1/summaries', async (route) => {
      await held;
      await route.continue();
    });
    await page.selectOption('#sample', 'seed-article');
    await page.click('#summarize-button');

    const button = page.locator('#summarize-button');
    await page.waitForSelector('#summarize-button[aria-busy="true"]');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.textContent()).toBe('Summarizing…');
    expect(await page.locator('#results').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('#status').textContent()).toMatch(/^The model is writing both summaries…/);

    release();
    await page.waitForSelector('#summarize-button[aria-busy="false"]');
    expect(await button.isEnabled()).toBe(true);
    expect(await button.textContent()).toBe('Summarize');
    expect(await page.locator('#results').getAttribute('aria-busy')).toBe('false');
  });

  it('shows the summary as the model writes it, and Cancel stops the model', async () => {
    // A slow upstream: the whole answer would take tens of seconds.
    const fake = await startFakeMessagesApi({ firstTokenDelayMs: 200, tokensPerSecond: 30 });
    const live = await start(liveEnv(fake));
    try {
      page = await openPage(live.origin);
      await page.selectOption('#sample', 'seed-article');
      await page.click('#summarize-button');
      const headline = page.locator('[data-language="en"] [data-field="headline"]');
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-language="en"] [data-field="headline"]')?.textContent ?? '').length >
          10,
      );
      // Text is on screen while the request still runs.
      expect(await page.locator('#summarize-button').getAttribute('aria-busy')).toBe('true');
      expect(await headline.textContent()).toMatch(/^\S/);
      expect(fake.calls[0]?.finishedAt).toBeNull();
      expect(await page.locator('#cancel-button').isVisible()).toBe(true);

      await page.click('#cancel-button');
      await page.waitForSelector('#summarize-button[aria-busy="false"]');
      expect(await page.locator('#status').textContent()).toBe('Cancelled: the model stopped writing.');
      expect(await page.locator('#cancel-button').isHidden()).toBe(true);
      expect(await page.locator('#problem').isHidden()).toBe(true);
      const aborted = await fake.waitForAbort(1, 5_000);
      expect(aborted.index).toBe(1);
    } finally {
      await context.close();
      await stop(live);
      await fake.close();
    }
  });

  it('describes the chosen prompt version in the words of /v1/prompts', async () => {
    page = await openPage(running.origin);
    await waitForPrompts(page);
    const prompts = (await (await running.brief.app.request('/v1/prompts')).json()) as {
      prompts: Array<{ name: string; version: string; description: string }>;
    };
    const descriptionOf = (version: string) =>
      prompts.prompts.find((prompt) => prompt.name === 'summarize' && prompt.version === version)
        ?.description;
    expect(await page.locator('#prompt-description').textContent()).toBe(descriptionOf('v1'));
    await page.selectOption('#prompt-version', 'v2');
    expect(await page.locator('#prompt-description').textContent()).toBe(descriptionOf('v2'));
    expect(await page.locator('#prompt-version option:checked').textContent()).toBe(
      'v2 (key points with evidence)',
    );
  });

  it('says when Brief cannot be reached, and how long to wait when it is busy', async () => {
    page = await openPage(running.origin);
    await page.route('**/v1/summaries', (route) => route.abort('connectionrefused'));
    await page.selectOption('#sample', 'seed-article');
    await page.click('#summarize-button');
    await page.waitForSelector('#problem:not([hidden])');
    expect(await page.locator('#problem h2').textContent()).toBe('Brief could not be reached');
    expect(await page.locator('#status').textContent()).toBe('No summary: Brief could not be reached.');
    expect(await page.locator('#summarize-button').isEnabled()).toBe(true);

    await page.unroute('**/v1/summaries');
    await page.route('**/v1/summaries', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30', 'x-request-id': 'f0e1d2c3-b4a5-4697-8899-aabbccddeeff' },
        contentType: 'application/problem+json',
        body: JSON.stringify({
          title: 'Too many requests',
          status: 429,
          detail: 'The rate limit is reached.',
        }),
      }),
    );
    await page.click('#summarize-button');
    await page.waitForSelector('#problem .problem-retry');
    expect(await page.locator('#problem h2').textContent()).toBe('Too many requests');
    expect(await page.locator('#problem .problem-retry').textContent()).toBe('Try again in 30 seconds.');
    // Without a request_id in the body, the response header names the request.
    expect(await page.locator('#problem .problem-request-id code').textContent()).toBe(
      'f0e1d2c3-b4a5-4697-8899-aabbccddeeff',
    );
    // Chromium logs the refused connection and the 429 as failed resources; the page handled both.
    problems = problems.filter((problem) => !/ERR_CONNECTION_REFUSED|status of 429/.test(problem));
  });

  it('shows keyboard focus and slows its spinner for readers who ask for less motion', async () => {
    page = await openPage(running.origin);
    await waitForPrompts(page);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px' });

    const spinnerDuration = () =>
      page.$eval('#summarize-button .spinner', (spinner) => getComputedStyle(spinner).animationDuration);
    expect(await spinnerDuration()).toBe('0.8s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await spinnerDuration()).toBe('3s');
  });

  it('is usable from the keyboard: the skip link reaches the text and Ctrl+Enter summarizes', async () => {
    page = await openPage(running.origin);
    await waitForPrompts(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the article text');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-text');
    await page.keyboard.insertText(SEED_TEXT);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#results-body:not([hidden])');
    expect(await page.locator('[data-language="en"] .key-point').count()).toBeGreaterThanOrEqual(3);
  });

  it('marks verified and unverified evidence and puts each check warning next to its field', async () => {
    // The shape of a v2 answer with a failed check (issue 5), from the authored v2 output of the seed.
    const authored = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, 'samples', 'authored', 'seed-article.json'), 'utf8'),
    ) as Record<string, Record<'en' | 'de', { headline: string; summary: string; key_points: unknown[] }>>;
    const v2 = authored['summarize@v2'];
    if (!v2) {
      throw new Error('samples/authored/seed-article.json has no summarize@v2 output');
    }
    const withVerification = (language: 'en' | 'de') => ({
      ...v2[language],
      key_points: (v2[language].key_points as Array<{ text: string; evidence: string }>).map(
        (point, index) => ({
          ...point,
          evidence_verified: index !== 1,
        }),
      ),
    });
    const body = {
      article_id: null,
      summaries: { en: withVerification('en'), de: withVerification('de') },
      checks: {
        passed: false,
        failures: [
          {
            check: 'evidence',
            language: 'en',
            field: 'key_points[1].evidence',
            text: (v2.en.key_points[1] as { evidence: string }).evidence,
            detail: 'The evidence is not a verbatim passage of the article.',
          },
          {
            check: 'names',
            language: 'de',
            field: 'headline',
            text: 'Putin',
            detail: "The name 'Putin' does not occur in the article.",
          },
          {
            check: 'limits',
            language: 'en',
            field: 'key_points',
            text: 'five key points',
            detail: 'At most 4 key points were asked for.',
          },
        ],
      },
      meta: {
        prompt: { name: 'summarize', version: 'v2', sha256: 'f'.repeat(64) },
        model: 'claude-sonnet-4-6',
        mode: 'live',
        attempts: 2,
        usage: {
          input_tokens: 1500,
          output_tokens: 900,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
        cost_usd: 0.0185,
        request_id: '6f1c9a52-8d0e-4a7b-9c3e-2b5d7f1a0c44',
      },
    };
    page = await openPage(running.origin);
    await page.route('**/v1/summaries', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    await page.selectOption('#sample', 'seed-article');
    await page.click('#summarize-button');
    await page.waitForSelector('#results-body:not([hidden])');

    const english = page.locator('section[data-language="en"]');
    expect(await english.locator('.evidence blockquote').count()).toBe(5);
    expect(await english.locator('.evidence blockquote').first().getAttribute('lang')).toBe('de');
    expect(await english.locator('.badge.verified').count()).toBe(4);
    expect(await english.locator('[data-field="key_points[1].evidence"] .badge').textContent()).toBe(
      '⚠ Not found in the article',
    );
    expect(await english.locator('[data-field="key_points[1].evidence"]').getAttribute('class')).toContain(
      'has-warning',
    );
    // The whole evidence is at fault: the field is highlighted and the warning does not quote it again.
    expect(await english.locator('[data-field="key_points[1].evidence"] .warning').textContent()).toBe(
      'Evidence check: The evidence is not a verbatim passage of the article.',
    );
    // A field-less failure is listed at the top of its column, with the offending text quoted.
    expect(await english.locator('[data-warnings]').isVisible()).toBe(true);
    expect(await english.locator('[data-warnings] .warning').textContent()).toBe(
      'Length check: five key points At most 4 key points were asked for.',
    );
    expect(await english.locator('[data-warnings] .warning q').textContent()).toBe('five key points');
    // A name inside the headline is marked where it stands.
    const german = page.locator('section[data-language="de"]');
    expect(await german.locator('[data-field="headline"]').getAttribute('class')).toContain('has-warning');
    expect(await german.locator('[data-field="headline"] mark.flagged').textContent()).toBe('Putin');
    expect(await german.locator('[data-field="headline"]').textContent()).toBe(v2.de.headline);
    expect(await german.locator('.warning').textContent()).toBe(
      "Name check: The name 'Putin' does not occur in the article.",
    );
    expect(await page.locator('#checks').textContent()).toBe(
      '⚠ 3 check warnings: review the highlighted passages before publishing.',
    );
    expect(await readMeta(page)).toMatchObject({
      Prompt: 'summarize v2',
      Tokens: '1,500 in · 900 out',
      Cost: '$0.0185',
      Mode: 'Live · 2 attempts',
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-checks.png'), fullPage: true });
  });
});

describe('the playground when Brief requires API keys', () => {
  let browser: Browser;
  let running: RunningBrief;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    running = await start({ BRIEF_API_KEYS: KEY });
  });

  afterAll(async () => {
    await browser?.close();
    if (running) {
      await stop(running);
    }
  });

  it('asks for a key on 401, keeps it in session storage only, and retries with it', async () => {
    context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(`${running.origin}/`);

    // Loading the prompt versions answered 401: the page asks, with focus in the key field.
    await page.waitForSelector('#api-key-panel:not([hidden])');
    expect(await page.locator('#api-key-reason').textContent()).toContain('This Brief requires an API key.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(await page.locator('#api-key').getAttribute('type')).toBe('password');

    await page.fill('#api-key', 'not-the-key');
    await page.click('#api-key-form button[type="submit"]');
    await page.waitForSelector('#api-key-panel:not([hidden])');
    expect(await page.locator('#api-key-reason').textContent()).toContain(
      'Brief did not accept the saved key.',
    );

    await page.fill('#api-key', KEY);
    await page.press('#api-key', 'Enter');
    await page.waitForSelector('#prompt-version option[value="v1"]', { state: 'attached' });
    expect(await page.locator('#api-key-panel').isHidden()).toBe(true);
    expect(await page.locator('#key-status').isVisible()).toBe(true);
    // The key's id (from GET /v1/usage): a key from BRIEF_API_KEYS is named by its hash prefix.
    const keyId = createHash('sha256').update(KEY).digest('hex').slice(0, 12);
    await page.waitForFunction(
      (id) => document.querySelector('#key-identity')?.textContent === `Key ${id} · no monthly budget`,
      keyId,
    );
    expect(await page.evaluate(() => sessionStorage.getItem('brief.playground.apiKey'))).toBe(KEY);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);

    await page.selectOption('#sample', 'seed-article');
    await page.click('#summarize-button');
    await page.waitForSelector('#results-body:not([hidden])');
    expect(await page.locator('[data-language="de"] [data-field="headline"]').textContent()).toMatch(/Putin/);

    await page.click('#forget-key');
    expect(await page.evaluate(() => sessionStorage.getItem('brief.playground.apiKey'))).toBeNull();
    expect(await page.locator('#key-status').isHidden()).toBe(true);
    await context.close();
  });
});
