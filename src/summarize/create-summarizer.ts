import type Anthropic from '@anthropic-ai/sdk';
import { trace } from '@opentelemetry/api';
import {
  type CheckFailure,
  type CheckReport,
  type CheckSummariesInput,
  checkSummaries,
  formatFailuresForRepair,
} from '../checks/index.js';
import { isNotChecked } from '../checks/not-checked.js';
import { ModelOutputError, UnknownPromptVersionError } from '../errors/brief-error.js';
import type { UpstreamBudget } from '../llm/budget/create-upstream-budget.js';
import { upstreamBudgetMiddleware } from '../llm/budget/upstream-budget-middleware.js';
import { callWithFallback } from '../llm/call-with-fallback.js';
import { mapUpstreamError } from '../llm/map-upstream-error.js';
import { stopRetriesPastDeadline } from '../llm/stop-retries-past-deadline.js';
import { type PartialJson, streamModelAnswer } from '../llm/stream-model-answer.js';
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
  | {
      type: 'repair';
      attempt: number;
      reason: 'invalid-output' | 'checks-failed';
      /** Why the answer before was re-asked: its schema issues, or its failed checks. */
      issues?: OutputIssue[] | undefined;
      failures?: CheckFailure[] | undefined;
    };

/** What a streamed model call reports while the model writes (see `SummarizeInput.onAnswer`). */
/** Where a streamed model call reports its answer as it arrives, and which attempt it is. */
interface StreamObserver {
  attempt: number;
  onAnswer: (event: AnswerEvent) => void;
}

export type AnswerEvent =
  | { type: 'answer-start'; attempt: number; model: string }
  | { type: 'partial'; attempt: number; output: PartialJson };

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
  /**
   * Stream the model calls (`messages.stream`) and report each answer as it is written; without it
   * each call is one JSON response. The checks and the repair loop are the same either way.
   */
  onAnswer?: ((event: AnswerEvent) => void) | undefined;
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
  /** Where the fact checks run: the server's worker pool; without one, in this thread (tools, tests). */
  cpuTasks?: { checkSummaries(input: CheckSummariesInput, signal?: AbortSignal): Promise<CheckReport> };
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
  const cpuTasks = dependencies.cpuTasks ?? { checkSummaries: async (input) => checkSummaries(input) };

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
    stream: StreamObserver | undefined,
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
          const message = stream
            ? await streamModelAnswer(client, params, {
                signal,
                requestOptions: { middleware },
                onStart: ({ model }) =>
                  stream.onAnswer({ type: 'answer-start', attempt: stream.attempt, model }),
                onPartial: ({ output }) =>
                  stream.onAnswer({ type: 'partial', attempt: stream.attempt, output }),
              })
            : await client.messages.parse(params, { signal, middleware });
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
  async function callModel(params: MessageParams, input: SummarizeInput, stream?: StreamObserver) {
    const { signal, deadlineAt } = input;
    try {
      const {
        value: message,
        model,
        fallback,
      } = await callWithFallback(
        (model) => askModel({ ...params, model }, signal, deadlineAt, stream, input.onModelCall),
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

    let repair: Omit<Extract<SummarizeEvent, { type: 'repair' }>, 'type' | 'attempt'> | undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (repair) {
        dependencies.onRepair?.();
        input.onEvent?.({ type: 'repair', attempt, ...repair });
      }
      input.onEvent?.({ type: 'upstream-call', attempt });
      const { onAnswer } = input;
      const stream = onAnswer ? { attempt, onAnswer } : undefined;
      const { message, fallback } = repair
        ? await inSpan(
            'brief.repair',
            { 'brief.repair.attempt': attempt, 'brief.repair.reason': repair.reason },
            () => callModel(params, input, stream),
          )
        : await callModel(params, input, stream);
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
        const checks = await inSpan('brief.checks', {}, async (span) => {
          const report = await cpuTasks.checkSummaries(
            { source: input.text, summaries: parsed.data },
            input.signal,
          );
          span.setAttributes({
            'brief.checks.passed': report.passed,
            'brief.checks.failures': report.failures.length,
          });
          return report;
        });
        if (!best || checks.failures.length < best.checks.failures.length) {
          best = { output: parsed.data, checks, model: message.model };
        }
        // Checks that did not run (time limit) are nothing the model could repair.
        if (checks.passed || checkRepairs >= MAX_CHECK_REPAIRS || checks.failures.every(isNotChecked)) {
          return done(best);
        }
        checkRepairs += 1;
        dependencies.onCheckFailure?.(checks);
        messages.push(
          { role: 'assistant', content: parsed.text },
          { role: 'user', content: formatCheckRepairRequest(prompt.repair, checks.failures) },
        );
        repair = { reason: 'checks-failed', failures: checks.failures };
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
      repair = { reason: 'invalid-output', issues: parsed.issues };
    }
  }

  return { summarize, resolvePrompt };
}
