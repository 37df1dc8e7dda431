import PQueue from 'p-queue';
import type { CheckReport } from '../checks/index.js';
import type { Mode } from '../config/env.js';
import { BriefError, ModelOutputError, ServiceUnavailableError } from '../errors/brief-error.js';
import type { CostEstimator } from '../llm/create-cost-estimator.js';
import type { TokenUsage } from '../llm/token-usage.js';
import type { Summarizer } from '../summarize/create-summarizer.js';
import { findTextLengthIssue, type TextLengthLimits } from '../summarize/prepare-article.js';
import type { PresentedLanguageSummary } from '../summarize/present-summaries.js';
import { summarizeArticle } from '../summarize/summarize-article.js';
import { DEFAULT_LIMITS, type SummaryLimits } from '../summarize/summary-schema.js';
import { measureOutput, type OutputMetrics, type PerLanguage } from './measure-output.js';
import type { EvalArticle } from './read-eval-articles.js';

/** A prompt version as the eval names it: `summarize@v2`. */
export interface EvalVersion {
  label: string;
  version: string;
  model: string;
  sha256: string;
  released: boolean;
  evidence: boolean;
}

interface OutcomeBase {
  articleId: string;
  version: string;
}

/** The model answered with an output that meets the schema (after at most the summarizer's repairs). */
export interface ValidOutcome extends OutcomeBase {
  status: 'valid';
  model: string;
  attempts: number;
  usage: TokenUsage;
  costUsd: number | null;
  summaries: PerLanguage<PresentedLanguageSummary>;
  checks: CheckReport;
  metrics: OutputMetrics;
}

/** The model answered, but nothing usable: still invalid after repair, refused or cut off. */
export interface InvalidOutcome extends OutcomeBase {
  status: 'invalid';
  model: string;
  attempts: number | null;
  usage: TokenUsage | null;
  costUsd: number | null;
  reason: string;
}

/** Not evaluated: no recording (replay), outside the service's length limits, or an upstream failure. */
export interface NotEvaluatedOutcome extends OutcomeBase {
  status: 'no-recording' | 'skipped' | 'error';
  reason: string;
}

export type EvalOutcome = ValidOutcome | InvalidOutcome | NotEvaluatedOutcome;

export interface EvalRun {
  mode: Mode;
  startedAt: string;
  finishedAt: string;
  versions: EvalVersion[];
  articles: Array<{ id: string; origin: EvalArticle['origin']; chars: number; hasReference: boolean }>;
  /** Article by article, and within an article version by version, in the order given. */
  outcomes: EvalOutcome[];
}

export interface RunEvalInput {
  summarizer: Summarizer;
  articles: EvalArticle[];
  /** Prompt versions of `summarize` (`v1`, `v2`), in report order. */
  versions: string[];
  mode: Mode;
  costEstimator: CostEstimator;
  textLimits: TextLengthLimits;
  limits?: SummaryLimits;
  /** Summaries in flight at once (live mode). Default 4. */
  concurrency?: number;
  onOutcome?: (outcome: EvalOutcome) => void;
  now?: () => Date;
}

const DEFAULT_CONCURRENCY = 4;

export function evalVersionLabel(version: string): string {
  return `summarize@${version}`;
}

function isTokenUsage(value: unknown): value is TokenUsage {
  return typeof value === 'object' && value !== null && 'input_tokens' in value && 'output_tokens' in value;
}

/**
 * Summarizes every article with every prompt version through the real summarizer (its repairs and
 * checks included) and measures each output. Failures become outcomes, never exceptions.
 */
export async function runEval(input: RunEvalInput): Promise<EvalRun> {
  const now = input.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const limits = input.limits ?? DEFAULT_LIMITS;
  const versions = input.versions.map((version): EvalVersion => {
    const prompt = input.summarizer.resolvePrompt(version);
    return {
      label: evalVersionLabel(prompt.version),
      version: prompt.version,
      model: prompt.model,
      sha256: prompt.sha256,
      released: prompt.released,
      evidence: prompt.evidence,
    };
  });

  async function evaluate(article: EvalArticle, version: EvalVersion): Promise<EvalOutcome> {
    const base = { articleId: article.id, version: version.version };
    const lengthIssue = findTextLengthIssue(article.text, input.textLimits);
    if (lengthIssue) {
      return { ...base, status: 'skipped', reason: lengthIssue.message };
    }
    try {
      const { result, summaries, costUsd } = await summarizeArticle(input, {
        article: { text: article.text, title: undefined },
        promptVersion: version.version,
        limits,
      });
      return {
        ...base,
        status: 'valid',
        model: result.model,
        attempts: result.attempts,
        usage: result.usage,
        costUsd,
        summaries,
        checks: result.checks,
        metrics: measureOutput({
          summaries,
          articleChars: article.text.length,
          reference: article.reference,
        }),
      };
    } catch (error) {
      return { ...base, ...classifyFailure(error, version) };
    }
  }

  function classifyFailure(
    error: unknown,
    version: EvalVersion,
  ): Omit<InvalidOutcome, keyof OutcomeBase> | Omit<NotEvaluatedOutcome, keyof OutcomeBase> {
    if (error instanceof ServiceUnavailableError && error.code === 'recording-not-found') {
      return { status: 'no-recording', reason: 'No recorded model response for this article and version.' };
    }
    if (error instanceof ModelOutputError) {
      const usage = isTokenUsage(error.extensions.usage) ? error.extensions.usage : null;
      const attempts = error.extensions.attempts;
      return {
        status: 'invalid',
        model: version.model,
        attempts: typeof attempts === 'number' ? attempts : null,
        usage,
        costUsd: usage ? input.costEstimator.estimate(version.model, usage) : null,
        reason: `${error.code}: ${error.message}`,
      };
    }
    const reason =
      error instanceof BriefError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    return { status: 'error', reason };
  }

  const queue = new PQueue({ concurrency: input.concurrency ?? DEFAULT_CONCURRENCY });
  const pending = input.articles.flatMap((article) =>
    versions.map((version) =>
      queue.add(async () => {
        const outcome = await evaluate(article, version);
        input.onOutcome?.(outcome);
        return outcome;
      }),
    ),
  );
  const outcomes = await Promise.all(pending);
  return {
    mode: input.mode,
    startedAt,
    finishedAt: now().toISOString(),
    versions,
    articles: input.articles.map((article) => ({
      id: article.id,
      origin: article.origin,
      chars: article.text.length,
      hasReference: article.reference !== undefined,
    })),
    outcomes,
  };
}
