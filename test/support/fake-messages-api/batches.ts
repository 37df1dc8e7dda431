import type {
  DeletedMessageBatch,
  MessageBatch,
  MessageBatchIndividualResponse,
  MessageBatchRequestCounts,
  MessageBatchResult,
} from '@anthropic-ai/sdk/resources/messages/batches';
import type { MessagesRequestBody } from './find-article.js';
import type { IdSequence } from './id-sequence.js';
import { createErrorBody, createMessageBody, type MessageOutcome } from './message-body.js';
import { errorReply, jsonReply, type Reply } from './reply.js';

/** What one item of a batch ends as, set per `custom_id`; items without one succeed. */
export type BatchItemFault = 'errored' | 'expired' | 'canceled' | Exclude<MessageOutcome, 'ok'>;

export interface BatchOptions {
  /** The retrieve on which a batch reports `ended` (1 is the first). Default: 2. */
  batchEndsOnRetrieve?: number;
  /** A batch ends this many ms after it was created; when set, retrieves do not count. */
  batchEndsAfterMs?: number;
  /** Item faults by `custom_id`. */
  batchItemFaults?: Record<string, BatchItemFault>;
  /** Thinking blocks in the messages of succeeded items. */
  thinking?: boolean;
}

export interface BatchRequest {
  custom_id: string;
  params: MessagesRequestBody;
}

/** A batch as the fake keeps it. */
export interface FakeBatch {
  id: string;
  createdAt: Date;
  requests: BatchRequest[];
  retrieves: number;
  cancelInitiatedAt: Date | null;
  endedAt: Date | null;
  results: MessageBatchIndividualResponse[] | null;
}

export interface BatchStore {
  readonly batches: ReadonlyMap<string, FakeBatch>;
  readonly itemFaults: Map<string, BatchItemFault>;
  create(body: unknown, requestId: string): Reply;
  retrieve(id: string, requestId: string): Reply;
  list(): Reply;
  cancel(id: string, requestId: string): Reply;
  delete(id: string, requestId: string): Reply;
  results(id: string, requestId: string): Reply;
  reset(): void;
}

const DEFAULT_ENDS_ON_RETRIEVE = 2;
const BATCH_LIFETIME_MS = 24 * 60 * 60 * 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRequests(body: unknown): BatchRequest[] | string {
  if (!isRecord(body) || !Array.isArray(body.requests) || body.requests.length === 0) {
    return 'requests: a non-empty list of { custom_id, params } is required';
  }
  const requests: BatchRequest[] = [];
  for (const [index, request] of body.requests.entries()) {
    if (!isRecord(request) || typeof request.custom_id !== 'string' || !isRecord(request.params)) {
      return `requests.${index}: custom_id (string) and params (object) are required`;
    }
    if (requests.some((earlier) => earlier.custom_id === request.custom_id)) {
      return `requests.${index}.custom_id: ${request.custom_id} is used twice`;
    }
    requests.push({ custom_id: request.custom_id, params: request.params });
  }
  return requests;
}

function countResults(batch: FakeBatch): MessageBatchRequestCounts {
  const counts: MessageBatchRequestCounts = {
    processing: 0,
    succeeded: 0,
    errored: 0,
    canceled: 0,
    expired: 0,
  };
  if (batch.results === null) {
    counts.processing = batch.requests.length;
    return counts;
  }
  for (const item of batch.results) {
    counts[item.result.type] += 1;
  }
  return counts;
}

