import type { Logger } from 'pino';
import type { ApiKey } from '../keys/keyring.js';
import type { TokenUsage } from '../llm/token-usage.js';
import type { NinjsArticle } from '../ninjs/read-ninjs-item.js';

/** What middleware and handlers share on the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The request's trace id, when it is traced. */
    traceId?: string;
    logger: Logger;
    promptVersion?: string;
    /** A prefix of the presented API key's SHA-256: identifies the caller in logs and rate limits. */
    apiKeyId?: string;
    /** The caller's key (id, scopes, limits, budget); absent only before authentication has run. */
    apiKey?: ApiKey;
    /**
     * Set by the rate limiter: this request costs `points` in all (the point already taken included),
     * or it is refused with 429 and costs nothing more. A batch pays one point per article.
     */
    chargeRateLimit?: (points: number) => Promise<void>;
    /** Set by the summaries handler for the request log line. */
    summary?: { model: string; attempts: number; usage: TokenUsage };
    /** Set by `readNinjsBody` when the request carried a ninjs item: the answer keeps its version. */
    ninjs?: NinjsArticle;
  };
}
