import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { TokenUsage } from '../llm/token-usage.js';
import type { ModelCall } from '../summarize/create-summarizer.js';
import type { UpstreamLimiter } from '../summarize/create-upstream-limiter.js';

/** Whole requests: from milliseconds (health, validation errors) to a minute (queue, model, repair). */
const REQUEST_DURATION_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60,
];
/** One model call: seconds to tens of seconds. */
const UPSTREAM_DURATION_BUCKETS_SECONDS = [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

const TOKEN_KINDS = {
  input: 'input_tokens',
  output: 'output_tokens',
  cache_write: 'cache_creation_input_tokens',
  cache_read: 'cache_read_input_tokens',
} as const satisfies Record<string, keyof TokenUsage>;

export interface RequestRecord {
  method: string;
  /** The route template (`/v1/batches/:id`), never the raw path: labels must stay few. */
  route: string;
  status: number;
  durationSeconds: number;
  /** The caller's key id (bounded by the keys file); `none` before a key was read (401). */
  keyId?: string | undefined;
}

export interface SpendRecord {
  /** The key the call is booked to. */
  keyId: string;
  model: string;
  usage: TokenUsage;
  /** Null for a model without a price. */
  costUsd: number | null;
}

/** A key id label for requests that carry none. */
export const NO_KEY_LABEL = 'none';

export interface Metrics {
  readonly registry: Registry;
  /** The Prometheus text exposition format's content type. */
  readonly contentType: string;
  recordRequest(request: RequestRecord): void;
  /** Times a model call. */
  recordModelCall(call: ModelCall): void;
  /** Counts a model call's tokens and cost for the key it is booked to. */
  recordSpend(spend: SpendRecord): void;
  recordRepair(): void;
  recordValidationFailure(failure: { kind: 'json' | 'schema' }): void;
  recordCacheHit(): void;
  recordCacheMiss(): void;
  /** The cache store failed (Redis down): the request was served uncached. */
  recordCacheError(): void;
  /** A model call was admitted by the shared upstream budget after waiting this long. */
  recordBudgetAdmission(event: { model: string; waitedMs: number }): void;
  /** A model call could not be admitted before its deadline: 503 upstream-budget-exhausted. */
  recordBudgetRejection(event: { model: string }): void;
  /** The model stayed overloaded; the fallback model was asked. */
  recordFallback(event: { from: string; to: string }): void;
  /** Everything in the registry, in the text format. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  /** Read at scrape time for the queue gauges. */
  limiter?: Pick<UpstreamLimiter, 'running' | 'queued'> | undefined;
  /** Process metrics (CPU, memory, event loop, GC): on by default. */
  collectDefaultMetrics?: boolean;
}

/**
 * Brief's Prometheus metrics in a registry of their own (never the global one), so every app, and
 * every test, counts for itself.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.collectDefaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
  }
  const registers = [registry];

  const requests = new Counter({
    name: 'brief_http_requests_total',
    help: 'HTTP requests answered, by method, route template, status and API key id.',
    labelNames: ['method', 'route', 'status', 'key_id'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: 'brief_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template.',
    labelNames: ['method', 'route'] as const,
    buckets: REQUEST_DURATION_BUCKETS_SECONDS,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: 'brief_upstream_request_duration_seconds',
    help: 'Time of one model API call (SDK retries included), by model and outcome.',
    labelNames: ['model', 'outcome'] as const,
    buckets: UPSTREAM_DURATION_BUCKETS_SECONDS,
    registers,
  });
  const tokens = new Counter({
    name: 'brief_tokens_total',
    help: 'Tokens billed by the model API, by API key id, model and kind (input, output, cache_write, cache_read).',
    labelNames: ['key_id', 'model', 'kind'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'brief_cost_usd_total',
    help: 'Estimated model API cost in USD at list prices, by API key id and model (models without a price are not counted).',
    labelNames: ['key_id', 'model'] as const,
    registers,
  });
  const repairs = new Counter({
    name: 'brief_repair_attempts_total',
    help: 'Repair re-asks sent to the model after an invalid answer.',
    registers,
  });
  const validationFailures = new Counter({
    name: 'brief_validation_failures_total',
    help: 'Model answers that were not valid JSON (kind="json") or failed the output schema (kind="schema").',
    labelNames: ['kind'] as const,
    registers,
  });
  const cacheLookups = new Counter({
    name: 'brief_cache_lookups_total',
    help: 'Summary cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers,
  });
  const cacheErrors = new Counter({
    name: 'brief_cache_errors_total',
    help: 'Cache store failures; the request was served uncached.',
    registers,
  });
  const budgetWait = new Histogram({
    name: 'brief_upstream_budget_wait_seconds',
    help: 'Time a model call waited for the shared upstream budget before it was sent, by model.',
    labelNames: ['model'] as const,
    buckets: [0, 0.1, 0.5, 1, 2, 5, 10, 20, 40],
    registers,
  });
  const budgetRejections = new Counter({
    name: 'brief_upstream_budget_rejections_total',
    help: 'Model calls refused (503) because the shared upstream budget would not refill before their deadline.',
    labelNames: ['model'] as const,
    registers,
  });
  const fallbacks = new Counter({
    name: 'brief_model_fallbacks_total',
    help: 'Summaries asked again with the fallback model after the model stayed overloaded or failed with 5xx.',
    labelNames: ['from', 'to'] as const,
    registers,
  });
  const { limiter } = options;
  new Gauge({
    name: 'brief_upstream_in_progress',
    help: 'Summaries holding an upstream slot (talking to the model) now.',
    registers,
    collect() {
      this.set(limiter?.running ?? 0);
    },
  });
  new Gauge({
    name: 'brief_upstream_queue_depth',
    help: 'Summaries waiting for an upstream slot now.',
    registers,
    collect() {
      this.set(limiter?.queued ?? 0);
    },
  });

  // Known label values start at zero, so a dashboard has a series before the first event.
  for (const result of ['hit', 'miss']) {
    cacheLookups.inc({ result }, 0);
  }
  for (const kind of ['json', 'schema']) {
    validationFailures.inc({ kind }, 0);
  }

  return {
    registry,
    contentType: registry.contentType,
    recordRequest({ method, route, status, durationSeconds, keyId }) {
      requests.inc({ method, route, status: String(status), key_id: keyId ?? NO_KEY_LABEL });
      requestDuration.observe({ method, route }, durationSeconds);
    },
    recordModelCall({ model, latencyMs, outcome }) {
      upstreamDuration.observe({ model, outcome }, latencyMs / 1000);
    },
    recordSpend({ keyId, model, usage, costUsd }) {
      for (const [kind, field] of Object.entries(TOKEN_KINDS)) {
        tokens.inc({ key_id: keyId, model, kind }, usage[field]);
      }
      if (costUsd !== null) {
        cost.inc({ key_id: keyId, model }, costUsd);
      }
    },
    recordRepair() {
      repairs.inc();
    },
    recordValidationFailure({ kind }) {
      validationFailures.inc({ kind });
    },
    recordCacheHit() {
      cacheLookups.inc({ result: 'hit' });
    },
    recordCacheMiss() {
      cacheLookups.inc({ result: 'miss' });
    },
    recordCacheError() {
      cacheErrors.inc();
    },
    recordBudgetAdmission({ model, waitedMs }) {
      budgetWait.observe({ model }, waitedMs / 1000);
    },
    recordBudgetRejection({ model }) {
      budgetRejections.inc({ model });
    },
    recordFallback({ from, to }) {
      fallbacks.inc({ from, to });
    },
    render() {
      return registry.metrics();
    },
  };
}
