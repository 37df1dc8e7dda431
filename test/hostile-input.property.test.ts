import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief } from './support/create-test-brief.js';

// Replay mode (no key): nothing leaves the process. A summary request valid enough to reach the model
// answers 503 recording-not-found, and a batch request 503 batches-need-live-mode: answers about this
// instance's mode, not faults. No other 5xx may come from a client's input.
const EXPECTED_5XX_TYPES = new Set(['/problems/recording-not-found', '/problems/batches-need-live-mode']);
const NUM_RUNS = 200;
const KEY = 'hostile-input-test-key-0123456789abcdef';
const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');

const { app } = createTestBrief({ env: { BRIEF_API_KEYS: KEY, BRIEF_MAX_TEXT_CHARS: '20000' } });
const AUTHORIZATION = { authorization: `Bearer ${KEY}` };

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((code) => String.fromCharCode(code));
const oddCharacter = fc.constantFrom(
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\u2028',
  '\u0301',
  '\u00a0',
  '</article>',
  '{{article}}',
  '\\u0000',
  '"',
);
/** Text with everything a careless parser trips over: lone surrogates, control characters, odd marks. */
const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: loneSurrogate },
    { weight: 2, arbitrary: controlCharacter },
    { weight: 1, arbitrary: oddCharacter },
    { weight: 4, arbitrary: fc.constantFrom('ä', 'ß', 'e', 'n', ' ', '.', '\n', '1', 'Der ', 'die ') },
  ),
  maxLength: 400,
});
/** German-looking text long enough to pass the length check, with hostile characters spliced in. */
const articleLikeText = fc
  .tuple(fc.integer({ min: 0, max: SEED.length }), hostileText)
  .map(([at, noise]) => `${SEED.slice(0, at)}${noise}${SEED.slice(at)}`);
