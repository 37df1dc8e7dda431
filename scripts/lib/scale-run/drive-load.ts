import { setTimeout as sleep } from 'node:timers/promises';

const CLIENT_TIMEOUT_MS = 90_000;
const PROGRESS_EVERY_SECONDS = 15;
const SEED = 7;

/** What one request through the balancer came to. */
export interface Outcome {
  /** Milliseconds after the load began. */
  sentAt: number;
  status: number | 'no answer';
  /** The problem type of an error answer, or why there was no answer. */
  type?: string | undefined;
  cached?: boolean | undefined;
  latencyMs: number;
}

export interface LoadOptions {
  balancerUrl: string;
  articles: readonly string[];
  /** Requests per second, sent whatever the answers (open loop). */
  rate: number;
  seconds: number;
  /** Share of requests that repeat an earlier one, for cache hits across replicas. */
  repeatShare: number;
  /** Runs once half of the requests are sent (the run stops a replica there). */
  atHalfway?: (sent: number) => Promise<void>;
  progress?: (sent: number, total: number) => void;
}

export interface LoadResult {
  outcomes: Outcome[];
  elapsedSeconds: number;
  /** Milliseconds after the load began when `atHalfway` ran. */
  halfwayAt?: number | undefined;
}

/** A seeded choice of which requests repeat an earlier article, so runs compare. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

async function send(url: string, body: string, sentAt: number): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/v1/summaries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    let answer: { type?: string; meta?: { cached?: boolean } } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      answer = { type: `not JSON: ${text.slice(0, 60).replace(/\s+/g, ' ')}` };
    }
    return {
      sentAt,
      status: response.status,
      type: answer.type,
      cached: answer.meta?.cached,
      latencyMs: performance.now() - started,
    };
  } catch (error) {
    return {
      sentAt,
      status: 'no answer',
      type:
        error instanceof Error
          ? `${error.name}: ${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`
          : undefined,
      latencyMs: performance.now() - started,
    };
  }
}

/**
 * Sends `rate` summary requests per second for `seconds` through the balancer, a share of them
 * repeating an earlier request, and waits for every answer (each bounded by the client's timeout).
 */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const random = createRandom(SEED);
  const sent: string[] = [];
  const pending: Array<Promise<Outcome>> = [];
  const started = Date.now();
  const total = Math.round(options.rate * options.seconds);
  const progressEvery = Math.max(1, Math.round(options.rate * PROGRESS_EVERY_SECONDS));
  let halfwayAt: number | undefined;
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / options.rate;
    await sleep(Math.max(0, due - Date.now()));
    const repeat = sent.length > 0 && random() < options.repeatShare;
    // A new request gets a title of its own, so it is a new summary even when the corpus comes round again.
    const body = repeat
      ? (sent[Math.floor(random() * sent.length)] ?? '')
      : JSON.stringify({
          text: options.articles[index % options.articles.length] ?? '',
          title: `Scale run ${index}`,
        });
    sent.push(body);
    pending.push(send(options.balancerUrl, body, Date.now() - started));
    if (options.atHalfway && index === Math.floor(total / 2)) {
      halfwayAt = Date.now() - started;
      await options.atHalfway(index);
    }
    if (index > 0 && index % progressEvery === 0) {
      options.progress?.(index, total);
    }
  }
  const outcomes = await Promise.all(pending);
  return { outcomes, elapsedSeconds: (Date.now() - started) / 1000, halfwayAt };
}
