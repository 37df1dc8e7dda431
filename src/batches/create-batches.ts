import Anthropic from '@anthropic-ai/sdk';
import type {
  MessageBatch,
  MessageBatchIndividualResponse,
} from '@anthropic-ai/sdk/resources/messages/batches';
import { BatchItemError, NotFoundError, UnknownPromptVersionError } from '../errors/brief-error.js';
import { mapUpstreamError } from '../llm/map-upstream-error.js';
import type { PromptVersion } from '../prompts/prompt-registry.js';
import { buildMessageParams, createSummaryOutputFormat } from '../summarize/build-message-params.js';
import type { ParsedOutput } from '../summarize/create-output-format.js';
import { limitsFromOptions, type SummaryOptions } from '../summarize/limits-from-options.js';
import type { ModelOutput } from '../summarize/summary-schema.js';
import type { BatchReference } from './batch-id.js';
import { toCustomId } from './custom-id.js';
import { type BatchItemOutcome, readBatchItem } from './read-batch-item.js';
import type { BatchIdSigner } from './sign-batch-id.js';

export interface BatchArticle {
  articleId: string;
  /** Normalised article text. */
  text: string;
  title: string | undefined;
}

export interface SubmitBatchInput {
  /** In the order submitted: an article's index is its position here. */
  articles: BatchArticle[];
  prompt: PromptVersion;
  options: SummaryOptions | undefined;
  /** The key submitting the batch: only it can read the batch back. */
  keyId: string;
  signal?: AbortSignal | undefined;
}

export interface SubmittedBatch {
  batchId: string;
  upstream: MessageBatch;
}

export interface BatchState {
  reference: BatchReference;
  prompt: PromptVersion;
  upstream: MessageBatch;
  /** Every article's outcome in index order once the batch has ended; null before. */
  items: BatchItemOutcome[] | null;
}

export interface Batches {
  submit(input: SubmitBatchInput): Promise<SubmittedBatch>;
  /** Answers 404 for a batch id another key made, or one that was altered or forged. */
  read(batchId: string, keyId: string, signal?: AbortSignal): Promise<BatchState>;
}

export interface BatchesDependencies {
  client: Anthropic;
  /** Throws UnknownPromptVersionError for a version that does not exist. */
  resolvePrompt: (version: string) => PromptVersion;
  /** Signs batch ids and binds them to their key. */
  signer: BatchIdSigner;
  onUpstreamError?: (error: unknown, severity: 'warn' | 'error') => void;
}

function notFound(batchId: string): NotFoundError {
  return new NotFoundError(
    `No batch with the id "${batchId.slice(0, 80)}". Use the batch_id from POST /v1/batches as it is.`,
  );
}

/** Results in index order; an article without a result is reported as missing, never left out. */
function orderItems(outcomes: BatchItemOutcome[], articleCount: number): BatchItemOutcome[] {
  const byIndex = new Map<number, BatchItemOutcome>();
  const unplaced: BatchItemOutcome[] = [];
  for (const outcome of outcomes) {
    if (outcome.index === null || byIndex.has(outcome.index)) {
      unplaced.push(outcome);
    } else {
      byIndex.set(outcome.index, outcome);
    }
  }
  const ordered = Array.from({ length: articleCount }, (_, index): BatchItemOutcome => {
    return (
      byIndex.get(index) ?? {
        status: 'failed',
        index,
        articleId: null,
        customId: String(index),
        error: new BatchItemError(
          'batch-item-missing',
          'The ended batch has no result for this article. Resubmit it through POST /v1/summaries or in a new batch.',
        ),
        message: undefined,
      }
    );
  });
  return [...ordered, ...unplaced];
}

/**
 * Backfills through the Message Batches API (half the price of single calls). Stateless: the batch id
 * carries the upstream id, prompt version, article count and options; each item's `custom_id` its index
 * and article id. Every item is asked exactly what a single call asks, and read with the same schema.
 */
export function createBatches(dependencies: BatchesDependencies): Batches {
  const { client } = dependencies;

  function upstreamFailure(error: unknown, batchId?: string): Error {
    if (batchId !== undefined && error instanceof Anthropic.NotFoundError) {
      return notFound(batchId);
    }
    const mapped = mapUpstreamError(error);
    dependencies.onUpstreamError?.(error, mapped.severity);
    return mapped.error;
  }

  async function submit(input: SubmitBatchInput): Promise<SubmittedBatch> {
    const limits = limitsFromOptions(input.options);
    const requests = input.articles.map((article, index) => ({
      custom_id: toCustomId(index, article.articleId),
      params: buildMessageParams(input.prompt, { text: article.text, title: article.title, limits }),
    }));
    let upstream: MessageBatch;
    try {
      upstream = await client.messages.batches.create({ requests }, { signal: input.signal });
    } catch (error) {
      throw upstreamFailure(error);
    }
    const batchId = dependencies.signer.sign(
      {
        upstreamId: upstream.id,
        promptVersion: input.prompt.version,
        articleCount: input.articles.length,
        options: input.options,
      },
      input.keyId,
    );
    return { batchId, upstream };
  }

  function resolveReference(
    batchId: string,
    keyId: string,
  ): { reference: BatchReference; prompt: PromptVersion } {
    const reference = dependencies.signer.verify(batchId, keyId);
    if (reference === undefined) {
      throw notFound(batchId);
    }
    try {
      const prompt = dependencies.resolvePrompt(reference.promptVersion);
      // Brief never submits a batch with an evidence prompt (evidence is verified against the text).
      if (prompt.evidence) {
        throw notFound(batchId);
      }
      return { reference, prompt };
    } catch (error) {
      throw error instanceof UnknownPromptVersionError ? notFound(batchId) : error;
    }
  }

  async function read(batchId: string, keyId: string, signal?: AbortSignal): Promise<BatchState> {
    const { reference, prompt } = resolveReference(batchId, keyId);
    let upstream: MessageBatch;
    try {
      upstream = await client.messages.batches.retrieve(reference.upstreamId, {}, { signal });
    } catch (error) {
      throw upstreamFailure(error, batchId);
    }
    if (upstream.processing_status !== 'ended') {
      return { reference, prompt, upstream, items: null };
    }
    if (upstream.archived_at !== null || upstream.results_url === null) {
      throw new NotFoundError(
        'The model API has archived this batch: its results are no longer available. Batch results are kept for 29 days.',
      );
    }
    const { parse } = createSummaryOutputFormat(prompt, limitsFromOptions(reference.options));
    const context = {
      parse: (text: string) => parse(text) as ParsedOutput<ModelOutput>,
      articleCount: reference.articleCount,
    };
    const outcomes: BatchItemOutcome[] = [];
    try {
      const results = await client.messages.batches.results(reference.upstreamId, {}, { signal });
      for await (const item of results as AsyncIterable<MessageBatchIndividualResponse>) {
        outcomes.push(readBatchItem(item, context));
        // A batch Brief submitted has exactly this many items: anything more is not read.
        if (outcomes.length >= reference.articleCount) {
          break;
        }
      }
    } catch (error) {
      throw upstreamFailure(error, batchId);
    }
    return { reference, prompt, upstream, items: orderItems(outcomes, reference.articleCount) };
  }

  return { submit, read };
}
