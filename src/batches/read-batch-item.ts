import type {
  MessageBatchIndividualResponse,
  MessageBatchResult,
} from '@anthropic-ai/sdk/resources/messages/batches';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { BatchItemError, BriefError, ModelOutputError } from '../errors/brief-error.js';
import type { ParsedOutput } from '../summarize/create-output-format.js';
import { readModelAnswer } from '../summarize/read-model-answer.js';
import type { ModelOutput } from '../summarize/summary-schema.js';
import { parseCustomId } from './custom-id.js';

const RESUBMIT_HINT = 'Resubmit it through POST /v1/summaries or in a new batch.';

export interface BatchItemPosition {
  /** Position in the submitted `articles`; null for an item Brief cannot place. */
  index: number | null;
  articleId: string | null;
  customId: string;
}

export type BatchItemOutcome =
  | (BatchItemPosition & { status: 'succeeded'; output: ModelOutput; message: Message })
  | (BatchItemPosition & {
      status: 'failed';
      error: BriefError;
      /** The model's answer, when there was one: it was billed all the same. */
      message: Message | undefined;
    });

export interface ReadBatchItemContext {
  /** The parse of the output format the item was asked with (same schema as a single call). */
  parse: (text: string) => ParsedOutput<ModelOutput>;
  articleCount: number;
}

function failedResult(result: Exclude<MessageBatchResult, { type: 'succeeded' }>): BriefError {
  switch (result.type) {
    case 'errored': {
      const errorType = result.error.error.type;
      return new BatchItemError(
        'batch-item-errored',
        `The model API failed this item (${errorType}). ${RESUBMIT_HINT}`,
        { extensions: { upstream_error_type: errorType } },
      );
    }
    case 'expired':
      return new BatchItemError(
        'batch-item-expired',
        `The batch reached its 24-hour limit before this item was processed. ${RESUBMIT_HINT}`,
      );
    case 'canceled':
      return new BatchItemError(
        'batch-item-canceled',
        `The batch was canceled before this item was processed. ${RESUBMIT_HINT}`,
      );
  }
}

/** The summary in a succeeded item's message, or why it cannot be used. There is no repair re-ask here. */
function readMessage(message: Message, context: ReadBatchItemContext): ModelOutput | BriefError {
  const parsed = readModelAnswer(message, context.parse);
  if (parsed instanceof ModelOutputError) {
    return parsed;
  }
  if (parsed.success) {
    return parsed.data;
  }
  return new ModelOutputError(
    'invalid-model-output',
    `The model's output is invalid, and batch items are not repaired. Resubmit this article through POST /v1/summaries, which asks the model once to fix its answer.`,
    { extensions: { output_errors: parsed.issues, repaired: false } },
  );
}

/** One line of a batch's results as Brief reports it: a validated summary or a per-item problem. */
export function readBatchItem(
  item: MessageBatchIndividualResponse,
  context: ReadBatchItemContext,
): BatchItemOutcome {
  const content = parseCustomId(item.custom_id);
  if (content === undefined || content.index >= context.articleCount) {
    return {
      status: 'failed',
      index: null,
      articleId: null,
      customId: item.custom_id,
      error: new BatchItemError(
        'batch-item-unknown',
        'The batch holds an item whose custom_id Brief did not make: the batch id may not belong to this batch.',
      ),
      message: item.result.type === 'succeeded' ? item.result.message : undefined,
    };
  }
  const position = { index: content.index, articleId: content.articleId, customId: item.custom_id };
  if (item.result.type !== 'succeeded') {
    return { ...position, status: 'failed', error: failedResult(item.result), message: undefined };
  }
  const { message } = item.result;
  const read = readMessage(message, context);
  if (read instanceof BriefError) {
    return { ...position, status: 'failed', error: read, message };
  }
  return { ...position, status: 'succeeded', output: read, message };
}
