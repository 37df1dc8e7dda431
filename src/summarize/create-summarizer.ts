import type Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { ModelOutputError, UnknownPromptVersionError } from '../errors/brief-error.js';
import { mapUpstreamError } from '../llm/map-upstream-error.js';
import { stopRetriesPastDeadline } from '../llm/stop-retries-past-deadline.js';
import type { PromptRegistry, PromptVersion } from '../prompts/prompt-registry.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import { createOutputFormat, type OutputIssue, type ParsedOutput } from './create-output-format.js';
import type { UpstreamLimiter } from './create-upstream-limiter.js';
import { createModelOutputSchema, type ModelOutput, type SummaryLimits } from './summary-schema.js';

export const PROMPT_NAME = 'summarize';
/** One first call plus at most one repair re-ask. */
export const MAX_ATTEMPTS = 2;

export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export interface SummarizeInput {
  /** Normalised article text. */
  text: string;
  title?: string | undefined;
  promptVersion: string;
  limits: SummaryLimits;
  signal?: AbortSignal | undefined;
  /** When the request's deadline passes (epoch ms): upstream retries that would wait past it are skipped. */
  deadlineAt?: number | undefined;
}

export interface SummarizeResult {
  output: ModelOutput;
  prompt: PromptVersion;
  /** The model that answered, as the API reported it. */
  model: string;
  attempts: number;
  usage: TokenUsage;
  /** Served without a model call of its own (cache hit, or shared with an identical request in flight). */
  cached: boolean;
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
  /** Called for each upstream failure before it is mapped, e.g. to log configuration errors loudly. */
  onUpstreamError?: (error: unknown, severity: 'warn' | 'error') => void;
}

function addUsage(total: TokenUsage, usage: Message['usage']): TokenUsage {
  return {
    input_tokens: total.input_tokens + usage.input_tokens,
    output_tokens: total.output_tokens + usage.output_tokens,
    cache_creation_input_tokens: total.cache_creation_input_tokens + (usage.cache_creation_input_tokens ?? 0),
    cache_read_input_tokens: total.cache_read_input_tokens + (usage.cache_read_input_tokens ?? 0),
  };
}

export function formatRepairRequest(issues: OutputIssue[]): string {
  const lines = issues.map((issue) => `- ${issue.path || '(whole object)'}: ${issue.message}`);
  return [
    'Your answer does not meet the required format. These problems were found:',
    ...lines,
    '',
    'Return the complete corrected JSON object for the same article: fix exactly these problems, keep everything else, and use only facts from the article.',
  ].join('\n');
}

/** The text block that carries the answer; a response may begin with `thinking` blocks. */
function answerText(message: Message): string | undefined {
  for (const block of message.content) {
    if (block.type === 'text') {
      return block.text;
    }
  }
  return undefined;
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

  async function callModel(
    prompt: PromptVersion,
    system: string,
    messages: MessageParam[],
    format: ReturnType<typeof createOutputFormat>,
    signal: AbortSignal | undefined,
    deadlineAt: number | undefined,
  ) {
    try {
      return await client.messages.parse(
        { model: prompt.model, max_tokens: prompt.maxTokens, system, messages, output_config: { format } },
        deadlineAt === undefined ? { signal } : { signal, middleware: [stopRetriesPastDeadline(deadlineAt)] },
      );
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
    return limiter
      ? limiter.run(() => summarizeWith(prompt, input), input.signal)
      : summarizeWith(prompt, input);
  }

  async function summarizeWith(prompt: PromptVersion, input: SummarizeInput): Promise<SummarizeResult> {
    const schema = createModelOutputSchema(input.limits, { evidence: prompt.evidence });
    const format = createOutputFormat(schema);
    const rendered = renderPrompt(prompt, { article: input.text, title: input.title, limits: input.limits });
    const messages: MessageParam[] = [{ role: 'user', content: rendered.user }];

    let usage: TokenUsage = {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    };
    let lastFailure: Extract<ParsedOutput<unknown>, { success: false }> | undefined;

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const message = await callModel(
        prompt,
        rendered.system,
        messages,
        format,
        input.signal,
        input.deadlineAt,
      );
      usage = addUsage(usage, message.usage);
      const meta = { attempts: attempt, usage, stop_reason: message.stop_reason };
      if (message.stop_reason === 'refusal') {
        throw new ModelOutputError('model-refused', 'The model declined to summarize this article.', {
          extensions: meta,
        });
      }
      if (message.stop_reason === 'max_tokens' || message.stop_reason === 'model_context_window_exceeded') {
        throw new ModelOutputError(
          'model-output-truncated',
          `The model's answer was cut off (${message.stop_reason}) before the summary was complete.`,
          { extensions: meta },
        );
      }
      const text = answerText(message);
      const parsed: ParsedOutput<ModelOutput> =
        text === undefined
          ? {
              success: false,
              kind: 'schema',
              issues: [{ path: '', message: 'No text in the answer.' }],
              text: '',
            }
          : ((message.parsed_output as ParsedOutput<ModelOutput> | null) ?? format.parse(text));
      if (parsed.success) {
        return { output: parsed.data, prompt, model: message.model, attempts: attempt, usage, cached: false };
      }
      lastFailure = parsed;
      messages.push(
        { role: 'assistant', content: parsed.text || '{}' },
        { role: 'user', content: formatRepairRequest(parsed.issues) },
      );
    }

    throw new ModelOutputError(
      'invalid-model-output',
      `The model's output was still invalid after ${MAX_ATTEMPTS} attempts.`,
      {
        extensions: {
          attempts: MAX_ATTEMPTS,
          usage,
          output_errors: lastFailure?.issues ?? [],
        },
      },
    );
  }

  return { summarize, resolvePrompt };
}
