import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { createTestBrief, postJson } from './support/create-test-brief.js';
import { type FakeMessagesApi, startFakeMessagesApi } from './support/fake-messages-api/index.js';
import { liveEnv } from './support/live-env.js';

const SEED = readFileSync(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'), 'utf8');
const MODEL = 'claude-sonnet-4-6';

interface SpanNode {
  span: ReadableSpan;
  children: SpanNode[];
}

/** The spans of one trace as a tree, children in the order they started. */
function spanTree(spans: readonly ReadableSpan[]): SpanNode {
  const nodes = new Map(
    spans.map((span) => [span.spanContext().spanId, { span, children: [] as SpanNode[] }]),
  );
  let root: SpanNode | undefined;
  for (const node of [...nodes.values()].sort(
    (left, right) =>
      left.span.startTime[0] - right.span.startTime[0] || left.span.startTime[1] - right.span.startTime[1],
  )) {
    const parent = node.span.parentSpanContext && nodes.get(node.span.parentSpanContext.spanId);
    if (parent) {
      parent.children.push(node);
    } else {
      expect(root, 'one root span').toBeUndefined();
      root = node;
    }
  }
  if (!root) {
    throw new Error('No root span.');
  }
  return root;
}

function shape(node: SpanNode): unknown {
  return node.children.length === 0
    ? node.span.name
    : { [node.span.name]: node.children.map((child) => shape(child)) };
}

function find(node: SpanNode, name: string): SpanNode[] {
  return [...(node.span.name === name ? [node] : []), ...node.children.flatMap((child) => find(child, name))];
}

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let fake: FakeMessagesApi;

beforeAll(async () => {
  provider.register();
  fake = await startFakeMessagesApi();
});

afterEach(() => {
  exporter.reset();
  fake.reset();
});

afterAll(async () => {
  await fake.close();
  await provider.shutdown();
  trace.disable();
});

describe('traces', () => {
  it('shows one summary with a repair as a tree: request, prepare, cache, queue wait, model calls, checks, repair', async () => {
    fake.script('invalid_output', 'ok');
    const brief = createTestBrief({ env: liveEnv(fake, { BRIEF_CACHE_ENABLED: 'true' }) });
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meta: { attempts: number; request_id: string } };
    expect(body.meta.attempts).toBe(2);

    const spans = exporter.getFinishedSpans();
    const root = spanTree(spans);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(shape(root)).toEqual({
      'POST /v1/summaries': [
        'brief.prepare',
        'brief.cache.get',
        {
          'brief.summarize': [
            'brief.queue_wait',
            `chat ${MODEL}`,
            { 'brief.repair': [`chat ${MODEL}`] },
            'brief.checks',
          ],
        },
        'brief.cache.set',
      ],
    });
    expect(root.span.kind).toBe(SpanKind.SERVER);
    expect(root.span.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/summaries',
      'http.response.status_code': 200,
      'brief.request_id': body.meta.request_id,
    });
    expect(find(root, 'brief.repair')[0]?.span.attributes).toMatchObject({
      'brief.repair.attempt': 2,
      'brief.repair.reason': 'invalid-output',
    });
    const [first, second] = find(root, `chat ${MODEL}`);
    for (const call of [first, second]) {
      expect(call?.span.attributes).toMatchObject({
        'gen_ai.system': 'anthropic',
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': MODEL,
        'gen_ai.response.model': MODEL,
        'gen_ai.response.finish_reasons': ['end_turn'],
      });
      expect(call?.span.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(100);
      expect(call?.span.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(10);
    }
    expect(find(root, 'brief.cache.get')[0]?.span.attributes).toMatchObject({
      'brief.cache.store': 'memory',
      'brief.cache.hit': false,
    });
    expect(find(root, 'brief.checks')[0]?.span.attributes['brief.checks.passed']).toBe(true);

    // No article text, prompt or summary in any attribute.
    const values = spans.flatMap((span) => Object.values(span.attributes).flat().map(String));
    const sentence = SEED.trim().split('\n')[0]?.slice(0, 40) ?? '';
    expect(sentence.length).toBe(40);
    expect(values.some((value) => value.includes(sentence) || value.length > 200)).toBe(false);

    const traceId = root.span.spanContext().traceId;
    const requestLine = brief.logs().find((line) => line.msg === 'request');
    expect(requestLine).toMatchObject({ trace_id: traceId, request_id: body.meta.request_id });
  });

  it('puts the trace id in problem documents, and marks the failed call', async () => {
    fake.script('bad_request');
    const brief = createTestBrief({ env: liveEnv(fake) });
    const response = await postJson(brief.app, { text: SEED });
    expect(response.status).toBe(502);
    const problem = (await response.json()) as { trace_id?: string };
    const root = spanTree(exporter.getFinishedSpans());
    expect(problem.trace_id).toBe(root.span.spanContext().traceId);
    expect(root.span.attributes['http.response.status_code']).toBe(502);
    const [call] = find(root, `chat ${MODEL}`);
    expect(call?.span.status.code).toBe(SpanStatusCode.ERROR);
  });
});
