import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../scripts/build-playground.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createPlaygroundRoutes } from '../src/routes/playground/playground.routes.js';
import {
  PLAYGROUND_ASSETS_DIRECTORY,
  readPlaygroundAssets,
} from '../src/routes/playground/playground-assets.js';
import { readSamples, sampleArticleText } from '../src/samples/read-samples.js';
import { createTestBrief } from './support/create-test-brief.js';

const SAMPLES = readSamples(path.join(PROJECT_ROOT, 'samples'));
const KEY = 'playground-test-key-0123456789abcdef';

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

function sampleTemplate(page: string, slug: string): string | undefined {
  const match = new RegExp(`<template id="sample-${slug}" lang="de">([\\s\\S]*?)</template>`).exec(page);
  return match?.[1] === undefined ? undefined : unescapeHtml(match[1]);
}

function linkedUrl(page: string, pattern: RegExp): string {
  const url = pattern.exec(page)?.[1];
  if (!url) {
    throw new Error(`no ${pattern} in the page`);
  }
  return unescapeHtml(url);
}

describe('the playground page', () => {
  const { app } = createTestBrief();

  it('is served at / as HTML with a doctype, English as page language and no caching without revalidation', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const page = await response.text();
    expect(page.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(page).toContain('<title>Brief · Playground</title>');
    expect(page).toContain('<h1 id="page-heading">Summarize a German article</h1>');
  });

  it('labels every control and marks the input German and each summary column with its language', async () => {
    const page = await (await app.request('/')).text();
    const labels = new Map(
      [...page.matchAll(/<label for="([^"]+)"[^>]*>([^<]+)<\/label>/g)].map((match) => [match[1], match[2]]),
    );
    expect(Object.fromEntries(labels)).toEqual({
      sample: 'Sample article',
      'prompt-version': 'Prompt version',
      'article-text': 'German article text',
      'api-key': 'API key',
    });
    const controls = [...page.matchAll(/<(?:select|textarea|input)\b[^>]*\bid="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(controls.sort()).toEqual([...labels.keys()].sort());
    expect(page).toMatch(/<textarea id="article-text" name="text" lang="de"/);
    // The Text | ninjs item switch: two radios, labelled by their own text, in a fieldset with a legend.
    expect(page).toContain('<legend>Input</legend>');
    expect(page).toMatch(
      /<label><input type="radio" name="input_format" value="text" checked=""\/> ?Text<\/label>/,
    );
    expect(page).toMatch(
      /<label><input type="radio" name="input_format" value="ninjs"\/> ?ninjs item<\/label>/,
    );
    expect(page).toMatch(/<section class="summary-column card" lang="en" data-language="en"/);
    expect(page).toMatch(/<section class="summary-column card" lang="de" data-language="de"/);
    for (const landmark of [
      '<header class="site-header">',
      '<main id="main"',
      '<footer class="site-footer">',
    ]) {
      expect(page).toContain(landmark);
    }
    expect(page).toContain('<a class="skip-link" href="#article-text">');
    expect(page).toMatch(/<p id="status" class="status" role="status">/);
    expect(page).toMatch(/<div id="problem" class="problem" role="alert"/);
  });

  it('offers every sample, with the text exactly as the API summarizes it', async () => {
    const page = await (await app.request('/')).text();
    expect(SAMPLES.map((sample) => sample.slug)).toContain('seed-article');
    for (const sample of SAMPLES) {
      expect(page).toContain(`<option value="${sample.slug}">${sample.slug} · `);
      expect(sampleTemplate(page, sample.slug)).toBe(sampleArticleText(sample));
    }
    expect(page).toContain(
      '<option value="long-figures">long-figures · Ostervelde droht ein Haushaltsloch von 52,3 Millionen Euro</option>',
    );
    // The HTML sample is offered as the article text Brief extracts, not as markup.
    expect(sampleTemplate(page, 'html-article')).not.toMatch(/<nav|cookie/i);
    expect(page).toContain('data-min-chars="200"');
  });

  it('loads nothing from another origin and forbids inline script by its Content-Security-Policy', async () => {
    const response = await app.request('/');
    const page = await response.text();
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script>|<style|style="|\bon[a-z]+="/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    const sources = policy.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1));
    expect(new Set(sources)).toEqual(new Set(["'self'", "'none'"]));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is open without an API key even when keys are required, while the API it calls is not', async () => {
    const { app: securedApp } = createTestBrief({ env: { BRIEF_API_KEYS: KEY } });
    const page = await securedApp.request('/');
    expect(page.status).toBe(200);
    const script = linkedUrl(await page.text(), /<script src="([^"]+)"/);
    expect((await securedApp.request(script)).status).toBe(200);
    const prompts = await securedApp.request('/v1/prompts');
    expect(prompts.status).toBe(401);
    expect(prompts.headers.get('content-type')).toBe('application/problem+json');
  });

  it('stays out of the OpenAPI document', () => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Brief', version: 'test' },
    });
    const paths = Object.keys(document.paths ?? {});
    expect(paths).toContain('/v1/summaries');
    expect(paths.filter((route) => route === '/' || route.startsWith('/playground'))).toEqual([]);
  });
});