/** The Message Batches API in memory: create, retrieve (ends after some polls or ms), results as JSONL. */
export function createBatchStore(options: BatchOptions, ids: IdSequence, baseUrl: () => string): BatchStore {
  const batches = new Map<string, FakeBatch>();
  const initialItemFaults = Object.entries(options.batchItemFaults ?? {});
  const itemFaults = new Map<string, BatchItemFault>(initialItemFaults);
  const endsOnRetrieve = options.batchEndsOnRetrieve ?? DEFAULT_ENDS_ON_RETRIEVE;

  const resultFor = (request: BatchRequest, canceled: boolean): MessageBatchResult => {
    const fault = itemFaults.get(request.custom_id);
    switch (fault) {
      case 'errored':
        return {
          type: 'errored',
          error: createErrorBody(
            {
              type: 'invalid_request_error',
              message: `The fake failed item ${request.custom_id} on purpose.`,
            },
            null,
          ),
        };
      case 'expired':
      case 'canceled':
        return { type: fault };
      default: {
        if (canceled) {
          return { type: 'canceled' };
        }
        const message = createMessageBody(request.params, fault ?? 'ok', {
          id: ids.next('msg_fake_'),
          thinking: options.thinking ?? false,
          serviceTier: 'batch',
        });
        return { type: 'succeeded', message };
      }
    }
  };

  const end = (batch: FakeBatch) => {
    const canceled = batch.cancelInitiatedAt !== null;
    batch.results = batch.requests.map((request) => ({
      custom_id: request.custom_id,
      result: resultFor(request, canceled),
    }));
    batch.endedAt = new Date();
  };

  const view = (batch: FakeBatch): MessageBatch => {
    const ended = batch.results !== null;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : batch.cancelInitiatedAt ? 'canceling' : 'in_progress',
      request_counts: countResults(batch),
      created_at: batch.createdAt.toISOString(),
      expires_at: new Date(batch.createdAt.getTime() + BATCH_LIFETIME_MS).toISOString(),
      ended_at: batch.endedAt?.toISOString() ?? null,
      archived_at: null,
      cancel_initiated_at: batch.cancelInitiatedAt?.toISOString() ?? null,
      results_url: ended ? `${baseUrl()}/v1/messages/batches/${batch.id}/results` : null,
    };
  };

  const notFound = (id: string, requestId: string) =>
    errorReply(404, { type: 'not_found_error', message: `No message batch with id ${id}.` }, requestId);

  return {
    batches,
    itemFaults,
    create(body, requestId) {
      const requests = readRequests(body);
      if (typeof requests === 'string') {
        return errorReply(400, { type: 'invalid_request_error', message: requests }, requestId);
      }
      const batch: FakeBatch = {
        id: ids.next('msgbatch_fake_'),
        createdAt: new Date(),
        requests,
        retrieves: 0,
        cancelInitiatedAt: null,
        endedAt: null,
        results: null,
      };
      batches.set(batch.id, batch);
      return jsonReply(200, view(batch));
    },
    retrieve(id, requestId) {
      const batch = batches.get(id);
      if (!batch) {
        return notFound(id, requestId);
      }
      batch.retrieves += 1;
      const due =
        options.batchEndsAfterMs === undefined
          ? batch.retrieves >= endsOnRetrieve
          : Date.now() - batch.createdAt.getTime() >= options.batchEndsAfterMs;
      // A canceled batch ends on the next look at it.
      if (batch.results === null && (due || batch.cancelInitiatedAt !== null)) {
        end(batch);
      }
      return jsonReply(200, view(batch));
    },
    list() {
      const data = [...batches.values()].reverse().map(view);
      return jsonReply(200, {
        data,
        has_more: false,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
      });
    },
    cancel(id, requestId) {
      const batch = batches.get(id);
      if (!batch) {
        return notFound(id, requestId);
      }
      if (batch.results === null && batch.cancelInitiatedAt === null) {
        batch.cancelInitiatedAt = new Date();
      }
      return jsonReply(200, view(batch));
    },
    delete(id, requestId) {
      const batch = batches.get(id);
      if (!batch) {
        return notFound(id, requestId);
      }
      if (batch.results === null) {
        const message = `Message batch ${id} is still processing; cancel it before deleting it.`;
        return errorReply(400, { type: 'invalid_request_error', message }, requestId);
      }
      batches.delete(id);
      const deleted: DeletedMessageBatch = { id, type: 'message_batch_deleted' };
      return jsonReply(200, deleted);
    },
    results(id, requestId) {
      const batch = batches.get(id);
      if (!batch) {
        return notFound(id, requestId);
      }
      if (batch.results === null) {
        const message = `Message batch ${id} has not ended yet; its results are not available.`;
        return errorReply(400, { type: 'invalid_request_error', message }, requestId);
      }
      const lines = batch.results.map((item) => `${JSON.stringify(item)}\n`).join('');
      return { status: 200, headers: { 'content-type': 'application/x-jsonl' }, body: lines };
    },
    reset() {
      batches.clear();
      itemFaults.clear();
      for (const [customId, fault] of initialItemFaults) {
        itemFaults.set(customId, fault);
      }
    },
  };
}
