import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief } from './support/create-test-brief.js';
import { ninjsSchemaErrors } from './support/validate-ninjs.js';

const SAMPLES = path.join(PROJECT_ROOT, 'samples');
const TOO_SHORT = 'Kurze Meldung: Der Bundestag tagt morgen in Berlin.';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real `brief` command (bin/brief.js, through tsx), in replay mode with exactly this environment. */
function runBrief(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'brief.js'), ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function recordedHeadline(slug: string, language: 'en' | 'de'): string {
  const authored = JSON.parse(readFileSync(path.join(SAMPLES, 'authored', `${slug}.json`), 'utf8')) as Record<
    string,
    Record<string, { headline: string }>
  >;
  const headline = authored['summarize@v1']?.[language]?.headline;
  if (!headline) {
    throw new Error(`no recorded headline for ${slug}`);
  }
  return headline;
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'brief-cli-'));
  for (const file of readdirSync(SAMPLES).filter((name) => /\.de\.(txt|html)$/.test(name))) {
    copyFileSync(path.join(SAMPLES, file), path.join(folder, file));
  }
  writeFileSync(path.join(folder, 'too-short.de.txt'), TOO_SHORT);
  writeFileSync(path.join(folder, 'notes.md'), 'Not an article: a folder run leaves it alone.');
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('brief summarize on a folder', () => {
  it('writes one JSON line per article, lists the failure with its reason and exits 1', async () => {
    const run = await runBrief(['summarize', folder, '--concurrency', '3']);

    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const byFile = new Map(lines.map((line) => [path.basename(String(line.file)), line]));
    expect([...byFile.keys()].sort()).toEqual([
      'awkward-input.de.txt',
      'html-article.de.html',
      'long-figures.de.txt',
      'seed-article.de.txt',
      'short-notice.de.txt',
      'too-short.de.txt',
    ]);
    for (const slug of ['awkward-input', 'html-article', 'long-figures', 'seed-article', 'short-notice']) {
      const line = [...byFile.entries()].find(([file]) => file.startsWith(`${slug}.`))?.[1] as {
        article_id: string;
        summaries: { en: { headline: string }; de: { headline: string } };
        meta: { mode: string };
      };
      expect(line.summaries.en.headline).toBe(recordedHeadline(slug, 'en'));
      expect(line.summaries.de.headline).toBe(recordedHeadline(slug, 'de'));
      expect(line.article_id).toMatch(new RegExp(`^${slug}\\.de\\.(txt|html)$`));
      expect(line.meta.mode).toBe('replay');
    }
    expect(byFile.get('too-short.de.txt')).toMatchObject({
      error: {
        type: '/problems/validation-failed',
        status: 422,
        errors: [{ pointer: '/text', detail: 'must have at least 200 characters' }],
      },
    });

    expect(run.stderr).toContain('Summarized 5 of 6 articles.');
    expect(run.stderr).toMatch(
      /1 failed:\n {2}\S*too-short\.de\.txt: Request validation failed \(422\): The article text is too short/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes the JSON Lines to --out and keeps stdout empty', async () => {
    const out = path.join(folder, '..', `${path.basename(folder)}.jsonl`);
    try {
      const run = await runBrief(['summarize', folder, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(6);
      expect(run.stderr).toContain(`Summarized 5 of 6 articles → ${out}.`);
    } finally {
      rmSync(out, { force: true });
    }
  });
});

describe('brief summarize on one article', () => {
  it('prints Markdown with the recorded headlines, key points and a meta line', async () => {
    const run = await runBrief(['summarize', path.join('samples', 'seed-article.de.txt')]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`## English\n\n### ${recordedHeadline('seed-article', 'en')}\n`);
    expect(run.stdout).toContain(`## Deutsch\n\n### ${recordedHeadline('seed-article', 'de')}\n`);
    expect(run.stdout).toMatch(/\n- Putin says he wants to deliver weapons/);
    expect(run.stdout).toMatch(
      /\*prompt summarize@v1 · claude-sonnet-4-6 · replay mode · 1 model call · \d+ input/,
    );
  });

  it('prints the API response as JSON with --json, for an article read from stdin', async () => {
    const run = await runBrief(['summarize', '-', '--json'], {
      stdin: readFileSync(path.join(SAMPLES, 'seed-article.de.txt'), 'utf8'),
    });

    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { article_id: null; summaries: { en: { headline: string } } };
    expect(body.article_id).toBeNull();
    expect(body.summaries.en.headline).toBe(recordedHeadline('seed-article', 'en'));
  });

  it('exits 1 with the problem’s reason, and no stack trace, for a text that is too short', async () => {
    const run = await runBrief(['summarize', '-'], { stdin: TOO_SHORT });

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'brief: stdin: Request validation failed (422): The article text is too short to summarize: 51 characters after normalisation, at least 200 are needed.\n  /text: must have at least 200 characters\n',
    );
  });

  it('exits 2 with a readable message for a file that does not exist or a bad option', async () => {
    const missing = await runBrief(['summarize', 'no-such-article.txt']);
    const badOption = await runBrief(['summarize', folder, '--concurrency', 'lots']);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('brief: No such file or folder: no-such-article.txt');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('expected a whole number from 1 to 64');
  });

  it('answers --help with the summarize command and its options', async () => {
    const root = await runBrief(['--help']);
    const summarize = await runBrief(['summarize', '--help']);

    expect(root.code).toBe(0);
    expect(root.stdout).toContain('summarize [options] <target>');
    expect(summarize.code).toBe(0);
    expect(summarize.stdout).toContain('--concurrency <n>');
    expect(summarize.stdout).toContain('--url <url>');
    expect(summarize.stdout).toContain('--api-key-file <file>');
    expect(summarize.stdout).not.toContain('--api-key <key>');
  });
});

describe('brief summarize --ninjs', () => {
  it("reads a ninjs item and prints the ninjs answer of its version, which IPTC's schema accepts", async () => {
    const file = path.join('samples', 'ninjs', 'html-article.ninjs-2.json');
    const item = JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as { uri: string };
    const run = await runBrief(['summarize', file, '--ninjs']);

    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      uri: string;
      headlines: Array<{ role: string; value: string }>;
    };
    expect(ninjsSchemaErrors(answer, 2)).toEqual([]);
    expect(answer.uri).toBe(item.uri);
    expect(answer.headlines[1]).toMatchObject({
      role: 'summary',
      value: recordedHeadline('html-article', 'de'),
    });
  });

  it('exits 1 naming the declared language of a non-German item', async () => {
    const item = JSON.parse(
      readFileSync(path.join(SAMPLES, 'ninjs', 'seed-article.ninjs-3.json'), 'utf8'),
    ) as object;
    const run = await runBrief(['summarize', '-', '--ninjs'], {
      stdin: JSON.stringify({ ...item, language: 'en' }),
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('declares language "en"');
  });

  it('exits 2 for a file that is not JSON', async () => {
    const run = await runBrief(['summarize', path.join('samples', 'short-notice.de.txt'), '--ninjs']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not JSON; --ninjs reads an IPTC ninjs item');
  });
});

describe('brief summarize --url', () => {
  const API_KEY = 'cli-test-key-0123456789abcdef0123456789';
  const { app } = createTestBrief({ env: { BRIEF_API_KEYS: API_KEY } });
  let server: ReturnType<typeof serve>;
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('summarizes through a running service with the key from --api-key-file or BRIEF_API_KEY', async () => {
    const seed = path.join('samples', 'seed-article.de.txt');
    const keyFile = path.join(folder, 'api-key');
    writeFileSync(keyFile, `${API_KEY}\n`);
    const withOption = await runBrief(['summarize', seed, '--url', url, '--api-key-file', keyFile]);
    const withEnvironment = await runBrief(['summarize', seed, '--json'], {
      env: { BRIEF_URL: url, BRIEF_API_KEY: API_KEY },
    });

    expect(withOption.code).toBe(0);
    expect(withOption.stdout).toContain(`### ${recordedHeadline('seed-article', 'en')}\n`);
    expect(withEnvironment.code).toBe(0);
    expect(JSON.parse(withEnvironment.stdout)).toMatchObject({ article_id: 'seed-article.de.txt' });
  });

  it('refuses a key on the command line, where process listings show it, without repeating the key', async () => {
    const seed = path.join('samples', 'seed-article.de.txt');
    const run = await runBrief(['summarize', seed, '--url', url, '--api-key', API_KEY]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--api-key is not accepted');
    expect(run.stderr).toContain('BRIEF_API_KEY or use --api-key-file <file>');
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
  });

  it('exits 1 with the service’s problem when the key is missing', async () => {
    const run = await runBrief(['summarize', path.join('samples', 'seed-article.de.txt'), '--url', url]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unauthorized (401): An API key is required');
  });
});
