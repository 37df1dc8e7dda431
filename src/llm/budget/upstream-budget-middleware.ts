import type { Middleware } from '@anthropic-ai/sdk';
import type { UpstreamBudget } from './create-upstream-budget.js';
import { estimateMessageDemand } from './estimate-message-demand.js';
import { readRateLimitHeaders } from './read-rate-limit-headers.js';

interface Usage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

function inputTokensOf(usage: Usage): number {
  return (
    (usage.input_tokens ?? 0) +
    (usage.cache_creation_input_tokens ?? 0) +
    (usage.cache_read_input_tokens ?? 0)
  );
}

function readBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'string') {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A streamed answer's usage: input from `message_start`, output from the last `message_delta`. */
async function readStreamedUsage(events: AsyncIterable<unknown>): Promise<Usage> {
  const usage: Usage = {};
  for await (const event of events) {
    const { type } = event as { type?: string };
    if (type === 'message_start') {
      Object.assign(usage, (event as { message: { usage: Usage } }).message.usage);
    } else if (type === 'message_delta') {
      const delta = (event as { usage: Usage }).usage;
      usage.output_tokens = delta.output_tokens ?? usage.output_tokens;
      if (delta.input_tokens !== undefined && delta.input_tokens !== null) {
        usage.input_tokens = delta.input_tokens;
      }
    }
  }
  return usage;
}

/**
 * Puts one model call's every HTTP attempt (SDK retries included, streamed or not) through the shared
 * budget: it reserves before sending, settles with the answer's usage, and lets the model API's
 * rate-limit headers tighten the budget. Per request, so a call's deadline decides how long it may wait.
 */
export function upstreamBudgetMiddleware(
  budget: UpstreamBudget,
  options: { deadlineAt?: number | undefined; signal?: AbortSignal | undefined } = {},
): Middleware {
  return async function admitToUpstreamBudget(request, next, context) {
    const body = readBody(request.body);
    const model = body?.model;
    if (body === undefined || typeof model !== 'string') {
      return next(request);
    }
    const admission = await budget.admit(model, estimateMessageDemand(body), {
      deadlineAt: options.deadlineAt,
      signal: options.signal ?? request.signal ?? undefined,
    });
    let response: Response;
    try {
      response = await next(request);
    } catch (error) {
      admission.settle(undefined);
      throw error;
    }
    budget.observe(model, readRateLimitHeaders(response.headers, response.status));
    if (!response.ok) {
      // Refused or failed before any work: the tokens were not spent, the request was.
      admission.settle({ inputTokens: 0, outputTokens: 0 });
      return response;
    }
    const settleWith = (usage: Usage) =>
      admission.settle({ inputTokens: inputTokensOf(usage), outputTokens: usage.output_tokens ?? 0 });
    if (context.options?.stream) {
      // An independent copy of the stream, read alongside the caller's.
      context
        .parse<AsyncIterable<unknown>>(response)
        .then(readStreamedUsage)
        .then(settleWith, () => admission.settle(undefined));
      return response;
    }
    await context.parse<{ usage?: Usage }>(response).then(
      (message) => (message.usage ? settleWith(message.usage) : admission.settle(undefined)),
      () => admission.settle(undefined),
    );
    return response;
  };
}
