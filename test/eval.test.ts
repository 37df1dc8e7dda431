import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/checks/index.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createBrief } from '../src/create-brief.js';
import { ServiceUnavailableError } from '../src/errors/brief-error.js';
import { createEvalReport } from '../src/eval/create-eval-report.js';
import { readEvalArticles } from '../src/eval/read-eval-articles.js';
import { renderReportHtml } from '../src/eval/render-report-html.js';
import { escapeMarkdownCell, renderReportMarkdown } from '../src/eval/render-report-markdown.js';
import {
  computeRouge,
  longestCommonSubsequence,
  rougeL,
  rougeN,
  tokenizeForRouge,
} from '../src/eval/rouge.js';
import { type EvalRun, runEval } from '../src/eval/run-eval.js';
import { EVAL_EXIT, runEvalCommand } from '../src/eval/run-eval-command.js';
import { createCostEstimator } from '../src/llm/create-cost-estimator.js';
import { createLogger } from '../src/logging/create-logger.js';
import type { Summarizer } from '../src/summarize/create-summarizer.js';
import type { ModelOutput } from '../src/summarize/summary-schema.js';
import { createTestConfig } from './support/create-test-config.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';

const SAMPLES = path.join(PROJECT_ROOT, 'samples');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const seedAuthored = readJson<Record<string, ModelOutput>>(
  path.join(SAMPLES, 'authored', 'seed-article.json'),
);
const seedReference = readJson<{ en: string; de: string }>(
  path.join(SAMPLES, 'references', 'seed-article.json'),
);

function captured() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