const hugeText = fc
  .tuple(fc.integer({ min: 10_000, max: 30_000 }), fc.constantFrom('ä', 'a ', '.', '\u0000', '\ud800', '€'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const requestFields = fc.record(
  {
    text: fc.oneof(hostileText, articleLikeText, hugeText, fc.jsonValue()),
    title: fc.oneof(hostileText, fc.jsonValue()),
    lead: fc.oneof(hostileText, fc.jsonValue()),
    article_id: fc.oneof(hostileText, fc.jsonValue()),
    prompt_version: fc.oneof(
      fc.constantFrom('v1', 'v2', 'v0', 'v99999999999999999999', '../v1', ''),
      hostileText,
    ),
    options: fc.oneof(
      fc.record(
        {
          key_points: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
          max_chars: fc.oneof(
            fc.record({ headline: fc.jsonValue(), summary: fc.jsonValue() }, { requiredKeys: [] }),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    strict: fc.jsonValue(),
    __proto__: fc.jsonValue(),
    constructor: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** A piece of the article (names, figures, quotations) with hostile characters around it. */
const articleFragment = fc
  .tuple(fc.integer({ min: 0, max: SEED.length }), fc.integer({ min: 0, max: 300 }), hostileText)
  .map(([at, length, noise]) => `${SEED.slice(at, at + length)}${noise.slice(0, 40)}`);
const summaryText = fc.oneof(hostileText, articleFragment);
const languageSummary = fc.record({
  headline: summaryText,
  summary: summaryText,
  key_points: fc.array(
    fc.oneof(
      summaryText,
      fc.record({ text: summaryText, evidence: summaryText }, { requiredKeys: ['text'] }),
    ),
    { maxLength: 8 },
  ),
});
/** Check requests the schema accepts, so the fact checks themselves run on hostile text. */
const validCheckFields = fc.record({
  text: fc.oneof(articleLikeText, hostileText),
  summaries: fc.oneof(
    fc.record({ en: languageSummary, de: languageSummary }),
    fc.record({ de: languageSummary }),
    fc.record({ en: languageSummary }),
  ),
  options: fc.option(
    fc.record(
      {
        key_points: fc.integer({ min: 3, max: 7 }),
        max_chars: fc.record(
          { headline: fc.integer({ min: 40, max: 120 }), summary: fc.integer({ min: 150, max: 600 }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
});
const checkFields = fc.oneof(
  { weight: 4, arbitrary: validCheckFields },
  {
    weight: 1,
    arbitrary: fc.record(
      { text: fc.jsonValue(), summaries: fc.jsonValue(), options: fc.jsonValue() },
      { requiredKeys: [] },
    ),
  },
);

/** Any body at all: JSON or not, text or bytes, deep or huge. */
const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  requestFields.map((fields) => JSON.stringify(fields)),
  checkFields.map((fields) => JSON.stringify(fields)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  hostileText,
  articleLikeText,
  hugeText,
  fc.uint8Array({ maxLength: 2_000 }),
  fc
    .tuple(
      fc.integer({ min: 1, max: 100_000 }),
      fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
    )
    .map(([depth, kind]) => nested(depth, kind)),
  fc
    .tuple(requestFields, fc.integer({ min: 1, max: 5_000 }))
    .map(([fields, depth]) =>
      JSON.stringify(fields).replace(/^\{/, `{"options":${nested(depth, 'object')},`),
    ),
  fc.constantFrom(
    '',
    '{',
    '{"text":',
    'null',
    '[]',
    '"text"',
    '{"text":"\\ud800"}',
    '{"text":"\\u0000"}',
    '\u0000',
  ),
);

const mediaType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'text/plain',
    'text/html',
    'APPLICATION/JSON',
    'application/problem+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'application/xml',
    '*/*',
    '',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
);
const mediaParameters = fc.array(
  fc.oneof(
    fc.constantFrom(
      'charset=utf-8',
      'charset=latin1',
      'charset=utf-16',
      'charset=""',
      'charset',
      'boundary=----x',
      '=',
      ';',
      `q=${'9'.repeat(400)}`,
    ),
    fc
      .tuple(
        fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
      )
      .map(([name, value]) => `${name}=${value}`),
  ),
  { maxLength: 4 },
);
const contentType = fc.option(
  fc.tuple(mediaType, mediaParameters).map(([type, parameters]) => [type, ...parameters].join('; ')),
  { nil: undefined },
);

const latin1Text = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 200,
});
const authorization = fc.option(
  fc.oneof(
    fc.constant(`Bearer ${KEY}`),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'bearer  ',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${KEY} extra`,
      `Bearer\t${KEY}`,
      `BEARER ${KEY}`,
    ),
    latin1Text.map((text) => `Bearer ${text}`),
    latin1Text,
    fc.integer({ min: 1_000, max: 12_000 }).map((length) => `Bearer ${'k'.repeat(length)}`),
  ),
  { nil: undefined },
);
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'x-request-id',
    'accept',
    'accept-encoding',
    'origin',
    'content-encoding',
    'x-forwarded-for',
    'x-custom',
    'transfer-encoding',
    'expect',
  ),
  fc.oneof(
    latin1Text,
    fc.integer({ min: 1_000, max: 8_000 }).map((length) => 'x'.repeat(length)),
  ),
  { maxKeys: 4 },
);

const target = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ method: 'POST', path: '/v1/summaries' }) },
  { weight: 2, arbitrary: fc.constant({ method: 'POST', path: '/v1/checks' }) },
  { weight: 1, arbitrary: fc.constant({ method: 'POST', path: '/v1/batches' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'POST'),
      path: fc.oneof(
        fc.constantFrom(
          '/v1/summaries',
          '/v1/prompts',
          '/v1/batches/x',
          '/v1/batches/%00',
          '/v1//summaries',
          '/v1/summaries/',
          '/v1/%2e%2e/healthz',
        ),
        fc.webPath().map((webPath) => `/v1${webPath}`),
      ),
    }),
  },
);

async function expectNoServerFaultFor(request: Request): Promise<void> {
  const response = await app.request(request);
  const status = response.status;
  if (status >= 200 && status < 300) {
    await response.arrayBuffer();
    return;
  }
  const text = await response.text();
  if (status === 204 || status === 304 || request.method === 'OPTIONS') {
    return;
  }
  expect(response.headers.get('content-type'), `${status} ${text.slice(0, 300)}`).toBe(
    'application/problem+json',
  );
  const problem = JSON.parse(text) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    request_id: string;
  };
  expect(problem.status).toBe(status);
  expect(typeof problem.type).toBe('string');
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  expect(problem.request_id).toBe(response.headers.get('x-request-id'));
  if (status >= 500) {
    expect(EXPECTED_5XX_TYPES.has(problem.type), `${status} ${problem.type}: ${problem.detail}`).toBe(true);
  }
}

/** A Request the test can build; header values a fetch client could never send are skipped. */
function buildRequest(
  method: string,
  requestPath: string,
  headers: Record<string, string | undefined>,
  requestBody: string | Uint8Array | undefined,
): Request | undefined {
  try {
    const defined = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    return new Request(`http://brief.test${requestPath}`, {
      method,
      headers: defined,
      ...(requestBody === undefined || method === 'GET'
        ? {}
        : { body: typeof requestBody === 'string' ? requestBody : new Uint8Array(requestBody) }),
    });
  } catch {
    return undefined;
  }
}

describe('hostile input never makes Brief answer 5xx or crash', () => {
  it('answers any body with a 2xx or a problem document, never a 5xx of its own', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (requestBody, type) => {
        const request = buildRequest(
          'POST',
          '/v1/summaries',
          { ...AUTHORIZATION, 'content-type': type },
          requestBody,
        );
        fc.pre(request !== undefined);
        await expectNoServerFaultFor(request as Request);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers any request-shaped JSON with text/plain, html or JSON alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        requestFields,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'text/html; charset=iso-8859-1',
        ),
        async (fields, type) => {
          const request = buildRequest(
            'POST',
            '/v1/summaries',
            { ...AUTHORIZATION, 'content-type': type },
            type.startsWith('application/json') ? JSON.stringify(fields) : String(fields.text ?? ''),
          );
          fc.pre(request !== undefined);
          await expectNoServerFaultFor(request as Request);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('fact-checks any summaries against any text without failing', async () => {
    await fc.assert(
      fc.asyncProperty(checkFields, async (fields) => {
        const request = buildRequest(
          'POST',
          '/v1/checks',
          { ...AUTHORIZATION, 'content-type': 'application/json' },
          JSON.stringify(fields),
        );
        fc.pre(request !== undefined);
        await expectNoServerFaultFor(request as Request);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers odd methods, paths, content types and headers, with or without a key', async () => {
    await fc.assert(
      fc.asyncProperty(
        target,
        body,
        contentType,
        authorization,
        extraHeaders,
        async (where, requestBody, type, key, headers) => {
          const request = buildRequest(
            where.method,
            where.path,
            { ...headers, 'content-type': type, authorization: key },
            requestBody,
          );
          fc.pre(request !== undefined);
          await expectNoServerFaultFor(request as Request);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