describe('the playground script, styles and icon', () => {
  const { app } = createTestBrief();

  async function assetUrls() {
    const page = await (await app.request('/')).text();
    return {
      script: linkedUrl(page, /<script src="([^"]+)"/),
      styles: linkedUrl(page, /<link rel="stylesheet" href="([^"]+)"/),
      icon: linkedUrl(page, /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/),
    };
  }

  it('are linked by content-versioned URLs and served with their content types, cached for good', async () => {
    const urls = await assetUrls();
    expect(urls.script).toMatch(/^\/playground\.js\?v=[0-9a-f]{16}$/);
    expect(urls.styles).toMatch(/^\/playground\.css\?v=[0-9a-f]{16}$/);
    expect(urls.icon).toMatch(/^\/playground\.svg\?v=[0-9a-f]{16}$/);
    const expected = {
      script: 'text/javascript; charset=utf-8',
      styles: 'text/css; charset=utf-8',
      icon: 'image/svg+xml; charset=utf-8',
    };
    for (const [asset, url] of Object.entries(urls) as Array<[keyof typeof expected, string]>) {
      const response = await app.request(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(expected[asset]);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('etag')).toBe(`"${url.split('v=')[1]}"`);
    }
  });

  it('revalidate an unversioned URL and answer 304 when the ETag still matches', async () => {
    const { script } = await assetUrls();
    const response = await app.request('/playground.js');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toBe(`"${script.split('v=')[1]}"`);
    const again = await app.request('/playground.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serve the files the browser build writes: one classic script, the stylesheet and the icon', async () => {
    const urls = await assetUrls();
    for (const url of Object.values(urls)) {
      const file = readFileSync(path.join(PLAYGROUND_ASSETS_DIRECTORY, url.split('?')[0] ?? ''));
      expect(Buffer.from(await (await app.request(url)).arrayBuffer()).equals(file)).toBe(true);
    }
    // The page loads it with a plain deferred <script>: a bundle, no import statements left.
    const script = await (await app.request(urls.script)).text();
    expect(() => new Script(script, { filename: 'playground.js' })).not.toThrow();
  });
});

describe('the playground built into another directory', () => {
  const limits = { minTextChars: 200, maxTextChars: 50_000 };
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'brief-playground-'));
    await buildPlayground(directory);
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('links each file by the hash of its content, so a changed build gets new URLs', async () => {
    const routes = createPlaygroundRoutes({ samples: [], limits, assetsDirectory: directory });
    const page = await (await routes.request('/')).text();
    const styles = linkedUrl(page, /<link rel="stylesheet" href="([^"]+)"/);
    const content = readFileSync(path.join(directory, 'playground.css'));
    const version = createHash('sha256').update(content).digest('hex').slice(0, 16);
    expect(styles).toBe(`/playground.css?v=${version}`);
    expect(await (await routes.request(styles)).text()).toBe(content.toString('utf8'));

    writeFileSync(path.join(directory, 'playground.css'), `${content.toString('utf8')}\n/* changed */\n`);
    const rebuilt = createPlaygroundRoutes({ samples: [], limits, assetsDirectory: directory });
    const newStyles = linkedUrl(
      await (await rebuilt.request('/')).text(),
      /<link rel="stylesheet" href="([^"]+)"/,
    );
    expect(newStyles).toMatch(/^\/playground\.css\?v=[0-9a-f]{16}$/);
    expect(newStyles).not.toBe(styles);
  });

  it('says how to build the files when they are missing', () => {
    expect(() => readPlaygroundAssets(path.join(directory, 'missing'))).toThrow(
      /The playground's \/playground\.js is not built in .*missing: run `npm run build`/,
    );
  });
});
