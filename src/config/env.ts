import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The nearest directory at or above `directory` that holds a `package.json`. */
function findPackageRoot(directory: string): string {
  const parent = path.dirname(directory);
  if (existsSync(path.join(directory, 'package.json')) || parent === directory) return directory;
  return findPackageRoot(parent);
}

/**
 * The project root (where `prompts/` and `samples/` live), whether this module runs from `src/`,
 * from `dist/src/` or inside the server bundle in `dist/server/`.
 */
export const PROJECT_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
// `prefault`: the default is an input, so it goes through the same parsing as a value that was set.
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyAsUndefined, schema.prefault(fallback as never));

/** An HMAC secret: at least 256 bits when written as hex or base64. */
const MIN_SIGNING_SECRET_CHARS = 32;

const positiveInt = z.coerce.number().int().positive();

/** HTML carries markup around the article: its own, smaller body limit bounds the conversion's work. */
export const DEFAULT_MAX_HTML_BODY_BYTES = 524_288;
const nonNegativeInt = z.coerce.number().int().nonnegative();

/** Shorter keys can be guessed or were typed as placeholders (`change-me`). */
export const MIN_API_KEY_CHARS = 32;
/** Where Brief listens when `HOST` is not set: every interface only once keys protect it (or in production). */
const OPEN_HOST = '0.0.0.0';
const LOOPBACK_HOST = '127.0.0.1';

