import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { craftedCheckRequest } from './support/crafted-check-request.js';
import { createTestBrief } from './support/create-test-brief.js';

// Adversarial input against every endpoint that reads text, with the event loop watched: no request
// may hold it longer than EVENT_LOOP_BUDGET_MS. `npm test` runs a few cases per endpoint;
// `npm run soak` runs many more (BRIEF_FUZZ_RUNS).
const RUNS = Number(process.env.BRIEF_FUZZ_RUNS ?? 12);
const EVENT_LOOP_BUDGET_MS = 100;
const HISTOGRAM_SETTLE_MS = 25;
const BUSY_MACHINE_RETRIES = 2;
const KEY = 'hostile-event-loop-test-key-0123456789abcdef';
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
// Replay mode: a request that reaches the model answers 503 recording-not-found, a batch 503
// batches-need-live-mode. Those are answers about the mode; no other 5xx may come from input.
const EXPECTED_5XX_TYPES = new Set(['/problems/recording-not-found', '/problems/batches-need-live-mode']);

const brief = createTestBrief({ env: { BRIEF_API_KEYS: KEY }, cpuTaskPool: {} });
const { app } = brief;
const histogram = monitorEventLoopDelay({ resolution: 10 });
beforeAll(async () => {
  // The pool warmed up, as the server's is soon after it listens (src/index.ts); eld lives only there.
  await brief.cpuTasks.warmUp();
  histogram.enable();
});
afterAll(async () => {
  histogram.disable();
  await brief.close();
});

const QUOTATION_MARKS = ['„', '“', '”', '"', '«', '»', '‹', '›', '‚', '‘', '’', "'", '「'];
const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '-', '–', '—', '…', ' ', '\n', '"', "'"];
const INVISIBLES = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u2066',
  '\u2069',
  '\u202e',
  '\u{E0041}',
  '\u{E007F}',
];
const MIXED_SCRIPTS = ['Москва', 'القاهرة', '東京', 'Αθήνα', 'ไทย', '🙂', 'e\u0301', 'İ', 'ß', 'Ǆ'];