async function evalCommand(
  argv: string[],
  options: { loadLiveConfig?: () => ReturnType<typeof createTestConfig> } = {},
) {
  const stdout = captured();
  const stderr = captured();
  const status = await runEvalCommand(argv, {
    loadLiveConfig:
      options.loadLiveConfig ??
      (() => {
        throw new Error('the live configuration must not be read in replay mode');
      }),
    projectRoot: PROJECT_ROOT,
    workingDirectory: PROJECT_ROOT,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

function temporaryDirectory(prefix: string) {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

function replayBrief() {
  const config = createTestConfig({ BRIEF_MODE: 'replay', BRIEF_CACHE_ENABLED: 'false' });
  return { config, brief: createBrief(config, { logger: createLogger({ level: 'silent' }) }) };
}

/** A version as if its prompt had got much worse: off-topic summaries with an invented figure. */
function degradeVersion(summarizer: Summarizer, version: string, headline: string): Summarizer {
  return {
    resolvePrompt: summarizer.resolvePrompt,
    async summarize(input) {
      const result = await summarizer.summarize(input);
      if (input.promptVersion !== version) {
        return result;
      }
      const output: ModelOutput = {
        en: {
          ...result.output.en,
          headline,
          summary: 'The council approved 999 new parking spaces on Monday. Nothing else was decided.',
        },
        de: {
          ...result.output.de,
          summary: 'Der Rat beschloss am Montag 999 neue Parkplätze. Sonst wurde nichts entschieden.',
        },
      };
      // What the figures check says of an invented number; the checks themselves are tested in test/checks.
      const checks: CheckReport = {
        passed: false,
        failures: [
          {
            check: 'figures',
            language: 'en',
            field: 'summary',
            text: '999',
            detail: 'The figure 999 does not occur in the article.',
          },
        ],
      };
      return { ...result, output, checks };
    },
  };
}

async function runSamples(
  summarizer: Summarizer,
  config: ReturnType<typeof createTestConfig>,
): Promise<EvalRun> {
  return runEval({
    summarizer,
    articles: readEvalArticles({ samplesDirectory: SAMPLES }),
    versions: ['v1', 'v2'],
    mode: config.mode,
    costEstimator: createCostEstimator(),
    textLimits: config.limits,
  });
}

describe('ROUGE', () => {
  it('tokenizes into lower-cased words of Unicode letters and digits, keeping umlauts and ß inside words', () => {
    expect(tokenizeForRouge('„Die Straße“ – Öl-Preis: 3,5 Prozent! ÄRGER über Müll.')).toEqual([
      'die',
      'straße',
      'öl',
      'preis',
      '3',
      '5',
      'prozent',
      'ärger',
      'über',
      'müll',
    ]);
  });

  it('gives the hand-computed ROUGE-1 12/13, ROUGE-2 8/11 and ROUGE-L 12/13 for one inserted word', () => {
    const scores = computeRouge('The cat was found under the bed.', 'The cat was under the bed.');
    // Unigrams: 6 of 7 candidate words match all 6 reference words.
    expect(scores.rouge1.precision).toBeCloseTo(6 / 7, 10);
    expect(scores.rouge1.recall).toBe(1);
    expect(scores.rouge1.f1).toBeCloseTo(12 / 13, 10);
    // Bigrams: the cat, cat was, under the, the bed match (4 of 6 candidate, 4 of 5 reference).
    expect(scores.rouge2.precision).toBeCloseTo(4 / 6, 10);
    expect(scores.rouge2.recall).toBeCloseTo(4 / 5, 10);
    expect(scores.rouge2.f1).toBeCloseTo(8 / 11, 10);
    // Longest common subsequence: the cat was under the bed (6).
    expect(scores.rougeL.f1).toBeCloseTo(12 / 13, 10);
  });

  it("matches the published example of Google's rouge-score package", () => {
    // rouge_scorer.score('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.')
    const scores = computeRouge(
      'The quick brown dog jumps on the log.',
      'The quick brown fox jumps over the lazy dog',
    );
    expect(scores.rouge1.precision).toBeCloseTo(0.75, 4);
    expect(scores.rouge1.recall).toBeCloseTo(0.6667, 4);
    expect(scores.rouge1.f1).toBeCloseTo(0.7059, 4);
    expect(scores.rougeL.precision).toBeCloseTo(0.625, 4);
    expect(scores.rougeL.recall).toBeCloseTo(0.5556, 4);
    expect(scores.rougeL.f1).toBeCloseTo(0.5882, 4);
  });

  it('scores German word order by its hand-computed n-gram and subsequence overlap', () => {
    const candidate = tokenizeForRouge('Die Bürgermeisterin eröffnet die Brücke.');
    const reference = tokenizeForRouge('Die Brücke eröffnet die Bürgermeisterin heute');
    // 5 of 5 candidate words occur in the 6 reference words ("die" twice in both).
    expect(rougeN(candidate, reference, 1).f1).toBeCloseTo(10 / 11, 10);
    // die bürgermeisterin, eröffnet die, die brücke: 3 of 4 and 3 of 5 bigrams.
    expect(rougeN(candidate, reference, 2).f1).toBeCloseTo(2 / 3, 10);
    // die … eröffnet die: 3, so P = 3/5 and R = 3/6.
    expect(longestCommonSubsequence(candidate, reference)).toBe(3);
    expect(rougeL(candidate, reference).f1).toBeCloseTo(6 / 11, 10);
  });

  it('clips repeated n-grams to how often the reference has them', () => {
    const scores = rougeN(['the', 'the', 'the'], ['the', 'cat'], 1);
    expect(scores.precision).toBeCloseTo(1 / 3, 10);
    expect(scores.recall).toBeCloseTo(1 / 2, 10);
  });

  it('gives 1 for identical texts and 0 for disjoint or empty ones', () => {
    expect(computeRouge('Putin droht Südkorea.', 'putin droht südkorea').rougeL.f1).toBe(1);
    expect(computeRouge('Putin droht Südkorea.', 'Ein Brand in Reinsfeld.').rouge1.f1).toBe(0);
    expect(computeRouge('', 'Ein Brand in Reinsfeld.').rouge2).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(computeRouge('Brand', 'Brand').rouge2.f1).toBe(0);
  });
});

describe('the eval harness on the samples in replay mode', () => {
  const out = temporaryDirectory('brief-eval-');
  let result: Awaited<ReturnType<typeof evalCommand>>;

  beforeAll(async () => {
    result = await evalCommand([
      '--prompt',
      'summarize@v1',
      '--prompt',
      'summarize@v2',
      '--out',
      out,
      '--max-rouge-drop',
      '0.02',
      '--max-check-failures-increase',
      '0',
      '--min-validity',
      '1.0',
      '--min-evidence-verified',
      '1',
    ]);
  });

  it('passes the gate when v2 is within the thresholds, and exits 0', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(EVAL_EXIT.ok);
    expect(result.stdout).toContain('✓ --max-rouge-drop summarize@v2');
    expect(result.stdout).toContain('✓ --min-validity summarize@v2: schema validity 100.0%');
    expect(result.stdout).toContain('✓ coverage summarize@v2: summarize@v2 was evaluated on all 5 articles');
    expect(result.stdout).toContain('Gate passed.');
  });

  it('prints the totals of both versions and their difference', () => {
    expect(result.stdout).toContain('| Metric | summarize@v1 | summarize@v2 | Δ v2 − v1 |');
    expect(result.stdout).toContain(
      '| Valid / invalid / no recording / skipped / error | 5 / 0 / 0 / 0 / 0 | 5 / 0 / 0 / 0 / 0 |',
    );
    expect(result.stdout).toContain('| Schema validity | 100.0% | 100.0% | ±0.0 pp |');
    expect(result.stdout).toContain('| Evidence verified | – | 100.0% | – |');
    expect(result.stdout).toMatch(/\| ROUGE-L F1 \(DE\) \| 0\.\d{3} \| 0\.\d{3} \| [+−±]0\.\d{3} /);
  });

  it('writes both versions’ headlines of the seed article side by side, with ROUGE against its reference', () => {
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    const v1 = seedAuthored['summarize@v1'];
    const v2 = seedAuthored['summarize@v2'];
    if (!v1 || !v2) throw new Error('the seed article has authored outputs for v1 and v2');
    expect(markdown).toContain(`| Headline (EN) | ${v1.en.headline} | ${v2.en.headline} |`);
    expect(markdown).toContain(`| Headline (DE) | ${v1.de.headline} | ${v2.de.headline} |`);
    const rougeEn = computeRouge(v1.en.summary, seedReference.en);
    const expected = [rougeEn.rouge1, rougeEn.rouge2, rougeEn.rougeL]
      .map((score) => score.f1.toFixed(3))
      .join(' / ');
    expect(markdown).toContain(`| ROUGE-1 / 2 / L F1 (EN) | ${expected} |`);
    expect(markdown).toContain('evidence: „Russlands Präsident Wladimir Putin kündigte an');
    expect(markdown).toContain('✓ verified');
    expect(markdown).toContain('## Differences: summarize@v2 − summarize@v1');

    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(v1.en.headline.replace(/'/g, '&#39;'));
    expect(html).toContain(v2.de.headline);
    expect(html).toContain('<td class="number">100.0%</td>');

    const results = readJson<{
      totals: Array<{ version: string; valid: number; usage: { input_tokens: number } }>;
    }>(path.join(out, 'results.json'));
    expect(results.totals.map((totals) => [totals.version, totals.valid])).toEqual([
      ['v1', 5],
      ['v2', 5],
    ]);
    expect(results.totals[0]?.usage.input_tokens).toBeGreaterThan(0);
  });

  it('exits 1 and names the threshold when v2 cannot meet it (v2 costs more than v1)', async () => {
    const failing = await evalCommand([
      '--prompt',
      'summarize@v1',
      '--prompt',
      'summarize@v2',
      '--out',
      temporaryDirectory('brief-eval-'),
      '--max-cost-increase',
      '0',
      '--min-validity',
      '1',
    ]);
    expect(failing.status).toBe(EVAL_EXIT.gateFailed);
    expect(failing.stdout).toMatch(
      /✗ --max-cost-increase summarize@v2: \$0\.\d{4} against \$0\.\d{4} for summarize@v1 \(\+\d+\.\d%\); at most \+0\.0% allowed/,
    );
    expect(failing.stdout).toContain('✓ --min-validity summarize@v2');
    expect(failing.stdout).toContain('Gate FAILED.');
  });

  it('refuses unknown versions and out-of-range thresholds with exit status 2', async () => {
    const unknown = await evalCommand(['--prompt', 'summarize@v1', '--prompt', 'summarize@v9']);
    expect(unknown.status).toBe(EVAL_EXIT.usage);
    expect(unknown.stderr).toContain('Unknown prompt version(s): summarize@v9');
    const outOfRange = await evalCommand(['--max-rouge-drop', '2']);
    expect(outOfRange.status).toBe(EVAL_EXIT.usage);
    expect(outOfRange.stderr).toContain('--max-rouge-drop');
    const baseUrlWithoutLive = await evalCommand(['--base-url', 'http://127.0.0.1:1']);
    expect(baseUrlWithoutLive.stderr).toContain('--base-url only applies with --live');
  });
});

describe('the eval gate against a degraded candidate', () => {
  it('fails on the ROUGE drop and the new check failures, and lists the regressed articles', async () => {
    const { config, brief } = replayBrief();
    const run = await runSamples(degradeVersion(brief.summarizer, 'v2', 'Parking news'), config);
    const report = createEvalReport(run, {
      baseline: 'v1',
      candidates: ['v2'],
      thresholds: { maxRougeDrop: 0.02, maxCheckFailuresIncrease: 0, minValidity: 1 },
    });
    expect(report.gate.passed).toBe(false);
    const byRule = Object.fromEntries(report.gate.results.map((result) => [result.rule, result]));
    expect(byRule['--max-rouge-drop']?.passed).toBe(false);
    expect(byRule['--max-rouge-drop']?.message).toMatch(/ROUGE-1 F1 \(EN\) dropped by 0\.\d{3}/);
    expect(byRule['--max-check-failures-increase']?.passed).toBe(false);
    expect(byRule['--max-check-failures-increase']?.message).toMatch(
      /^\d+ check failure\(s\) against 0 for summarize@v1/,
    );
    expect(byRule['--min-validity']?.passed).toBe(true);

    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('**Failed**');
    expect(markdown).toMatch(/- seed-article: ROUGE-L F1 \(EN\) 0\.\d{3} → 0\.\d{3} \(−0\.\d{3}\)/);
    expect(markdown).toMatch(/- summarize@v2 · figures · EN · summary · „999“/);
    await brief.close();
  });

  it('passes the same thresholds when the candidate is not degraded', async () => {
    const { config, brief } = replayBrief();
    const run = await runSamples(brief.summarizer, config);
    const report = createEvalReport(run, {
      baseline: 'v1',
      candidates: ['v2'],
      thresholds: { maxRougeDrop: 0.02, maxCheckFailuresIncrease: 0, minValidity: 1 },
    });
    expect(report.gate.results.map((result) => [result.rule, result.passed])).toEqual([
      ['coverage', true],
      ['--max-rouge-drop', true],
      ['--max-check-failures-increase', true],
      ['--min-validity', true],
    ]);
    await brief.close();
  });

  it('fails the coverage rule when the candidate has no recording for an article the baseline has', async () => {
    const { config, brief } = replayBrief();
    const withoutSeedRecording: Summarizer = {
      resolvePrompt: brief.summarizer.resolvePrompt,
      async summarize(input) {
        if (input.promptVersion === 'v2' && input.text.includes('Nordkorea')) {
          throw new ServiceUnavailableError('recording-not-found', 'No recording.');
        }
        return brief.summarizer.summarize(input);
      },
    };
    const run = await runSamples(withoutSeedRecording, config);
    const report = createEvalReport(run, {
      baseline: 'v1',
      candidates: ['v2'],
      thresholds: { minValidity: 1 },
    });
    expect(report.gate.results[0]).toEqual({
      rule: 'coverage',
      candidate: 'summarize@v2',
      passed: false,
      message: 'summarize@v2 was not evaluated on 1 article(s) summarize@v1 was: seed-article (no-recording)',
    });
    expect(report.gate.results[1]).toMatchObject({ rule: '--min-validity', passed: true });
    expect(renderReportMarkdown(report)).toContain(
      '- seed-article: no-recording (No recorded model response',
    );
    await brief.close();
  });

  it('escapes a headline with a script tag in the HTML and the Markdown report', async () => {
    const { config, brief } = replayBrief();
    const headline = '<script>alert("owned")</script> & <img src=x onerror=alert(1)>';
    const run = await runSamples(degradeVersion(brief.summarizer, 'v2', headline), config);
    const report = createEvalReport(run, { baseline: 'v1', candidates: ['v2'], thresholds: {} });
    const html = await renderReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    const markdown = renderReportMarkdown(report);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain(
      '&lt;script&gt;alert("owned")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(escapeMarkdownCell('a | b\n*c*')).toBe('a \\| b<br>\\*c\\*');
    await brief.close();
  });
});

describe('the eval harness on a corpus folder', () => {
  const corpus = temporaryDirectory('brief-eval-corpus-');
  writeFileSync(
    path.join(corpus, 'rathaus.txt'),
    'Der Gemeinderat von Altenbrück hat am Montagabend mit 14 zu 3 Stimmen beschlossen, das Rathaus für 2,1 Millionen Euro zu sanieren. Die Arbeiten sollen im Frühjahr beginnen und bis Ende des kommenden Jahres dauern. Bürgermeisterin Anna Keller sprach von einer überfälligen Entscheidung.',
  );
  writeFileSync(path.join(corpus, 'kurz.txt'), 'Zu kurz für eine Zusammenfassung.');

  it('reports corpus articles without a recording as "no recording" rows in replay mode, not as crashes', async () => {
    const out = temporaryDirectory('brief-eval-');
    const result = await evalCommand([
      '--prompt',
      'summarize@v1',
      '--prompt',
      'summarize@v2',
      '--corpus',
      corpus,
      '--out',
      out,
      '--min-validity',
      '1',
    ]);
    expect(result.status).toBe(EVAL_EXIT.ok);
    expect(result.stdout).toContain('| 5 / 0 / 1 / 1 / 0 | 5 / 0 / 1 / 1 / 0 |');
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('- rathaus (corpus): summarize@v1 no recording; summarize@v2 no recording');
    expect(markdown).toMatch(/- kurz \(corpus\): summarize@v1 skipped: The article text is too short/);
    expect(markdown).not.toContain('Zu kurz für eine Zusammenfassung');
  });
});

describe('the eval harness in live mode against the fake Messages API', () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('summarizes every sample with both versions through --base-url and reports them', async () => {
    const out = temporaryDirectory('brief-eval-');
    const result = await evalCommand(
      [
        '--live',
        '--base-url',
        fake.url,
        '--prompt',
        'summarize@v1',
        '--prompt',
        'summarize@v2',
        '--out',
        out,
      ],
      { loadLiveConfig: () => createTestConfig({ ANTHROPIC_API_KEY: 'test-key-for-the-fake' }) },
    );
    expect(result.stderr).toContain('in live mode');
    expect(result.status).toBe(EVAL_EXIT.ok);
    expect(fake.calls.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fake.calls.map((call) => call.article)).size).toBe(5);
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('- Mode: live');
    expect(markdown).toContain(
      '| Valid / invalid / no recording / skipped / error | 5 / 0 / 0 / 0 / 0 | 5 / 0 / 0 / 0 / 0 |',
    );
  });

  it('refuses --live without an API key', async () => {
    const result = await evalCommand(['--live'], { loadLiveConfig: () => createTestConfig() });
    expect(result.status).toBe(EVAL_EXIT.usage);
    expect(result.stderr).toContain('--live calls the Messages API: set ANTHROPIC_API_KEY');
  });
});

describe('npm run eval', () => {
  it('exits with status 1 from the script itself when a gate fails', async () => {
    const run = promisify(execFile);
    const out = temporaryDirectory('brief-eval-');
    const error = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/eval.ts',
        '--prompt',
        'summarize@v1',
        '--prompt',
        'summarize@v2',
        '--out',
        out,
        '--max-cost-increase',
        '0',
      ],
      { cwd: PROJECT_ROOT },
    ).then(
      () => undefined,
      (failure: { code?: number; stdout?: string }) => failure,
    );
    expect(error?.code).toBe(EVAL_EXIT.gateFailed);
    expect(error?.stdout).toContain('✗ --max-cost-increase summarize@v2');
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('**Failed**: 1 of 2 rules.');
  });
});
