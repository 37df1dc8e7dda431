import type Anthropic from '@anthropic-ai/sdk';
import { trace } from '@opentelemetry/api';
import {
  type CheckFailure,
  type CheckReport,
  checkSummaries,
  formatFailuresForRepair,
} from '../checks/index.js';
import { ModelOutputError, UnknownPromptVersionError } from '../errors/brief-error.js';
import type { UpstreamBudget } from '../llm/budget/create-upstream-budget.js';
import { upstreamBudgetMiddleware } from '../llm/budget/upstream-budget-middleware.js';
import { callWithFallback } from '../llm/call-with-fallback.js';
import { mapUpstreamError } from '../llm/map-upstream-error.js';
import { stopRetriesPastDeadline } from '../llm/stop-retries-past-deadline.js';
import { addUsage, NO_USAGE, type TokenUsage } from '../llm/token-usage.js';
import type { PromptRegistry, PromptVersion, RepairTexts } from '../prompts/prompt-registry.js';
import { inSpan, TRACER_NAME } from '../telemetry/in-span.js';
import { buildMessageParams, type MessageParams } from './build-message-params.js';
import type { OutputIssue } from './create-output-format.js';
import type { UpstreamLimiter } from './create-upstream-limiter.js';
import { readModelAnswer } from './read-model-answer.js';
import type { ModelOutput, SummaryLimits } from './summary-schema.js';

export const PROMPT_NAME = 'summarize';
/** At most one re-ask for an output that breaks the schema, and one for an output that fails its checks. */
export const MAX_SCHEMA_REPAIRS = 1;
export const MAX_CHECK_REPAIRS = 1;

/** What a caller may observe of one summary's model work, in order. */
export type SummarizeEvent =
  | { type: 'upstream-call'; attempt: number }
  | { type: 'repair'; attempt: number; reason: 'invalid-output' | 'checks-failed' };

export interface SummarizeInput {
  /** Normalised article text. */
  text: string;
  title?: string | undefined;
  promptVersion: string;
  limits: SummaryLimits;
  signal?: AbortSignal | undefined;
  /** When the request's deadline passes (epoch ms): upstream retries that would wait past it are skipped. */
  deadlineAt?: number | undefined;
  /** Told of each model call and repair as it starts; a cached answer has none. */
  onEvent?: ((event: SummarizeEvent) => void) | undefined;
  /** Who may share a cached answer to this input (a key id); undefined: every caller. */
  cacheScope?: string | undefined;
  /** Called after each of this input's model calls (booking usage to the caller's key). */
  onModelCall?: ((call: ModelCall) => void) | undefined;
}

export interface SummarizeResult {
  output: ModelOutput;
  prompt: PromptVersion;
  /** The model that answered, as the API reported it. */
  model: string;
  /** The fallback model answered: the prompt's model stayed overloaded. */
  fallback: boolean;
  attempts: number;
  usage: TokenUsage;
  /** Served without a model call of its own (cache hit, or shared with an identical request in flight). */
  cached: boolean;
  /** The deterministic fact checks of the returned output. */
  checks: CheckReport;
}

export interface Summarizer {
  summarize(input: SummarizeInput): Promise<SummarizeResult>;
  /** Lets callers (the HTTP layer) resolve a version before doing any work. */
  resolvePrompt(version: string): PromptVersion;
}

export interface SummarizerDependencies {
  client: Anthropic;
  prompts: PromptRegistry;
  /** Bounds concurrent model work; without one, calls are not limited (tools, tests). */
  limiter?: UpstreamLimiter;
  /** Requests and tokens per minute shared by every replica; without one, calls are not budgeted. */
  budget?: UpstreamBudget | undefined;
  /** Asked once, with the same prompt, when the model ends in overload or a 5xx after the SDK's retries. */
  fallbackModel?: string | undefined;
  onFallback?: (event: { from: string; to: string }) => void;
  /** Called for each upstream failure before it is mapped, e.g. to log configuration errors loudly. */
  onUpstreamError?: (error: unknown, severity: 'warn' | 'error') => void;
  /** Called after every model call, answered or not (metrics: latency, tokens, cost). */
  onModelCall?: (call: ModelCall) => void;
  /** Called when an answer fails to parse or fails the output schema. */
  onValidationFailure?: (failure: { kind: 'json' | 'schema' }) => void;
  /** Called when a valid output fails its fact checks and is sent back for repair. */
  onCheckFailure?: (report: CheckReport) => void;
  /** Called before each repair re-ask. */
  onRepair?: () => void;
}