/** Every environment variable Brief reads. `.env.example` lists the same. */
export const envSchema = z
  .object({
    NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
    // No default here: without keys outside production Brief stays on the loopback interface (toConfig).
    HOST: optional(z.string().min(1)),
    PORT: withDefault(z.coerce.number().int().min(0).max(65535), 8787),
    LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),

    ANTHROPIC_API_KEY: optional(z.string().min(1)),
    ANTHROPIC_BASE_URL: optional(z.url()),
    BRIEF_MODE: optional(z.enum(['live', 'record', 'replay'])),

    BRIEF_PROMPTS_DIR: withDefault(z.string(), path.join(PROJECT_ROOT, 'prompts')),
    BRIEF_CASSETTE_DIR: withDefault(z.string(), path.join(PROJECT_ROOT, 'samples', 'cassettes')),
    BRIEF_DEFAULT_PROMPT_VERSION: withDefault(z.string().regex(/^v\d+$/), 'v1'),

    BRIEF_MIN_TEXT_CHARS: withDefault(positiveInt, 200),
    BRIEF_MAX_TEXT_CHARS: withDefault(positiveInt, 60_000),
    BRIEF_MAX_BODY_BYTES: withDefault(positiveInt, 1_048_576),
    BRIEF_MAX_BATCH_BODY_BYTES: withDefault(positiveInt, 8_388_608),
    BRIEF_MAX_BATCHES_IN_FLIGHT: withDefault(positiveInt, 2),
    BRIEF_MAX_HTML_BODY_BYTES: withDefault(positiveInt, DEFAULT_MAX_HTML_BODY_BYTES),

    BRIEF_UPSTREAM_MAX_RETRIES: withDefault(nonNegativeInt.max(10), 2),
    BRIEF_UPSTREAM_TIMEOUT_MS: withDefault(positiveInt, 30_000),
    BRIEF_REQUEST_DEADLINE_MS: withDefault(positiveInt, 60_000),
    BRIEF_MAX_CONCURRENT_UPSTREAM: withDefault(positiveInt, 16),
    BRIEF_MAX_QUEUED: withDefault(nonNegativeInt, 100),
    BRIEF_SHUTDOWN_GRACE_MS: withDefault(positiveInt, 25_000),
    BRIEF_UPSTREAM_RPM: optional(positiveInt),
    BRIEF_UPSTREAM_INPUT_TPM: optional(positiveInt),
    BRIEF_UPSTREAM_OUTPUT_TPM: optional(positiveInt),
    BRIEF_FALLBACK_MODEL: optional(z.string().min(1)),
    OTEL_EXPORTER_OTLP_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
    OTEL_SERVICE_NAME: withDefault(z.string().min(1), 'brief'),

    BRIEF_API_KEYS: optional(
      commaList.pipe(
        z.array(
          z
            .string()
            .min(
              MIN_API_KEY_CHARS,
              `every key needs at least ${MIN_API_KEY_CHARS} characters (try: openssl rand -hex 32)`,
            ),
        ),
      ),
    ),
    BRIEF_API_KEY_HASHES: optional(commaList.pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/i)))),
    BRIEF_AUTH_DISABLED: withDefault(booleanFlag, 'false'),
    BRIEF_KEYS_FILE: optional(z.string().min(1)),
    BRIEF_SIGNING_SECRET: optional(z.string().min(MIN_SIGNING_SECRET_CHARS)),
    BRIEF_SIGNING_SECRETS_PREVIOUS: optional(
      commaList.pipe(z.array(z.string().min(MIN_SIGNING_SECRET_CHARS))),
    ),
    BRIEF_CACHE_SCOPE: withDefault(z.enum(['key', 'shared']), 'key'),
    BRIEF_RATE_LIMIT_PER_MINUTE: withDefault(nonNegativeInt, 60),
    BRIEF_AUTH_FAILURES_PER_MINUTE: withDefault(positiveInt, 10),
    BRIEF_CORS_ORIGINS: optional(commaList),
    BRIEF_LOG_CONTENT: withDefault(booleanFlag, 'false'),
    BRIEF_METRICS_ENABLED: withDefault(booleanFlag, 'true'),
    BRIEF_METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),

    BRIEF_STRICT_CHECKS: withDefault(booleanFlag, 'false'),
    BRIEF_NINJS_AI_INFO: withDefault(booleanFlag, 'false'),
    BRIEF_CACHE_ENABLED: withDefault(booleanFlag, 'true'),
    BRIEF_CACHE_TTL_SECONDS: withDefault(positiveInt, 86_400),
    BRIEF_CACHE_MAX_ENTRIES: withDefault(positiveInt, 1_000),
    BRIEF_CACHE_MAX_BYTES: withDefault(positiveInt, 67_108_864),
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/ })),

    BRIEF_URL: optional(z.url({ protocol: /^https?$/ })),
    BRIEF_API_KEY: optional(z.string().min(1)),
  })
  .superRefine((env, context) => {
    if (env.BRIEF_MIN_TEXT_CHARS >= env.BRIEF_MAX_TEXT_CHARS) {
      context.addIssue({
        code: 'custom',
        path: ['BRIEF_MIN_TEXT_CHARS'],
        message: 'must be smaller than BRIEF_MAX_TEXT_CHARS',
      });
    }
    if ((env.BRIEF_MODE === 'live' || env.BRIEF_MODE === 'record') && !env.ANTHROPIC_API_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['ANTHROPIC_API_KEY'],
        message: `is required when BRIEF_MODE=${env.BRIEF_MODE}`,
      });
    }
    if (env.BRIEF_METRICS_PORT !== undefined && env.BRIEF_METRICS_PORT === env.PORT) {
      context.addIssue({
        code: 'custom',
        path: ['BRIEF_METRICS_PORT'],
        message: 'must differ from PORT: metrics get a listener of their own',
      });
    }
    const hasKeys =
      (env.BRIEF_API_KEYS?.length ?? 0) + (env.BRIEF_API_KEY_HASHES?.length ?? 0) > 0 ||
      env.BRIEF_KEYS_FILE !== undefined;
    const batchesEnabled = (env.BRIEF_MODE ?? (env.ANTHROPIC_API_KEY ? 'live' : 'replay')) === 'live';
    if (env.NODE_ENV === 'production' && batchesEnabled && !env.BRIEF_SIGNING_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['BRIEF_SIGNING_SECRET'],
        message: `is required in production in live mode (batch ids are signed with it): at least ${MIN_SIGNING_SECRET_CHARS} random characters, e.g. openssl rand -hex 32`,
      });
    }
    if (env.NODE_ENV === 'production' && !hasKeys && !env.BRIEF_AUTH_DISABLED) {
      context.addIssue({
        code: 'custom',
        path: ['BRIEF_API_KEYS'],
        message:
          'is required in production: set BRIEF_API_KEYS or BRIEF_API_KEY_HASHES, or BRIEF_AUTH_DISABLED=true to run without authentication',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
export type Mode = 'live' | 'record' | 'replay';

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  logContent: boolean;
  mode: Mode;
  anthropic: { apiKey: string | undefined; baseURL: string | undefined };
  promptsDir: string;
  cassetteDir: string;
  defaultPromptVersion: string;
  limits: {
    minTextChars: number;
    maxTextChars: number;
    maxBodyBytes: number;
    maxBatchBodyBytes: number;
    /** A `text/html` body; never more than `maxBodyBytes`. */
    maxHtmlBodyBytes: number;
  };
  /** `POST /v1/batches` requests being read or submitted at once; beyond: 503 with Retry-After. */
  maxBatchesInFlight: number;
  upstream: {
    maxRetries: number;
    timeoutMs: number;
    requestDeadlineMs: number;
    maxConcurrent: number;
    maxQueued: number;
    /** Per-model limits per minute of the admission in front of every model call; undefined: none. */
    budget:
      | {
          requestsPerMinute?: number | undefined;
          inputTokensPerMinute?: number | undefined;
          outputTokensPerMinute?: number | undefined;
        }
      | undefined;
    /** Asked once when the prompt's model ends in overload or a 5xx after the SDK's retries. */
    fallbackModel: string | undefined;
  };
  /** OTLP/HTTP export of traces; without an endpoint nothing is traced. */
  telemetry: { otlpEndpoint: string | undefined; serviceName: string };
  shutdownGraceMs: number;
  auth: { disabled: boolean; keys: string[]; keyHashes: string[]; keysFile: string | undefined };
  /** Signs batch ids; undefined outside production: a random secret per process. */
  signing: { secret: string | undefined; previousSecrets: string[] };
  rateLimitPerMinute: number;
  /** Failed API keys per client address per minute before it is refused with 429. */
  authFailuresPerMinute: number;
  corsOrigins: string[];
  /** Serve `GET /metrics`: with a valid API key when auth is on, or without one on `metricsPort`. */
  metricsEnabled: boolean;
  /** A listener of its own for `GET /metrics` (not on `port` then); unset: `/metrics` on the main port. */
  metricsPort: number | undefined;
  cache: {
    enabled: boolean;
    ttlSeconds: number;
    maxEntries: number;
    maxBytes: number;
    /** `key`: a key sees only its own cached answers; `shared`: every key sees every cached answer. */
    scope: 'key' | 'shared';
  };
  /** A summary that fails its fact checks becomes a 502 instead of being returned with its failures. */
  strictChecks: boolean;
  /** ninjs answers carry the proposed `aiInfo`/`aiInfoRef` (IPTC decision 0004), which released schemas reject. */
  ninjsAiInfo: boolean;
  /** Shared cache and rate-limit counters for several replicas. */
  redisUrl: string | undefined;
  /** The `brief` CLI: a running service to use instead of working in-process, and the key it sends. */
  cli: { url: string | undefined; apiKey: string | undefined };
}

export function toConfig(env: Env): Config {
  const keys = env.BRIEF_API_KEYS ?? [];
  const keyHashes = (env.BRIEF_API_KEY_HASHES ?? []).map((hash) => hash.toLowerCase());
  const authDisabled =
    env.BRIEF_AUTH_DISABLED ||
    (keys.length === 0 && keyHashes.length === 0 && env.BRIEF_KEYS_FILE === undefined);
  return {
    nodeEnv: env.NODE_ENV,
    // Without keys, a development instance with ANTHROPIC_API_KEY would be an open model proxy on every interface.
    host: env.HOST ?? (authDisabled && env.NODE_ENV !== 'production' ? LOOPBACK_HOST : OPEN_HOST),
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    logContent: env.BRIEF_LOG_CONTENT,
    mode: env.BRIEF_MODE ?? (env.ANTHROPIC_API_KEY ? 'live' : 'replay'),
    anthropic: { apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL },
    promptsDir: env.BRIEF_PROMPTS_DIR,
    cassetteDir: env.BRIEF_CASSETTE_DIR,
    defaultPromptVersion: env.BRIEF_DEFAULT_PROMPT_VERSION,
    limits: {
      minTextChars: env.BRIEF_MIN_TEXT_CHARS,
      maxTextChars: env.BRIEF_MAX_TEXT_CHARS,
      maxBodyBytes: env.BRIEF_MAX_BODY_BYTES,
      maxBatchBodyBytes: env.BRIEF_MAX_BATCH_BODY_BYTES,
      maxHtmlBodyBytes: Math.min(env.BRIEF_MAX_HTML_BODY_BYTES, env.BRIEF_MAX_BODY_BYTES),
    },
    maxBatchesInFlight: env.BRIEF_MAX_BATCHES_IN_FLIGHT,
    upstream: {
      maxRetries: env.BRIEF_UPSTREAM_MAX_RETRIES,
      timeoutMs: env.BRIEF_UPSTREAM_TIMEOUT_MS,
      requestDeadlineMs: env.BRIEF_REQUEST_DEADLINE_MS,
      maxConcurrent: env.BRIEF_MAX_CONCURRENT_UPSTREAM,
      maxQueued: env.BRIEF_MAX_QUEUED,
      budget:
        env.BRIEF_UPSTREAM_RPM || env.BRIEF_UPSTREAM_INPUT_TPM || env.BRIEF_UPSTREAM_OUTPUT_TPM
          ? {
              requestsPerMinute: env.BRIEF_UPSTREAM_RPM,
              inputTokensPerMinute: env.BRIEF_UPSTREAM_INPUT_TPM,
              outputTokensPerMinute: env.BRIEF_UPSTREAM_OUTPUT_TPM,
            }
          : undefined,
      fallbackModel: env.BRIEF_FALLBACK_MODEL,
    },
    telemetry: { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
    shutdownGraceMs: env.BRIEF_SHUTDOWN_GRACE_MS,
    auth: {
      disabled: authDisabled,
      keys,
      keyHashes,
      keysFile: env.BRIEF_KEYS_FILE,
    },
    signing: { secret: env.BRIEF_SIGNING_SECRET, previousSecrets: env.BRIEF_SIGNING_SECRETS_PREVIOUS ?? [] },
    rateLimitPerMinute: env.BRIEF_RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: env.BRIEF_AUTH_FAILURES_PER_MINUTE,
    corsOrigins: env.BRIEF_CORS_ORIGINS ?? [],
    metricsEnabled: env.BRIEF_METRICS_ENABLED,
    metricsPort: env.BRIEF_METRICS_PORT,
    cache: {
      enabled: env.BRIEF_CACHE_ENABLED,
      ttlSeconds: env.BRIEF_CACHE_TTL_SECONDS,
      maxEntries: env.BRIEF_CACHE_MAX_ENTRIES,
      maxBytes: env.BRIEF_CACHE_MAX_BYTES,
      scope: env.BRIEF_CACHE_SCOPE,
    },
    redisUrl: env.REDIS_URL,
    cli: { url: env.BRIEF_URL, apiKey: env.BRIEF_API_KEY },
    strictChecks: env.BRIEF_STRICT_CHECKS,
    ninjsAiInfo: env.BRIEF_NINJS_AI_INFO,
  };
}

/** Parses an environment into a Config, or returns a message a person can act on. */
export function parseEnv(
  environment: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; message: string } {
  const result = envSchema.safeParse(environment);
  if (result.success) {
    return { ok: true, config: toConfig(result.data) };
  }
  const lines = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  return {
    ok: false,
    message: `Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`,
  };
}

/** The only read of `process.env`. */
export function loadConfigFromProcessEnv(): Config {
  const result = parseEnv(process.env);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  return result.config;
}

/** A Config for tools from these values alone, never the process's environment: the defaults, no logs. */
export function createToolConfig(values: Record<string, string> = {}): Config {
  const result = parseEnv({ LOG_LEVEL: 'silent', ...values });
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.config;
}
