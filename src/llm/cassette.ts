import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Response headers worth keeping: what the SDK reads. An allow-list, so nothing that identifies the
 * account (`anthropic-organization-id`, cookies, rate-limit quotas) reaches a committed cassette.
 */
export const RECORDED_RESPONSE_HEADERS = ['content-type', 'request-id', 'retry-after'];

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
