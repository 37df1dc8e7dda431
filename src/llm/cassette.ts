import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Response headers worth keeping: what the SDK reads. An allow-list, so nothing that identifies the
 * account (`anthropic-organization-id`, cookies, rate-limit quotas) reaches a committed cassette.
 */
export const RECORDED_RESPONSE_HEADERS = ['content-type', 'request-id', 'retry-after'];

/** One server-sent event as the API sent it: its name and its data, parsed when it is JSON. */
export const streamEventSchema = z.strictObject({
  event: z.string().nullable(),
  data: z.unknown(),
});

export type RecordedStreamEvent = z.infer<typeof streamEventSchema>;

/**
 * How a recorded event stream ended: `closed` by the server (after `message_stop`, or early: the
 * events show which), or `broken` because the connection failed mid-way.
 */
export const STREAM_ENDINGS = ['closed', 'broken'] as const;

/** A streamed answer (`stream: true`): its events in order, and how it ended. `body` is then null. */
export const recordedStreamSchema = z.strictObject({
  events: z.array(streamEventSchema),
  ending: z.enum(STREAM_ENDINGS),
});

export type RecordedStream = z.infer<typeof recordedStreamSchema>;

export const cassetteSchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** `recorded` came from the live API; `authored` was written by a person in the exact wire format. */
  provenance: z.enum(['recorded', 'authored']),
  label: z.string().optional(),
  created_at: z.string(),
  request: z.strictObject({
    method: z.string(),
    path: z.string(),
    body: z.unknown(),
  }),
  response: z.strictObject({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown(),
    stream: recordedStreamSchema.optional(),
  }),
});

export type Cassette = z.infer<typeof cassetteSchema>;

export interface CanonicalRequest {
  method: string;
  path: string;
  body: unknown;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Method, path and body with sorted keys: what identifies a request, independent of headers and key order. */
export function canonicalizeRequest(method: string, url: string, body: string | undefined): CanonicalRequest {
  const parsedBody: unknown = body === undefined || body === '' ? null : JSON.parse(body);
  return { method: method.toUpperCase(), path: new URL(url).pathname, body: sortKeys(parsedBody) };
}

export function cassetteKey(request: CanonicalRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
