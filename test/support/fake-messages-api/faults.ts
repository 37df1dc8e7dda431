/**
 * Every way the fake can answer a `POST /v1/messages`, and what the SDK (v1.14) makes of it:
 * - `ok`: 200, a summary derived from the article.
 * - `rate_limit`: 429 rate_limit_error with `retry-after` → `RateLimitError`.
 * - `overloaded`: 529 overloaded_error → `OverloadedError` (an `InternalServerError`).
 * - `server_error`: 500 api_error → `InternalServerError`.
 * - `unavailable`: 503 api_error → `ServiceUnavailableError` (an `InternalServerError`).
 * - `auth_error`: 401 authentication_error → `AuthenticationError`.
 * - `bad_request`: 400 invalid_request_error → `BadRequestError`.
 * - `reset`: the connection is dropped before any byte of the response → `APIConnectionError`.
 * - `reset_mid_body`: headers and half the body, then the connection is dropped. The SDK reads the
 *   body after its retry loop, so this is not retried and surfaces as a plain `TypeError` ("terminated").
 * - `hang`: no answer until the client aborts (`APIUserAbortError`) or times out (`APIConnectionTimeoutError`).
 * - `malformed_json`: 200, `content-type: application/json`, a body that is not JSON → `SyntaxError`.
 * - `max_tokens`: 200, stop_reason `max_tokens`, the JSON text cut off.
 * - `refusal`: 200, stop_reason `refusal` with `stop_details`, a one-line refusal as text.
 * - `invalid_output`: 200, JSON that breaks the schema (9 key points, a 300-character headline).
 * - `wrong_language`: 200, a valid shape whose `de` fields are English.
 * - `overloaded_mid_stream`: a streamed request gets part of the answer, then an `error` event of type
 *   `overloaded_error` → `APIError` with that `type`; a non-streamed one gets `overloaded`.
 * Streamed requests (`stream: true`) get the 200 answers as event streams, and `reset_mid_body` as a
 * stream whose connection is reset after some events → `StreamInterruptedError` (`APIConnectionError`).
 */
export const FAULT_KINDS = [
  'ok',
  'rate_limit',
  'overloaded',
  'server_error',
  'unavailable',
  'auth_error',
  'bad_request',
  'reset',
  'reset_mid_body',
  'hang',
  'malformed_json',
  'max_tokens',
  'refusal',
  'invalid_output',
  'wrong_language',
  'overloaded_mid_stream',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** The faults a real upstream produces now and then and a client is expected to survive by retrying. */
export const TRANSIENT_FAULT_KINDS: readonly FaultKind[] = [
  'rate_limit',
  'overloaded',
  'server_error',
  'unavailable',
  'reset',
];

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

export interface FaultPolicyOptions {
  /** Faults for the next calls, in order (call 1 gets the first); later calls follow the rate. */
  script?: readonly FaultKind[];
  /** Probability (0 to 1) that an unscripted call gets a fault drawn from `faultKinds`. */
  faultRate?: number;
  /** The faults the rate draws from. Default: the transient ones. */
  faultKinds?: readonly FaultKind[];
  /** Seed of the PRNG behind the rate, so a soak run can be replayed. */
  seed?: number;
}

export interface FaultPolicy {
  /** The fault for the next call: the script first, then the rate. */
  next(): FaultKind;
  /** Replaces the pending script: the next call gets the first of these. */
  script(...faults: FaultKind[]): void;
  /** Back to the initial state: the script from the options, the PRNG from its seed. */
  reset(): void;
}

export const DEFAULT_SEED = 1;

/** mulberry32: small, fast and good enough to pick faults reproducibly. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultPolicy(options: FaultPolicyOptions = {}): FaultPolicy {
  const faultRate = options.faultRate ?? 0;
  if (!(faultRate >= 0 && faultRate <= 1)) {
    throw new RangeError(`faultRate must be between 0 and 1, got ${faultRate}`);
  }
  const faultKinds = options.faultKinds ?? TRANSIENT_FAULT_KINDS;
  if (faultRate > 0 && faultKinds.length === 0) {
    throw new RangeError('faultKinds must name at least one fault when faultRate is above 0');
  }
  const seed = options.seed ?? DEFAULT_SEED;
  let random = createSeededRandom(seed);
  const initialScript = options.script ?? [];
  let pending: FaultKind[] = [...initialScript];

  return {
    next() {
      const scripted = pending.shift();
      if (scripted !== undefined) {
        return scripted;
      }
      // Draw both numbers on every call so the sequence depends only on the call count.
      const roll = random();
      const pick = random();
      if (roll >= faultRate) {
        return 'ok';
      }
      return faultKinds[Math.floor(pick * faultKinds.length)] ?? 'ok';
    },
    script(...faults) {
      pending = [...faults];
    },
    reset() {
      pending = [...initialScript];
      random = createSeededRandom(seed);
    },
  };
}