export interface ModelCall {
  /** As the API reported it when it answered; else the model asked for. */
  model: string;
  latencyMs: number;
  /** Absent when the call failed: no tokens were reported. */
  usage: TokenUsage | undefined;
  outcome: 'answered' | 'failed' | 'aborted';
}

/** The re-ask for an output that failed its fact checks, in the prompt version's own words. */
export function formatCheckRepairRequest(repair: RepairTexts, failures: readonly CheckFailure[]): string {
  return repair.failedChecks.replace('{{problems}}', () => formatFailuresForRepair(failures));
}

/** The re-ask for an output that broke the schema, in the prompt version's own words. */
export function formatRepairRequest(repair: RepairTexts, issues: OutputIssue[]): string {
  const lines = issues.map((issue) => `- ${issue.path || '(whole object)'}: ${issue.message}`);
  return repair.invalidOutput.replace('{{problems}}', () => lines.join('\n'));
}

export function createSummarizer(dependencies: SummarizerDependencies): Summarizer {
  const { client, prompts } = dependencies;

  function resolvePrompt(version: string): PromptVersion {
    const prompt = prompts.get(PROMPT_NAME, version);
    if (!prompt) {
      const available = prompts.versions(PROMPT_NAME);
      throw new UnknownPromptVersionError(
        `Unknown prompt_version "${version}". Available versions: ${available.join(', ')}.`,
        { extensions: { available_versions: available } },
      );
    }
    return prompt;
  }

  /** One model call (the SDK's retries included), through the budget, as a GenAI span without content. */
  function askModel(
    params: MessageParams,
    signal: AbortSignal | undefined,
    deadlineAt: number | undefined,
    onCall: ((call: ModelCall) => void) | undefined,
  ) {
    const middleware = [
      ...(deadlineAt === undefined ? [] : [stopRetriesPastDeadline(deadlineAt)]),
      ...(dependencies.budget ? [upstreamBudgetMiddleware(dependencies.budget, { deadlineAt, signal })] : []),
    ];
    return inSpan(
      `chat ${params.model}`,
      { 'gen_ai.system': 'anthropic', 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': params.model },
      async (span) => {
        const started = performance.now();
        const report = (model: string, usage: TokenUsage | undefined, outcome: ModelCall['outcome']) => {
          const call = { model, latencyMs: performance.now() - started, usage, outcome };
          dependencies.onModelCall?.(call);
          onCall?.(call);
        };
        try {
          const message = await client.messages.parse(params, { signal, middleware });
          span.setAttributes({
            'gen_ai.response.model': message.model,
            'gen_ai.response.id': message.id,
            'gen_ai.usage.input_tokens': message.usage.input_tokens,
            'gen_ai.usage.output_tokens': message.usage.output_tokens,
            'gen_ai.response.finish_reasons': message.stop_reason ? [message.stop_reason] : [],
          });
          report(message.model, addUsage(NO_USAGE, message.usage), 'answered');
          return message;
        } catch (error) {
          report(params.model, undefined, signal?.aborted ? 'aborted' : 'failed');
          throw error;
        }
      },
    );
  }

  /** The model call with its fallback on overload; upstream errors come out as Brief's. */
  async function callModel(params: MessageParams, input: SummarizeInput) {
    const { signal, deadlineAt } = input;
    try {
      const {
        value: message,
        model,
        fallback,
      } = await callWithFallback(
        (model) => askModel({ ...params, model }, signal, deadlineAt, input.onModelCall),
        {
          model: params.model,
          fallbackModel: dependencies.fallbackModel,
          signal,
          onFallback: ({ from, to, error }) => {
            dependencies.onUpstreamError?.(error, 'warn');
            dependencies.onFallback?.({ from, to });
          },
        },
      );
      // The repair re-asks go to the model that answered.
      params.model = model;
      return { message, fallback };
    } catch (error) {
      if (signal?.aborted) {
        throw signal.reason ?? error;
      }
      const mapped = mapUpstreamError(error);
      dependencies.onUpstreamError?.(error, mapped.severity);
      throw mapped.error;
    }
  }

  function summarize(input: SummarizeInput): Promise<SummarizeResult> {
    // Resolve before queueing, so an unknown version never waits for a slot.
    const prompt = resolvePrompt(input.promptVersion);
    const { limiter } = dependencies;
    return inSpan('brief.summarize', { 'brief.prompt.version': prompt.version }, () => {
      if (!limiter) {
        return summarizeWith(prompt, input);
      }
      const queueWait = trace.getTracer(TRACER_NAME).startSpan('brief.queue_wait');
      let waiting = true;
      const endWait = () => {
        if (waiting) {
          waiting = false;
          queueWait.end();
        }
      };
      return limiter
        .run(() => {
          endWait();
          return summarizeWith(prompt, input);
        }, input.signal)
        .finally(endWait);
    });
  }

  async function summarizeWith(prompt: PromptVersion, input: SummarizeInput): Promise<SummarizeResult> {
    // The repair re-asks below append to these messages.
    const params = buildMessageParams(prompt, input);
    const { messages } = params;
    const { format } = params.output_config;

    let usage: TokenUsage = NO_USAGE;
    let fellBack = false;
    let schemaRepairs = 0;
    let checkRepairs = 0;
    // The valid output with the fewest check failures so far: a repair can make things worse.
    let best: { output: ModelOutput; checks: CheckReport; model: string } | undefined;

    let repairReason: 'invalid-output' | 'checks-failed' | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (repairReason) {
        dependencies.onRepair?.();
        input.onEvent?.({ type: 'repair', attempt, reason: repairReason });
      }
      input.onEvent?.({ type: 'upstream-call', attempt });
      const reason = repairReason;
      const { message, fallback } = reason
        ? await inSpan(
            'brief.repair',
            { 'brief.repair.attempt': attempt, 'brief.repair.reason': reason },
            () => callModel(params, input),
          )
        : await callModel(params, input);
      fellBack ||= fallback;
      usage = addUsage(usage, message.usage);
      const parsed = readModelAnswer(message, format.parse, { attempts: attempt, usage });
      if (parsed instanceof ModelOutputError) {
        throw parsed;
      }
      const done = (chosen: NonNullable<typeof best>): SummarizeResult => ({
        ...chosen,
        prompt,
        fallback: fellBack,
        attempts: attempt,
        usage,
        cached: false,
      });
      if (parsed.success) {
        // The output schema has enforced input.limits (the same measures as the limits check).
        const checks = inSpan('brief.checks', {}, (span) => {
          const report = checkSummaries({ source: input.text, summaries: parsed.data });
          span.setAttributes({
            'brief.checks.passed': report.passed,
            'brief.checks.failures': report.failures.length,
          });
          return report;
        });
        if (!best || checks.failures.length < best.checks.failures.length) {
          best = { output: parsed.data, checks, model: message.model };
        }
        if (checks.passed || checkRepairs >= MAX_CHECK_REPAIRS) {
          return done(best);
        }
        checkRepairs += 1;
        dependencies.onCheckFailure?.(checks);
        messages.push(
          { role: 'assistant', content: parsed.text },
          { role: 'user', content: formatCheckRepairRequest(prompt.repair, checks.failures) },
        );
        repairReason = 'checks-failed';
        continue;
      }
      dependencies.onValidationFailure?.({ kind: parsed.kind });
      if (best) {
        // The re-ask about failed checks broke the schema: the earlier valid output stands.
        return done(best);
      }
      if (schemaRepairs >= MAX_SCHEMA_REPAIRS) {
        throw new ModelOutputError(
          'invalid-model-output',
          `The model's output was still invalid after ${attempt} attempts.`,
          { extensions: { attempts: attempt, usage, output_errors: parsed.issues } },
        );
      }
      schemaRepairs += 1;
      messages.push(
        { role: 'assistant', content: parsed.text || '{}' },
        { role: 'user', content: formatRepairRequest(prompt.repair, parsed.issues) },
      );
      repairReason = 'invalid-output';
    }
  }

  return { summarize, resolvePrompt };
}
