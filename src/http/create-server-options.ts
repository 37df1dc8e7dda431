import type { ServerOptions } from 'node:http';
import type { Config } from '../config/env.js';

/** Request line (URL) and headers together; larger: 431 from Node before Brief sees the request. */
export const HEADER_LIMIT_BYTES = 16_384;
export const HEADERS_TIMEOUT_MS = 10_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** The Node HTTP server's own limits, shared by the server edge and the tests that run a real server. */
export function createServerOptions(config: Config): ServerOptions {
  return {
    maxHeaderSize: HEADER_LIMIT_BYTES,
    headersTimeout: HEADERS_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // The request deadline bounds the work; this bounds a client that never finishes sending.
    requestTimeout: config.upstream.requestDeadlineMs + HEADERS_TIMEOUT_MS,
  };
}