/** A run of one character (or a short unit), long enough to hurt a quadratic or backtracking step. */
const run = (units: string[], maxLength: number) =>
  fc
    .tuple(fc.constantFrom(...units), fc.integer({ min: 1_000, max: maxLength }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Text an attacker (or a broken plug-in) would send: runs, nesting, long words, odd scripts. */
const adversarialText = (maxLength: number) =>
  fc.oneof(
    run(QUOTATION_MARKS, maxLength),
    run(PUNCTUATION, maxLength),
    run(INVISIBLES, maxLength),
    run(['ä', 'Wort', 'x'], maxLength),
    run(MIXED_SCRIPTS, maxLength),
    fc
      .array(fc.constantFrom(...QUOTATION_MARKS, ...PUNCTUATION, 'Er sagte ', 'Berlin ', '12,5 ', '1.000 '), {
        minLength: 100,
        maxLength: Math.min(5_000, maxLength),
      })
      .map((parts) => parts.join('')),
    fc
      .tuple(
        fc.integer({ min: 0, max: SEED.length }),
        run([...QUOTATION_MARKS, ...INVISIBLES], maxLength / 2),
      )
      .map(([at, noise]) => `${SEED.slice(0, at)}${noise}${SEED.slice(at)}`),
  );

const keyPoint = fc.oneof(
  adversarialText(4_000),
  fc.record({ text: adversarialText(4_000), evidence: adversarialText(8_000) }),
);
const languageSummary = fc.record({
  headline: adversarialText(2_000),
  summary: adversarialText(20_000),
  key_points: fc.oneof(
    fc.array(keyPoint, { maxLength: 6 }),
    fc.integer({ min: 100, max: 50_000 }).map((count) => Array.from({ length: count }, () => '')),
    fc.integer({ min: 100, max: 5_000 }).map((count) => Array.from({ length: count }, () => '„a')),
  ),
});
const checkBody = fc.oneof(
  fc
    .record({
      text: fc.oneof(fc.constant(SEED), adversarialText(50_000)),
      summaries: fc.record({ en: languageSummary, de: languageSummary }, { requiredKeys: [] }),
    })
    .map((fields) => JSON.stringify(fields)),
  // Valid and as costly as we know: every field at its limit, dense with names, figures and quotations.
  fc
    .tuple(fc.integer({ min: 10_000, max: 60_000 }), fc.nat(1_000))
    .map(([sourceChars, variant]) => JSON.stringify(craftedCheckRequest(sourceChars, variant))),
);

const NESTING_TAGS = ['div', 'h1', 'ol><li', 'ul><li', 'table><tr><td', 'span', 'blockquote', 'p'];
/** HTML within the body limit: `unit` repeated to about `chars` characters. */
const repeatedTo = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
const htmlBody = fc.oneof(
  // Within the limits and costly to convert: plain paragraphs, and blocks nested just within the depth limit.
  fc
    .integer({ min: 100_000, max: 450_000 })
    .map((chars) => `<html><body>${repeatedTo(`<p>${SEED.slice(0, 2_000)}</p>`, chars)}</body></html>`),
  fc
    .tuple(fc.integer({ min: 100_000, max: 450_000 }), fc.integer({ min: 200, max: 250 }))
    .map(([chars, depth]) =>
      repeatedTo(`${'<div>'.repeat(depth)}<p>Absatz mit Text.</p>${'</div>'.repeat(depth)}`, chars),
    ),
  fc
    .tuple(fc.constantFrom(...NESTING_TAGS), fc.integer({ min: 1_000, max: 60_000 }))
    .map(([tag, depth]) => `${`<${tag}>`.repeat(depth)}<p>${SEED}</p>`),
  fc
    .tuple(fc.constantFrom(...NESTING_TAGS), fc.integer({ min: 1_000, max: 40_000 }))
    .map(([tag, count]) => `<p>${SEED}</p>${`<${tag}>x</${tag.split('><')[0]}>`.repeat(count)}`),
  adversarialText(200_000).map((text) => `<html><body><p>${text}</p></body></html>`),
  fc
    .integer({ min: 1_000, max: 50_000 })
    .map((count) => `<p>${SEED}</p>${'<!--'.repeat(count)}${'<a href="'.repeat(count)}`),
);
const summaryJsonBody = fc
  .record(
    {
      text: fc.oneof(adversarialText(60_000), fc.constant(SEED)),
      title: adversarialText(5_000),
      lead: adversarialText(5_000),
    },
    { requiredKeys: ['text'] },
  )
  .map((fields) => JSON.stringify(fields));
const batchBody = fc.oneof(
  fc.integer({ min: 100, max: 5_000 }).map((count) =>
    JSON.stringify({
      articles: Array.from({ length: count }, (_, index) => ({ article_id: `a${index}`, text: 'x' })),
    }),
  ),
  fc
    .array(
      fc.record({
        article_id: adversarialText(2_000),
        text: fc.oneof(adversarialText(20_000), fc.constant(SEED)),
      }),
      {
        minLength: 1,
        maxLength: 20,
      },
    )
    .map((articles) => JSON.stringify({ articles })),
);

/** Sends one request and returns the longest event-loop delay seen while it ran. */
async function send(
  route: string,
  contentType: string,
  body: string,
): Promise<{ response: Response; text: string; delayMs: number }> {
  histogram.reset();
  // After a reset the histogram needs one tick of its timer before it measures a stall again.
  await new Promise((resolve) => setTimeout(resolve, HISTOGRAM_SETTLE_MS));
  const response = await app.request(route, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  // One more turn of the loop, so a delay caused at the very end is sampled too.
  await new Promise((resolve) => setTimeout(resolve, 15));
  return { response, text, delayMs: histogram.max / 1e6 };
}

async function expectBoundedAnswer(route: string, contentType: string, body: string): Promise<void> {
  let { response, text, delayMs } = await send(route, contentType, body);
  // A busy machine (2 cores, shared) can pause the process now and then, even twice running; work
  // that really holds the loop does it on every try.
  for (let retry = 0; retry < BUSY_MACHINE_RETRIES && delayMs > EVENT_LOOP_BUDGET_MS; retry += 1) {
    ({ response, text, delayMs } = await send(route, contentType, body));
  }
  const status = response.status;
  expect(
    delayMs,
    `${route} ${status}: event loop held ${delayMs.toFixed(0)} ms (body ${body.length} chars)`,
  ).toBeLessThanOrEqual(EVENT_LOOP_BUDGET_MS);
  if (status >= 200 && status < 300) {
    return;
  }
  expect(response.headers.get('content-type'), `${status} ${text.slice(0, 200)}`).toBe(
    'application/problem+json',
  );
  const problem = JSON.parse(text) as { type: string; status: number; detail: string };
  expect(problem.status).toBe(status);
  expect(problem.detail.length).toBeGreaterThan(0);
  if (status >= 500) {
    expect(EXPECTED_5XX_TYPES.has(problem.type), `${status} ${problem.type}: ${problem.detail}`).toBe(true);
  }
}

describe('hostile input never holds the event loop for more than 100 ms', () => {
  it('fact-checks adversarial summaries against adversarial text within the budget', async () => {
    await fc.assert(
      fc.asyncProperty(checkBody, (body) => expectBoundedAnswer('/v1/checks', 'application/json', body)),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('reads deeply nested and adversarial HTML within the budget', async () => {
    await fc.assert(
      fc.asyncProperty(htmlBody, (body) => expectBoundedAnswer('/v1/summaries', 'text/html', body)),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('reads adversarial JSON and plain-text articles within the budget', async () => {
    await fc.assert(
      fc.asyncProperty(summaryJsonBody, fc.boolean(), (body, asPlainText) =>
        asPlainText
          ? expectBoundedAnswer('/v1/summaries', 'text/plain', (JSON.parse(body) as { text: string }).text)
          : expectBoundedAnswer('/v1/summaries', 'application/json', body),
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('reads adversarial batches, many tiny items included, within the budget', async () => {
    await fc.assert(
      fc.asyncProperty(batchBody, (body) => expectBoundedAnswer('/v1/batches', 'application/json', body)),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
